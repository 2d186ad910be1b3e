import { LineIndex, type PropertyPath } from './lines.js';

export interface JsonDocument {
  value: unknown;
  /** Line of the value at `path` (or of its key), or undefined when the path does not exist. */
  lineOf(path: PropertyPath): number | undefined;
}

export function parseJson(text: string): JsonDocument {
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const value: unknown = JSON.parse(stripped);
  let lines: LineIndex | undefined;
  return {
    value,
    lineOf(path) {
      const offset = offsetOfPath(stripped, path);
      if (offset === undefined) return undefined;
      lines ??= new LineIndex(stripped);
      return lines.lineAt(offset);
    },
  };
}

/**
 * Finds where the value at `path` starts without building objects: large lockfiles are parsed once by
 * JSON.parse, and positions are only looked up for the few entries a finding names.
 */
export function offsetOfPath(text: string, path: PropertyPath): number | undefined {
  return locatePath(text, path)?.key;
}

/** Where the value at `path` starts (its first character), for walking its members with `memberOffsets`. */
export function valueOffsetOfPath(text: string, path: PropertyPath): number | undefined {
  return locatePath(text, path)?.value;
}

/**
 * Offsets of every member of the object starting at `objectOffset`, in one pass over it: lockfiles
 * with thousands of entries need every entry's line, and a lookup per entry would rescan the text.
 */
export function memberOffsets(text: string, objectOffset: number): Map<string, { key: number; value: number }> {
  const members = new Map<string, { key: number; value: number }>();
  let pos = skipSpace(text, objectOffset);
  if (text[pos] !== '{') return members;
  pos = skipSpace(text, pos + 1);
  while (pos < text.length && text[pos] === '"') {
    const keyStart = pos;
    const keyEnd = skipString(text, pos);
    const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
    pos = skipSpace(text, keyEnd);
    pos = skipSpace(text, pos + 1);
    members.set(key, { key: keyStart, value: pos });
    pos = skipSpace(text, skipValue(text, pos));
    if (text[pos] === ',') pos = skipSpace(text, pos + 1);
  }
  return members;
}

function locatePath(text: string, path: PropertyPath): { key: number; value: number } | undefined {
  let pos = skipSpace(text, 0);
  let keyOffset = pos;
  for (const segment of path) {
    const open = text[pos];
    if (open === '{' && typeof segment === 'string') {
      pos = skipSpace(text, pos + 1);
      let found = false;
      while (pos < text.length && text[pos] !== '}') {
        const keyStart = pos;
        const keyEnd = skipString(text, pos);
        const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
        pos = skipSpace(text, keyEnd);
        pos = skipSpace(text, pos + 1); // colon
        if (key === segment) {
          found = true;
          keyOffset = keyStart;
          break;
        }
        pos = skipSpace(text, skipValue(text, pos));
        if (text[pos] === ',') pos = skipSpace(text, pos + 1);
      }
      if (!found) return undefined;
    } else if (open === '[' && typeof segment === 'number') {
      pos = skipSpace(text, pos + 1);
      for (let index = 0; index < segment; index++) {
        if (text[pos] === ']') return undefined;
        pos = skipSpace(text, skipValue(text, pos));
        if (text[pos] === ',') pos = skipSpace(text, pos + 1);
      }
      if (text[pos] === ']') return undefined;
      keyOffset = pos;
    } else {
      return undefined;
    }
  }
  return { key: keyOffset, value: pos };
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    pos++;
  }
  return pos;
}

function skipString(text: string, pos: number): number {
  let i = pos + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return i;
}

function skipValue(text: string, pos: number): number {
  const c = text[pos];
  if (c === '"') return skipString(text, pos);
  if (c === '{' || c === '[') {
    let depth = 0;
    let i = pos;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i = skipString(text, i);
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  let i = pos;
  while (i < text.length && !',}] \n\r\t'.includes(text[i] ?? '')) i++;
  return i;
}
