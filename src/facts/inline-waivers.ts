/** `# tenet:ignore <control-id> <reason>` (or `//`); the reason is required. */
const WAIVER = /^\s{0,200}(?:#|\/\/)\s{0,20}tenet:ignore\s{1,20}([a-z0-9-]{1,100})(?:\s{1,20}(\S.*))?$/;
const COMMENT = /^\s{0,200}(?:#|\/\/)/;

/**
 * The inline waiver for `controlId` written on `line` (1-based, e.g. the line a resource block
 * starts on) or on the run of comment lines directly above it, if any.
 */
export function inlineWaiver(text: string, line: number, controlId: string): { reason: string; line: number } | undefined {
  const lines = text.split('\n');
  const match = (index: number): { reason: string; line: number } | undefined => {
    const source = (lines[index] ?? '').replace(/\r$/, '');
    const comment = commentPart(source);
    const found = comment === undefined ? undefined : WAIVER.exec(comment);
    if (!found || found[1] !== controlId) return undefined;
    return { reason: (found[2] ?? '').trim() || 'no reason given', line: index + 1 };
  };
  const onLine = match(line - 1);
  if (onLine) return onLine;
  for (let index = line - 2; index >= 0 && COMMENT.test(lines[index] ?? ''); index--) {
    const above = match(index);
    if (above) return above;
  }
  return undefined;
}

/** The trailing comment of a line (`resource "x" "y" { # tenet:ignore …`), or the whole line when it is one. */
function commentPart(line: string): string | undefined {
  if (COMMENT.test(line)) return line;
  const hash = line.indexOf('# tenet:ignore');
  const slashes = line.indexOf('// tenet:ignore');
  const at = hash !== -1 ? hash : slashes;
  return at === -1 ? undefined : line.slice(at);
}
