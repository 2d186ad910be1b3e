/**
 * Lines of the successive `[[table]]` headers of a TOML text, in order: the n-th element of the
 * parsed array was written under the n-th header, so one pass gives every entry its line.
 */
export function arrayTableLines(text: string, table: string): number[] {
  const header = `[[${table}]]`;
  const lines: number[] = [];
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    if (line.trim() === header) lines.push(lineNumber);
  }
  return lines;
}
