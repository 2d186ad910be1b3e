import { parse } from 'smol-toml';
import { lineOfText, type PropertyPath } from './lines.js';

export interface TomlDocument {
  value: Record<string, unknown>;
  /** Best effort: the line of the last path segment written as a key or table header. */
  lineOf(path: PropertyPath): number | undefined;
}

export function parseToml(text: string): TomlDocument {
  const value = parse(text) as Record<string, unknown>;
  return {
    value,
    lineOf(path) {
      const last = path[path.length - 1];
      if (last === undefined) return 1;
      const header = `[${path.filter((segment) => typeof segment === 'string').join('.')}]`;
      return lineOfText(text, header) ?? lineOfKey(text, String(last));
    },
  };
}

function lineOfKey(text: string, key: string): number | undefined {
  const lines = text.split('\n');
  const quoted = `"${key}"`;
  for (let index = 0; index < lines.length; index++) {
    const trimmed = (lines[index] ?? '').trimStart();
    if ((trimmed.startsWith(key) || trimmed.startsWith(quoted)) && /^\s*("?[^"=]*"?)\s*=/.test(trimmed)) return index + 1;
  }
  return undefined;
}
