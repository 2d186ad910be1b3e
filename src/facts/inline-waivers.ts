import type { Suppression } from '../engine/types.js';

/** A `tenet:ignore <control-id> <reason>` comment in a scanned file. */
export interface InlineWaiver {
  /** 1-based line of the comment. */
  line: number;
  controlId: string;
  reason: string;
  /** Whether the comment is all the line holds (it then covers the line below it). */
  standalone: boolean;
}

// One marker per line, after a `#`, `//` or `--` comment opener; bounded so it stays linear.
const WAIVER = /(#|\/\/|--)[ \t]{0,8}tenet:ignore[ \t]{1,8}([a-z0-9][a-z0-9-]{0,80})(?:[ \t]{1,8}(\S[^\r\n]{0,300}))?/;

/** Every waiver comment of a file. A waiver without a reason is not a waiver. */
export function parseInlineWaivers(text: string): InlineWaiver[] {
  if (!text.includes('tenet:ignore')) return [];
  const waivers: InlineWaiver[] = [];
  const lines = text.split('\n');
  lines.forEach((content, index) => {
    if (!content.includes('tenet:ignore')) return;
    const match = WAIVER.exec(content);
    if (!match || match.index === undefined) return;
    const reason = match[3]?.trim();
    if (!match[2] || !reason) return;
    const standalone = content.slice(0, match.index).trim() === '';
    waivers.push({ line: index + 1, controlId: match[2], reason, standalone });
  });
  return waivers;
}

/**
 * The suppression a waiver gives a finding of `controlId` at `line` of `file`: a waiver on the line
 * itself, or a comment-only waiver on the line just above it.
 */
export function inlineWaiverFor(
  waivers: readonly InlineWaiver[],
  file: string,
  line: number | undefined,
  controlId: string,
): Suppression | undefined {
  if (line === undefined) return undefined;
  const waiver = waivers.find(
    (candidate) => candidate.controlId === controlId && (candidate.line === line || (candidate.standalone && candidate.line === line - 1)),
  );
  return waiver ? { kind: 'inline', reason: waiver.reason, source: `${file}:${waiver.line}` } : undefined;
}

/** Convenience for one look-up in a file's text. */
export function inlineWaiverAt(text: string, file: string, line: number, controlId: string): Suppression | undefined {
  return inlineWaiverFor(parseInlineWaivers(text), file, line, controlId);
}
