import type { PropertyPath } from '../core/subject.js';
/** Maps character offsets of a text to 1-based line numbers. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** 1-based line of the first occurrence of `needle` at or after `fromLine`, if any. */
export function lineOfText(text: string, needle: string, fromOffset = 0): number | undefined {
  const at = text.indexOf(needle, fromOffset);
  if (at === -1) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export type { PropertyPath };
