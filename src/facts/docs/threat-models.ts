import { defineCollector } from '../collector.js';
import { git } from '../../repo/git.js';
import type { Repository } from '../../repo/repository.js';
import { NOT_SOURCE, TEST_FILE } from '../code/source-files.js';

export interface ThreatModelArtefact {
  file: string;
  /** What made it a threat model: `named`, `threagile`, `microsoft-tmt`, `threat-dragon`, `pytm`. */
  kind: string;
  /** Committer date of the last commit that changed it (ISO 8601), when git knows one. */
  lastChanged?: string;
  /** Why `lastChanged` is missing or uncertain. */
  dateUnknown?: string;
}

export interface ThreatModelFacts {
  fileCount: number;
  artefacts: ThreatModelArtefact[];
}

/** A document named threat-model…, or a document under a threat-model(s) folder (code about threat models is not one). */
const NAMED_FILE = /(^|\/)threat[-_ ]?models?(?:[-_. ][^/]*)?\.(md|markdown|txt|rst|adoc|pdf|docx?|odt|ya?ml|json|html?|drawio|svg|png)$/i;
const NAMED_FOLDER = /(^|\/)threat[-_ ]?models?\/[^/]/i;
const CODE = /\.(ts|tsx|js|jsx|mjs|cjs|go|java|kt|rb|php|cs|rs|sh)$/i;
const THREAGILE = /(^|\/)threagile[^/]*\.ya?ml$/i;
const TMT = /\.tm7$/i;
const DRAGON_CANDIDATE = /(threat|dragon)[^/]*\.json$|threatdragon/i;

/** Threat models in the tree (documents, Threagile, Microsoft TMT, OWASP Threat Dragon, pytm) and when git last saw each change. */
export const threatModelFacts = defineCollector<ThreatModelFacts>({
  id: 'threat-models',
  description: 'Threat-model artefacts (THREAT_MODEL.md, docs/threat-model*, threagile.yaml, *.tm7, Threat Dragon JSON, pytm) and the date of their last commit',
  async collect({ repo }) {
    const artefacts: ThreatModelArtefact[] = [];
    for (const { path: file } of repo.files) {
      // Tests and vendored trees may carry sample models; they are not this project's.
      if (NOT_SOURCE.test(file) || TEST_FILE.test(file)) continue;
      const kind = artefactKind(repo, file);
      if (kind) artefacts.push({ file, kind });
    }
    for (const artefact of artefacts) Object.assign(artefact, await lastChange(repo, artefact.file));
    return { fileCount: repo.files.length, artefacts };
  },
});

function artefactKind(repo: Repository, file: string): string | undefined {
  if (THREAGILE.test(file)) return 'threagile';
  if (TMT.test(file)) return 'microsoft-tmt';
  if (DRAGON_CANDIDATE.test(file) && isThreatDragon(repo, file)) return 'threat-dragon';
  if (NAMED_FILE.test(file) || (NAMED_FOLDER.test(file) && !CODE.test(file))) return 'named';
  if (file.endsWith('.py')) {
    const text = repo.readTextOnce(file);
    if (text?.includes('pytm') && /^\s{0,8}(?:from\s{1,5}pytm\s{1,5}import|import\s{1,5}pytm)\b/m.test(text)) return 'pytm';
  }
  return undefined;
}

function isThreatDragon(repo: Repository, file: string): boolean {
  const value = repo.json(file)?.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const detail = (value as Record<string, unknown>).detail;
  return typeof detail === 'object' && detail !== null && 'diagrams' in detail;
}

async function lastChange(repo: Repository, file: string): Promise<Pick<ThreatModelArtefact, 'lastChanged' | 'dateUnknown'>> {
  if (!repo.git) return { dateUnknown: 'not a git work tree: the date of the last change is unknown' };
  let output: string;
  try {
    output = (await git(repo.root, ['log', '-1', '--format=%H%x00%P%x00%cI', '--', file])).trim();
  } catch (error) {
    return { dateUnknown: `git log failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!output) return { dateUnknown: 'not committed yet' };
  const [, parents = '', date = ''] = output.split('\0');
  // In a shallow clone the oldest commit stands in for all the history cut away: a file changed
  // long before it would look as new as the clone.
  if (repo.git.isShallow && parents === '') return { lastChanged: date, dateUnknown: 'shallow clone: the file may have changed earlier than its oldest fetched commit' };
  return { lastChanged: date };
}
