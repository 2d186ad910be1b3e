import { LineCounter, parseAllDocuments, isNode, type Document } from 'yaml';
import type { PropertyPath } from './lines.js';

export interface YamlDocument {
  value: unknown;
  lineOf(path: PropertyPath): number | undefined;
}

/** Alias expansion is bounded so that a "billion laughs" file fails instead of eating memory. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Parses every document of a YAML stream. Throws on the first document with an error, naming its line,
 * because a half-understood manifest is worse than an unreadable one.
 */
export function parseYaml(text: string): YamlDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(documents)) return [];
  const result: YamlDocument[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const line = error.pos ? lineCounter.linePos(error.pos[0]).line : undefined;
      throw new Error(`YAML syntax error${line ? ` at line ${line}` : ''}: ${error.message.split('\n')[0]}`);
    }
    result.push({
      value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
      lineOf: (path) => lineOfNode(document, lineCounter, path),
    });
  }
  return result;
}

function lineOfNode(document: Document, lineCounter: LineCounter, path: PropertyPath): number | undefined {
  if (path.length === 0) {
    const range = document.contents?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  }
  const node: unknown = document.getIn(path as unknown[], true);
  if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  // A key whose value is null has no node of its own: fall back to its parent collection's pair.
  const parent: unknown = document.getIn(path.slice(0, -1) as unknown[], true);
  if (isNode(parent) && 'items' in parent && Array.isArray(parent.items)) {
    for (const item of parent.items as unknown[]) {
      if (item && typeof item === 'object' && 'key' in item) {
        const key = (item as { key: unknown }).key;
        if (isNode(key) && 'value' in key && key.value === path[path.length - 1] && key.range) {
          return lineCounter.linePos(key.range[0]).line;
        }
      }
    }
  }
  return undefined;
}
