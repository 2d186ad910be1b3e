import { notApplicable, unknown, type ControlOutcome, type FindingInput } from '../../engine/control.js';
import type { CommandBlock, ShellCommandFacts } from '../../facts/ci/shell-commands.js';

/** A text pattern in shell commands or configuration files that is a finding wherever it matches. */
export interface CommandRule {
  id: string;
  /** Linear-time; matched globally over each block's text. */
  pattern: RegExp;
  message: string;
  /** A fixed description of what matched: never the command itself, which may carry a token. */
  evidence: string;
  /** Whether the rest of the command (up to `;`, `&`, `|` or a newline) makes this match acceptable. */
  accept?: (command: string) => boolean;
}

/** Where a finding's origin is named in its message. */
const ORIGIN: Record<CommandBlock['origin'], string> = {
  dockerfile: 'Dockerfile',
  script: 'script',
  makefile: 'Makefile recipe',
  workflow: 'workflow step',
  'gitlab-ci': 'GitLab CI script',
  ci: 'CI script',
  config: 'configuration',
};

/** Findings for every match of every rule in the blocks. */
export function commandFindings(blocks: readonly CommandBlock[], rules: readonly CommandRule[]): FindingInput[] {
  const findings: FindingInput[] = [];
  for (const block of blocks) {
    for (const rule of rules) {
      const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
      for (const match of block.text.matchAll(pattern)) {
        const start = match.index + (match[0].length - match[0].trimStart().length);
        const rest = block.text.slice(start, start + 2000);
        const command = rest.slice(0, firstSeparator(rest));
        if (rule.accept?.(command)) continue;
        const line = block.lineAt(start);
        findings.push({ subject: block, message: `${ORIGIN[block.origin]}: ${rule.message}`, line, key: `${rule.id}:${match[0].trim()}`, evidence: rule.evidence });
      }
    }
  }
  return findings;
}

function firstSeparator(text: string): number {
  const index = text.search(/[;&|\n]/);
  return index === -1 ? text.length : index;
}

/** The outcome when nothing was read: not applicable, or unknown when Dockerfiles could not be parsed. */
export function withoutCommands(facts: ShellCommandFacts, what: string): ControlOutcome {
  if (facts.unreadDockerfiles.length > 0) return unknown(`no ${what} could be read; Dockerfile(s) not parsed: ${facts.unreadDockerfiles.join(', ')} (see errors)`);
  return notApplicable(`no ${what} in the repository`);
}

/** The host of the URL after a registry option (`--index-url URL`, `--registry=URL`), if any. */
export function optionHost(command: string, option: RegExp): string | undefined {
  const match = option.exec(command);
  if (!match) return undefined;
  const url = command.slice(match.index + match[0].length).trimStart().split(/[\s"']/)[0] ?? '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
