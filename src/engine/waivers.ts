import type { Domain, Suppression } from '../core/result.js';
import type { Subject } from '../core/subject.js';
import { secretAllowIn, waiverAt, waiverIn } from './inline-waivers.js';

/** Where the engine reads waivers from: the scanned files' texts and the repository's ignore files. */
export interface WaiverSources {
  /** Text of a scanned file (undefined for files outside the tree). */
  textOf(file: string): string | undefined;
  /** Whether `tenet:ignore` comments count (`--disallow-inline-waivers` turns them off). */
  inline: boolean;
  /** Finding fingerprints listed in ignore files, with why and where. */
  ignored: ReadonlyMap<string, Suppression>;
}

/** The finding as the waiver rule sees it. */
export interface WaiverCandidate {
  file?: string;
  line?: number;
  subject?: Subject;
  fingerprint: string;
  lineText?: string;
}

/**
 * The one placement rule, for every domain: a `tenet:ignore <id> <reason>` waives a finding when it
 * is written on the finding's line, or on the first line of the subject the finding is about (or of
 * any subject that subject is declared in), or in the block of comment lines directly above one of
 * those lines. Secrets findings also honour `tenet:allow` / `gitleaks:allow` on their own line. A
 * fingerprint listed in an ignore file waives the finding wherever it is.
 */
export class Waivers {
  private readonly lines = new Map<string, readonly string[] | undefined>();

  constructor(private readonly sources: WaiverSources) {}

  suppressionOf(controlId: string, domain: Domain, finding: WaiverCandidate): Suppression | undefined {
    const listed = this.sources.ignored.get(finding.fingerprint);
    if (listed) return listed;
    if (!this.sources.inline) return undefined;
    if (finding.lineText !== undefined) return this.inText(controlId, domain, finding);
    const file = finding.file;
    if (file === undefined) return undefined;
    const lines = this.linesOf(file);
    if (!lines) return undefined;
    if (domain === 'secrets' && finding.line !== undefined) {
      const reason = secretAllowIn(lines[finding.line - 1]);
      if (reason !== undefined) return { kind: 'inline', reason: reason || 'tenet:allow comment', source: `${file}:${finding.line}` };
    }
    for (const line of candidateLines(finding, file)) {
      const waiver = waiverAt(lines, line, controlId);
      if (waiver) return { kind: 'inline', reason: waiver.reason, source: `${file}:${waiver.line}` };
    }
    return undefined;
  }

  private inText(controlId: string, domain: Domain, finding: WaiverCandidate): Suppression | undefined {
    const where = `${finding.file ?? ''}:${finding.line ?? ''}`;
    const allow = domain === 'secrets' ? secretAllowIn(finding.lineText) : undefined;
    if (allow !== undefined) return { kind: 'inline', reason: allow || 'tenet:allow comment', source: where };
    const reason = waiverIn(finding.lineText, controlId);
    return reason ? { kind: 'inline', reason, source: where } : undefined;
  }

  /** Split once per file, and only files that hold a waiver at all. */
  private linesOf(file: string): readonly string[] | undefined {
    if (this.lines.has(file)) return this.lines.get(file);
    const text = this.sources.textOf(file);
    const lines = text !== undefined && (text.includes('tenet:ignore') || text.includes(':allow')) ? text.split(/\r?\n/) : undefined;
    this.lines.set(file, lines);
    return lines;
  }
}

function candidateLines(finding: WaiverCandidate, file: string): number[] {
  const lines: number[] = [];
  if (finding.line !== undefined) lines.push(finding.line);
  for (let subject = finding.subject; subject; subject = subject.parent) {
    if (subject.file === file && subject.line !== undefined && !lines.includes(subject.line)) lines.push(subject.line);
  }
  return lines;
}
