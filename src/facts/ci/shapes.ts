import { isRecord } from '../../core/records.js';

export { isRecord };
/** Narrowing helpers for parsed CI documents, which are untrusted and loosely typed. */

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A string or a list of strings (nested lists flattened, as GitLab allows), else empty. */
export function asStringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => (Array.isArray(item) ? asStringList(item) : typeof item === 'string' ? [item] : []));
}

export function entriesOf(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : [];
}

/**
 * The line of `key:` at or above `valueLine`: parsers report where a mapping's value starts, while a
 * reader wants the line that names it.
 */
export function keyLine(lines: readonly string[], valueLine: number | undefined, key: string): number | undefined {
  if (valueLine === undefined) return undefined;
  for (let line = valueLine; line >= 1 && line > valueLine - 50; line--) {
    const text = (lines[line - 1] ?? '').trimStart().replace(/^-\s{1,8}/, '');
    if (text.startsWith(`${key}:`) || text.startsWith(`'${key}':`) || text.startsWith(`"${key}":`)) return line;
  }
  return valueLine;
}

/**
 * The file line of each line of a multi-line scalar that starts at `startLine` (unknown: anywhere):
 * found by text, so literal, folded, plain and quoted scalars all map, with lines searched in order.
 */
export function scalarLineNumbers(lines: readonly string[], startLine: number | undefined, value: string): (number | undefined)[] {
  const valueLines = value.split('\n');
  // Merge keys (`<<: *template`) leave no position behind: search the whole file instead.
  const reach = startLine === undefined ? lines.length + 1 : 400;
  let cursor = startLine ?? 1;
  const find = (needle: string, within: number): number | undefined => {
    for (let line = cursor; line <= lines.length && line < cursor + within; line++) {
      if ((lines[line - 1] ?? '').includes(needle)) return line;
    }
    return undefined;
  };
  return valueLines.map((valueLine) => {
    const text = valueLine.trim();
    if (!text) return undefined;
    // Folding joins source lines and quoting adds escapes, so a line's start is what stays findable.
    const firstWord = text.split(/\s/)[0] ?? text;
    const found = find(text.slice(0, 60), reach) ?? find(text.slice(0, 20), 50) ?? find(firstWord.slice(0, 20), 50);
    if (found !== undefined) cursor = found;
    return found;
  });
}
