import { MalformedLockfile } from './common.js';

/** A block of `key value` (classic) or `key: value` (berry) lines; nested blocks for deeper indents. */
export interface YarnBlock {
  [key: string]: string | YarnBlock;
}

export interface YarnEntry {
  /** Every descriptor the entry answers (`lodash@^4.0.0`, `lodash@npm:^4.1.0`). */
  descriptors: string[];
  line: number;
  fields: YarnBlock;
}

/**
 * The indentation format both yarn generations write: top-level descriptor lines ending in `:`, then
 * fields two spaces in. Yarn berry's file is YAML, but only this subset of it, so one small reader
 * serves both and stays linear on large files.
 */
export function readYarnEntries(text: string): YarnEntry[] {
  const entries: YarnEntry[] = [];
  const stack: { indent: number; block: YarnBlock }[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] ?? '').replace(/\r$/, '');
    const trimmed = raw.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = raw.length - trimmed.length;
    if (indent === 0) {
      if (!trimmed.endsWith(':')) throw new MalformedLockfile(`line ${index + 1}: expected an entry header ending in ':'`);
      const entry: YarnEntry = { descriptors: splitDescriptors(trimmed.slice(0, -1)), line: index + 1, fields: {} };
      entries.push(entry);
      stack.length = 0;
      stack.push({ indent: 0, block: entry.fields });
      continue;
    }
    while (stack.length > 1 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) throw new MalformedLockfile(`line ${index + 1}: a field outside any entry`);
    const { key, value } = splitField(trimmed, index + 1);
    if (value === undefined) {
      const block: YarnBlock = {};
      parent.block[key] = block;
      stack.push({ indent, block });
    } else {
      parent.block[key] = value;
    }
  }
  return entries;
}

function splitDescriptors(header: string): string[] {
  // Descriptors never contain quotes: classic quotes each one, berry quotes the whole list.
  return header
    .replace(/"/g, '')
    .split(',')
    .map((descriptor) => descriptor.trim())
    .filter(Boolean);
}

function splitField(line: string, lineNumber: number): { key: string; value: string | undefined } {
  let keyEnd: number;
  let key: string;
  if (line.startsWith('"')) {
    keyEnd = closingQuote(line, lineNumber) + 1;
    key = unquote(line.slice(0, keyEnd));
  } else {
    keyEnd = 0;
    while (keyEnd < line.length) {
      const c = line[keyEnd];
      if (c === ' ' || (c === ':' && (keyEnd + 1 === line.length || line[keyEnd + 1] === ' '))) break;
      keyEnd++;
    }
    key = line.slice(0, keyEnd);
  }
  let rest = line.slice(keyEnd);
  if (rest.startsWith(':')) rest = rest.slice(1);
  rest = rest.trim();
  return { key, value: rest === '' ? undefined : unquote(rest) };
}

function closingQuote(line: string, lineNumber: number): number {
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '"') return i;
  }
  throw new MalformedLockfile(`line ${lineNumber}: unterminated string`);
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  return value;
}

/** `name@range` → [name, range]; scoped names keep their leading `@`. */
export function splitDescriptor(descriptor: string): [string, string] {
  const at = descriptor.indexOf('@', 1);
  return at === -1 ? [descriptor, ''] : [descriptor.slice(0, at), descriptor.slice(at + 1)];
}
