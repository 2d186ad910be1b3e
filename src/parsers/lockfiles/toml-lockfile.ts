import { parseToml } from '../toml.js';
import { MalformedLockfile } from './common.js';

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

/** The TOML of a lockfile; a syntax error makes it malformed. */
export function readToml(text: string): Record<string, unknown> {
  try {
    return parseToml(text).value;
  } catch (error) {
    throw new MalformedLockfile(`not TOML: ${error instanceof Error ? error.message : String(error)}`);
  }
}
