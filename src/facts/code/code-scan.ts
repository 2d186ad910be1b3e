import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Suppression } from '../../core/result.js';
import { inlineWaiver } from '../../engine/inline-waivers.js';
import { NOT_SOURCE, TEST_FILE } from './source-files.js';
import { codeRuleSets } from '../code-rules/index.js';

/** What a file is to the code scan: program text, a template, configuration, a script, tabular data or IaC. */
export type CodeFileKind = 'source' | 'template' | 'config' | 'script' | 'data' | 'iac';

export interface CodeFile {
  path: string;
  kind: CodeFileKind;
  /** Lower-case extension with its dot (`.py`), or the base name for extensionless files (`Dockerfile`). */
  ext: string;
  isTest: boolean;
}

/** A file being scanned: its text, split into lines once and only when a rule set needs them. */
export interface ScannedFile extends CodeFile {
  text: string;
  lines(): readonly string[];
}

/** One place where a rule matched. */
export interface CodeHit {
  file: string;
  line: number;
  /** Short rule name (`md5`, `http-endpoint`), for messages and fingerprints. */
  rule: string;
  message: string;
  /** A short excerpt around the match, never a whole line or a secret. */
  evidence: string;
  /** What identifies the hit when lines move (the matched text, normalised). */
  key: string;
  /** Rule-specific data for the control to judge (a suppression's written reason). */
  detail?: string;
  suppressed?: Suppression;
}

export type HitInput = Omit<CodeHit, 'file' | 'suppressed'>;

/** The patterns behind one control: which files it reads, a cheap keyword prefilter, and the scan itself. */
export interface CodeRuleSet {
  control: string;
  accepts(file: CodeFile): boolean;
  /** Tested against the whole text before it is split into lines: most files have none of these words. */
  keywords: RegExp;
  scan(file: ScannedFile, emit: (hit: HitInput) => void): void;
}

export interface CodeScanResult {
  /** Files the rule set would read (before the keyword prefilter): zero means the control has nothing to judge. */
  filesExamined: number;
  hits: CodeHit[];
}

export type CodeScanFacts = Record<string, CodeScanResult>;

/** Build output, vendored and minified code, on top of the paths every source scan leaves out. */
const NOT_FIRST_PARTY = /(^|\/)(third_party|third-party|bower_components|target|out|\.venv|venv|site-packages|\.git)\/|\.(min|bundle)\.(js|css)$|\.d\.[cm]?ts$|(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|Gemfile\.lock|poetry\.lock|Cargo\.lock|go\.sum)$/;

const KINDS: Record<string, CodeFileKind> = {};
for (const ext of ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.py', '.rb', '.java', '.kt', '.kts', '.go', '.cs', '.php', '.swift', '.dart', '.scala', '.groovy', '.rs']) KINDS[ext] = 'source';
for (const ext of ['.html', '.htm', '.erb', '.vue', '.svelte', '.jinja', '.jinja2', '.j2', '.njk', '.twig', '.hbs', '.haml', '.djhtml']) KINDS[ext] = 'template';
for (const ext of ['.yaml', '.yml', '.json', '.toml', '.ini', '.cfg', '.conf', '.properties', '.env', '.htaccess']) KINDS[ext] = 'config';
for (const ext of ['.sh', '.bash', '.zsh', '.ps1', 'Dockerfile', 'Containerfile', 'Makefile', 'Jenkinsfile']) KINDS[ext] = 'script';
for (const ext of ['.csv', '.tsv', '.sql']) KINDS[ext] = 'data';
for (const ext of ['.tf', '.tfvars', '.hcl']) KINDS[ext] = 'iac';

/** How the code scan sees a path, or undefined when it never reads it. */
export function classify(file: string): CodeFile | undefined {
  if (NOT_SOURCE.test(file) || NOT_FIRST_PARTY.test(file)) return undefined;
  const base = path.posix.basename(file);
  let ext = path.posix.extname(base).toLowerCase();
  if (base.startsWith('.env')) ext = '.env';
  else if (base === '.htaccess') ext = '.htaccess';
  else if (/^(Dockerfile|Containerfile)(\.|$)|\.Dockerfile$/.test(base)) ext = 'Dockerfile';
  else if (base === 'Makefile' || base === 'Jenkinsfile') ext = base;
  const kind = KINDS[ext];
  if (!kind) return undefined;
  return { path: file, kind, ext, isTest: TEST_FILE.test(file) };
}

/**
 * One pass over the repository's first-party code, configuration and data files for every code
 * rule set: each file is read once, and split into lines only when a rule set's keywords occur in it.
 */
export const codeScanFacts = defineCollector<CodeScanFacts>({
  id: 'code-scan',
  description: 'Pattern matches in first-party source, templates, configuration and data files (weak crypto, plaintext transport, SQL injection, unsafe HTML, suppressions, personal data)',
  collect({ repo }) {
    const facts: CodeScanFacts = {};
    for (const ruleSet of codeRuleSets) facts[ruleSet.control] = { filesExamined: 0, hits: [] };
    for (const entry of repo.files) {
      const info = classify(entry.path);
      if (!info) continue;
      const interested = codeRuleSets.filter((ruleSet) => ruleSet.accepts(info));
      if (interested.length === 0) continue;
      for (const ruleSet of interested) (facts[ruleSet.control] as CodeScanResult).filesExamined++;
      const text = repo.readTextOnce(entry.path);
      if (text === undefined) continue;
      let lines: string[] | undefined;
      const scanned: ScannedFile = { ...info, text, lines: () => (lines ??= text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))) };
      const mayWaive = text.includes('tenet:ignore');
      for (const ruleSet of interested) {
        if (!ruleSet.keywords.test(text)) continue;
        const result = facts[ruleSet.control] as CodeScanResult;
        const seen = new Set<string>();
        ruleSet.scan(scanned, (hit) => {
          // Two patterns of one rule set can meet the same spot; report it once.
          const identity = `${hit.line}\0${hit.rule}\0${hit.key}`;
          if (seen.has(identity)) return;
          seen.add(identity);
          const waiver = mayWaive ? inlineWaiver(text, hit.line, ruleSet.control) : undefined;
          result.hits.push(waiver ? { ...hit, file: entry.path, suppressed: { kind: 'inline', reason: waiver.reason, source: `${entry.path}:${waiver.line}` } } : { ...hit, file: entry.path });
        });
      }
    }
    return facts;
  },
});
