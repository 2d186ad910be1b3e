import { defineCollector } from '../collector.js';
import { ownerRuleFor, parseCodeowners, type CodeownersProblem } from '../../parsers/codeowners.js';

/** Where GitHub looks, in the order it looks; the first one found is the one in force. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

export interface CodeownersFacts {
  fileCount: number;
  /** The CODEOWNERS in force, if any. */
  file?: string;
  readable: boolean;
  ruleCount: number;
  problems: CodeownersProblem[];
  /** Tracked paths no rule gives an owner, with the line of the rule that left them unowned, if one did. */
  unowned: { path: string; line?: number }[];
}

export const codeownersFacts = defineCollector<CodeownersFacts>({
  id: 'codeowners',
  description: 'The CODEOWNERS file in force, its syntax problems and the paths it leaves unowned',
  collect({ repo }) {
    const file = CODEOWNERS_LOCATIONS.find((candidate) => repo.has(candidate));
    const base = { fileCount: repo.files.length, ruleCount: 0, problems: [], unowned: [] };
    if (!file) return { ...base, readable: false };
    const text = repo.readText(file);
    if (text === undefined) return { ...base, file, readable: false };
    const codeowners = parseCodeowners(text);
    const unowned: CodeownersFacts['unowned'] = [];
    for (const entry of repo.files) {
      const rule = ownerRuleFor(codeowners, entry.path);
      if (!rule) unowned.push({ path: entry.path });
      else if (rule.owners.length === 0) unowned.push({ path: entry.path, line: rule.line });
    }
    return { fileCount: repo.files.length, file, readable: true, ruleCount: codeowners.rules.length, problems: codeowners.problems, unowned };
  },
});
