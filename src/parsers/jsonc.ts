import { parseJson, type JsonDocument } from './json.js';

/**
 * JSON with comments and trailing commas (tsconfig.json, biome.jsonc, .vscode files). Comments and
 * trailing commas become spaces, so every offset, and therefore every line, stays where it was.
 */
export function parseJsonc(text: string): JsonDocument {
  return parseJson(stripJsonc(text));
}

export function stripJsonc(text: string): string {
  const out: string[] = [];
  let i = 0;
  let lastSignificant = -1;
  while (i < text.length) {
    const c = text[i] ?? '';
    const next = text[i + 1];
    if (c === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      out.push(text.slice(start, i));
      lastSignificant = out.length - 1;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') {
        out.push(' ');
        i++;
      }
      continue;
    }
    if (c === '/' && next === '*') {
      out.push('  ');
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) {
        out.push(text[i] === '\n' ? '\n' : ' ');
        i++;
      }
      if (i < text.length) out.push('  ');
      i += 2;
      continue;
    }
    if ((c === '}' || c === ']') && lastSignificant >= 0 && out[lastSignificant] === ',') out[lastSignificant] = ' ';
    out.push(c);
    if (!/\s/.test(c)) lastSignificant = out.length - 1;
    i++;
  }
  return out.join('');
}
