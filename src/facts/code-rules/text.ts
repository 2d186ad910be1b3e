import { COMMENT_LINE, MAX_LINE } from '../code/source-files.js';
import type { ScannedFile } from '../code/code-scan.js';

/** An interactive example in a Python docstring: documentation, not code that runs. */
const DOCTEST = /^\s{0,40}(?:>>>|\.\.\.)\s/;

/** Calls `visit` for each line worth matching: not a comment line, not minified-length. */
export function forEachCodeLine(file: ScannedFile, visit: (line: string, lineNumber: number, lines: readonly string[]) => void): void {
  const lines = file.lines();
  const python = file.ext === '.py';
  lines.forEach((line, index) => {
    if (line.length > MAX_LINE || COMMENT_LINE.test(line) || (python && DOCTEST.test(line))) return;
    visit(line, index + 1, lines);
  });
}

/** A short piece of `line` around `index` for a report: enough to find it, never the whole line, never a credential. */
export function excerpt(line: string, index: number, length = 60): string {
  const start = Math.max(0, index);
  const piece = withoutCredentials(line.slice(start, start + length).trim());
  return start + length < line.length ? `${piece}…` : piece;
}

/** Masks values that follow credential words, bearer/basic schemes and URL user-info. */
export function withoutCredentials(text: string): string {
  return text
    .replace(/(:\/\/[^/@\s:'"]{0,100}:)[^/@\s'"]{1,200}@/g, '$1***@')
    .replace(/\b(bearer|basic|token)(\s{1,5})[A-Za-z0-9._~+/=-]{4,}/gi, '$1$2***')
    .replace(/\b((?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|auth)[\w-]{0,20}["']?\s{0,3}[=:]\s{0,3}["']?)[^\s"',;)]{1,200}/gi, '$1***');
}

export interface StringLiteral {
  /** The quote: `'`, `"` or a backtick. */
  quote: string;
  /** Python string prefix letters (`f`, `rb` …), lower case. */
  prefix: string;
  body: string;
  /** Index just after the closing quote (the end of the text when unterminated). */
  end: number;
  terminated: boolean;
}

/**
 * The string literal starting at `from` after blanks, if one does (a linear walk, so adversarial
 * input costs no more than its length; literals longer than `limit` are cut).
 */
export function stringLiteralAt(text: string, from: number, limit = 2000): StringLiteral | undefined {
  let index = from;
  while (index < text.length && (text[index] === ' ' || text[index] === '\t' || text[index] === '\n' || text[index] === '\r')) index++;
  let prefix = '';
  while (index < text.length && prefix.length < 2 && /[fFrRbBuU]/.test(text[index] ?? '')) prefix += (text[index++] ?? '').toLowerCase();
  const quote = text[index];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  if (prefix && quote === '`') return undefined;
  const triple = text.startsWith(quote.repeat(3), index) && quote !== '`';
  const closer = triple ? quote.repeat(3) : quote;
  let cursor = index + closer.length;
  const stop = Math.min(text.length, cursor + limit);
  while (cursor < stop) {
    const character = text[cursor];
    if (character === '\\') {
      cursor += 2;
      continue;
    }
    if (!triple && quote !== '`' && character === '\n') break;
    if (text.startsWith(closer, cursor)) {
      return { quote, prefix, body: text.slice(index + closer.length, cursor), end: cursor + closer.length, terminated: true };
    }
    cursor++;
  }
  return { quote, prefix, body: text.slice(index + closer.length, cursor), end: cursor, terminated: false };
}

/** The next non-blank character at or after `from`, with its index. */
export function nextToken(text: string, from: number): { character: string; index: number } {
  let index = from;
  while (index < text.length && /\s/.test(text[index] ?? '')) index++;
  return { character: text[index] ?? '', index };
}

/** The text of `lines` from line `lineNumber` (1-based) onwards, a few lines at most: calls often wrap. */
export function textFrom(lines: readonly string[], lineNumber: number, count = 4): string {
  return lines.slice(lineNumber - 1, lineNumber - 1 + count).filter((line) => line.length <= 2000).join('\n');
}

/** A line pattern: where it applies, what it means, and words that excuse or are required on the same line. */
export interface LinePattern {
  rule: string;
  /** Extensions (`.py`) or base names (`Dockerfile`) the pattern applies to; all accepted files when absent. */
  in?: readonly string[];
  pattern: RegExp;
  message: string;
  /** The line is fine when this also matches it (e.g. `usedforsecurity=False`). */
  unless?: RegExp;
  /** The pattern counts only when the line also passes this (e.g. it names a secret). */
  needs?: RegExp | ((line: string) => boolean);
}

/** Runs line patterns over a file's code lines and reports each match. */
export function matchLinePatterns(file: ScannedFile, patterns: readonly LinePattern[], emit: (hit: { line: number; rule: string; message: string; evidence: string; key: string }) => void, skipLine?: (line: string) => boolean): void {
  const applicable = patterns.filter((entry) => !entry.in || entry.in.includes(file.ext));
  if (applicable.length === 0) return;
  forEachCodeLine(file, (line, lineNumber) => {
    if (skipLine?.(line)) return;
    for (const entry of applicable) {
      const match = entry.pattern.exec(line);
      if (!match) continue;
      if (entry.unless?.test(line) || (entry.needs && !(typeof entry.needs === 'function' ? entry.needs(line) : entry.needs.test(line)))) continue;
      emit({ line: lineNumber, rule: entry.rule, message: entry.message, evidence: excerpt(line, match.index), key: `${entry.rule}:${match[0].replace(/\s+/g, '')}` });
    }
  });
}

/** A line of prose (a description or message with many words) rather than a setting or a call. */
export function isProse(line: string): boolean {
  let words = 0;
  for (const _word of line.matchAll(/[A-Za-z]{2,40}[,.;:]?\s/g)) if (++words >= 12) return true;
  return false;
}
