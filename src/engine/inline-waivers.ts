/**
 * `# tenet:ignore <control-id>[,<control-id>…] <reason>` (or `// tenet:ignore …`) on a line, or in the
 * block of comment lines directly above it, waives that control's finding at that line. A waiver
 * without a reason is not a waiver: the reason is what a reviewer reads.
 */
const WAIVER = /(?:#|\/\/|--|<!--|\/\*)[ \t]{0,20}tenet:ignore[ \t]{1,20}([A-Za-z0-9,-]{1,400})(?:[ \t]{1,20}(\S[^\r\n]{0,500}))?/;
const COMMENT_LINE = /^[ \t]{0,400}(?:#|\/\/|--|<!--|\/\*|\*)/;
/** The secrets domain also honours the markers gitleaks users already write on a secret's line. */
const SECRET_ALLOW = /(?:tenet:allow|gitleaks:allow)(?![-\w])[ \t]{0,20}([^\r\n]{0,500})/;

/** The waiver of `controlId` at 1-based `line` of `text`, if one is written on or directly above it. */
export function inlineWaiver(text: string, line: number, controlId: string): { reason: string; line: number } | undefined {
  if (!text.includes('tenet:ignore')) return undefined;
  return waiverAt(text.split(/\r?\n/), line, controlId);
}

/** {@link inlineWaiver} over a text already split into lines. */
export function waiverAt(lines: readonly string[], line: number, controlId: string): { reason: string; line: number } | undefined {
  const own = waiverIn(lines[line - 1], controlId);
  if (own) return { reason: own, line };
  for (let above = line - 2; above >= 0; above--) {
    const content = lines[above] ?? '';
    if (!COMMENT_LINE.test(content)) break;
    const reason = waiverIn(content, controlId);
    if (reason) return { reason, line: above + 1 };
  }
  return undefined;
}

/** The reason of a `tenet:ignore` of `controlId` in one line of text, if it holds one. */
export function waiverIn(content: string | undefined, controlId: string): string | undefined {
  if (content === undefined || !content.includes('tenet:ignore')) return undefined;
  const match = WAIVER.exec(content);
  if (!match) return undefined;
  const ids = (match[1] ?? '').split(',');
  const reason = match[2]?.trim();
  return ids.includes(controlId) && reason ? reason : undefined;
}

/** The reason of a `tenet:allow` / `gitleaks:allow` marker on a secret's line ('' when none is written). */
export function secretAllowIn(content: string | undefined): string | undefined {
  if (content === undefined || !content.includes(':allow')) return undefined;
  const match = SECRET_ALLOW.exec(content);
  if (!match) return undefined;
  return (match[1] ?? '').replace(/(?:\*\/|-->)\s*$/, '').trim();
}
