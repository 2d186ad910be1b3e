import ignore, { type Ignore } from 'ignore';

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  matcher: Ignore;
}

export interface CodeownersProblem {
  line: number;
  message: string;
}

export interface Codeowners {
  rules: CodeownersRule[];
  problems: CodeownersProblem[];
}

const OWNER = /^(@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?|[^\s@]{1,64}@[^\s@]{1,253}\.[A-Za-z]{2,24})$/;

/**
 * Parses a CODEOWNERS file with GitHub's rules (gitlab `[Section]` headers are accepted and ignored):
 * a pattern, then owners; the last matching rule wins; a pattern without owners leaves paths unowned.
 */
export function parseCodeowners(text: string): Codeowners {
  const rules: CodeownersRule[] = [];
  const problems: CodeownersProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const content = stripComment(raw).trim();
    if (!content) return;
    if (/^\^?\[[^\]]+\](\[\d+\])?(\s+@\S+)*$/.test(content)) return; // GitLab section header
    const [pattern = '', ...owners] = splitFields(content);
    if (pattern.startsWith('!')) {
      problems.push({ line, message: `negated pattern "${pattern}" is not supported in CODEOWNERS` });
      return;
    }
    if (/\[[^\]]*\]/.test(pattern)) {
      problems.push({ line, message: `character range in "${pattern}" is not supported in CODEOWNERS` });
      return;
    }
    const invalid = owners.filter((owner) => !OWNER.test(owner));
    for (const owner of invalid) problems.push({ line, message: `"${owner}" is not a @user, @org/team or e-mail address` });
    rules.push({ pattern, owners: owners.filter((owner) => OWNER.test(owner)), line, matcher: ignore().add(pattern) });
  });
  return { rules, problems };
}

/** The rule that decides who owns `file` (the last one that matches), if any. */
export function ownerRuleFor(codeowners: Codeowners, file: string): CodeownersRule | undefined {
  for (let index = codeowners.rules.length - 1; index >= 0; index--) {
    const rule = codeowners.rules[index];
    if (rule && rule.matcher.ignores(file)) return rule;
  }
  return undefined;
}

function stripComment(line: string): string {
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '#') return line.slice(0, index);
  }
  return line;
}

function splitFields(content: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let index = 0; index < content.length; index++) {
    const character = content[index] ?? '';
    if (character === '\\' && index + 1 < content.length) {
      current += content[index + 1];
      index++;
    } else if (/\s/.test(character)) {
      if (current) fields.push(current);
      current = '';
    } else current += character;
  }
  if (current) fields.push(current);
  return fields;
}
