import type { JsonDocument } from '../../parsers/json.js';
import type { PropertyPath } from '../../parsers/lines.js';
import { parseHclTemplate, type HclBlock, type HclBody, type HclExpr } from '../../parsers/hcl.js';
import { isRecord } from '../../core/records.js';

/**
 * Turns a `.tf.json` document into the same body the native syntax gives. JSON has no schema-free
 * way to tell a nested block from an object attribute, so inside resources an object (or a list of
 * objects) is read as nested blocks, which is what every setting tenet judges is.
 */
export function bodyFromTerraformJson(document: JsonDocument): HclBody {
  const root = document.value;
  const body: HclBody = { attributes: [], blocks: [] };
  if (!isRecord(root)) throw new Error('a .tf.json file must hold an object');
  const lineOf = (path: PropertyPath): number => document.lineOf(path) ?? 1;
  for (const [kind, content] of Object.entries(root)) {
    if (!isRecord(content)) continue;
    if (kind === 'resource' || kind === 'data') {
      for (const [type, byName] of Object.entries(content)) {
        if (!isRecord(byName)) continue;
        for (const [name, definition] of Object.entries(byName)) {
          for (const [index, item] of asList(definition).entries()) {
            const path = Array.isArray(definition) ? [kind, type, name, index] : [kind, type, name];
            body.blocks.push({ type: kind, labels: [type, name], body: nestedBody(item, path, lineOf), line: lineOf(path) });
          }
        }
      }
    } else if (kind === 'variable' || kind === 'module' || kind === 'output') {
      for (const [name, definition] of Object.entries(content)) {
        if (!isRecord(definition)) continue;
        const path = [kind, name];
        const attributes = Object.entries(definition).map(([key, value]) => ({
          name: key,
          // A variable default is a value, not an expression: `${` in it stays literal.
          expr: kind === 'variable' && key === 'default' ? literalExpr(value, lineOf([...path, key])) : expression(value, [...path, key], lineOf),
          line: lineOf([...path, key]),
        }));
        body.blocks.push({ type: kind, labels: [name], body: { attributes, blocks: [] }, line: lineOf(path) });
      }
    } else if (kind === 'locals') {
      const attributes = Object.entries(content).map(([key, value]) => ({ name: key, expr: expression(value, [kind, key], lineOf), line: lineOf([kind, key]) }));
      body.blocks.push({ type: 'locals', labels: [], body: { attributes, blocks: [] }, line: lineOf([kind]) });
    }
  }
  return body;
}

function nestedBody(definition: unknown, path: PropertyPath, lineOf: (path: PropertyPath) => number): HclBody {
  const body: HclBody = { attributes: [], blocks: [] };
  if (!isRecord(definition)) return body;
  for (const [key, value] of Object.entries(definition)) {
    const here = [...path, key];
    if (key === 'dynamic' && isRecord(value)) {
      for (const [label, dynamic] of Object.entries(value)) {
        body.blocks.push({ type: 'dynamic', labels: [label], body: nestedBody(dynamic, [...here, label], lineOf), line: lineOf([...here, label]) });
      }
    } else if (isRecord(value) || (Array.isArray(value) && value.length > 0 && value.every(isRecord))) {
      const blocks: HclBlock[] = asList(value).map((item, index) => {
        const itemPath = Array.isArray(value) ? [...here, index] : here;
        return { type: key, labels: [], body: nestedBody(item, itemPath, lineOf), line: lineOf(itemPath) };
      });
      body.blocks.push(...blocks);
    } else {
      body.attributes.push({ name: key, expr: expression(value, here, lineOf), line: lineOf(here) });
    }
  }
  return body;
}

function expression(value: unknown, path: PropertyPath, lineOf: (path: PropertyPath) => number): HclExpr {
  const line = lineOf(path);
  if (typeof value === 'string') return parseHclTemplate(value, line);
  if (Array.isArray(value)) return { kind: 'tuple', items: value.map((item, index) => expression(item, [...path, index], lineOf)), line };
  if (isRecord(value)) {
    return {
      kind: 'object',
      items: Object.entries(value).map(([key, item]) => ({ key: { kind: 'literal', value: key, line }, value: expression(item, [...path, key], lineOf), line })),
      line,
    };
  }
  return literalExpr(value, line);
}

function literalExpr(value: unknown, line: number): HclExpr {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'literal', value, line };
  if (Array.isArray(value)) return { kind: 'tuple', items: value.map((item) => literalExpr(item, line)), line };
  if (isRecord(value)) {
    return { kind: 'object', items: Object.entries(value).map(([key, item]) => ({ key: { kind: 'literal', value: key, line }, value: literalExpr(item, line), line })), line };
  }
  return { kind: 'literal', value: null, line };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
