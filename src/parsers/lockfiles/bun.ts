import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { memberOffsets, valueOffsetOfPath } from '../json.js';
import { LineIndex } from '../lines.js';
import { applyGraph, isDevOnly, isRecord, readJsonObject, recordField, unsupportedLockfile, type LockfileInput } from './common.js';

/**
 * bun.lock (Bun 1.2+): JSONC whose `packages` map install keys (`a`, `a/b` nested) to arrays
 * `[name@version, registry URL or "", metadata, integrity]`; git and tarball entries omit the URL.
 */
export function parseBunLockfile({ file, text, declared }: LockfileInput): LockfileInfo {
  const json = blankJsonc(text);
  const document = readJsonObject(json);
  if (document.lockfileVersion !== 0 && document.lockfileVersion !== 1) {
    return unsupportedLockfile(file, `bun-v${String(document.lockfileVersion)}`, 'npm', `bun lockfileVersion ${String(document.lockfileVersion)} is not supported (0 and 1 are)`);
  }
  const sectionOffset = valueOffsetOfPath(json, ['packages']);
  const offsets = sectionOffset === undefined ? new Map<string, { key: number }>() : memberOffsets(json, sectionOffset);
  const lines = new LineIndex(json);
  const packages: LockedPackage[] = [];
  const indexByKey = new Map<string, number>();
  const dependencyNames: string[][] = [];
  const keys: string[] = [];
  for (const [key, value] of Object.entries(recordField(document, 'packages'))) {
    if (!Array.isArray(value) || typeof value[0] !== 'string') continue;
    const id = value[0];
    const at = id.indexOf('@', 1);
    if (at === -1) continue;
    const name = id.slice(0, at);
    const source = id.slice(at + 1);
    if (/^(workspace|link|root|portal):/.test(source)) continue;
    const registryForm = typeof value[1] === 'string';
    const metadata = (registryForm ? value[2] : value.find(isRecord)) as unknown;
    const integrity = registryForm && typeof value[3] === 'string' ? value[3] : undefined;
    const offset = offsets.get(key)?.key;
    indexByKey.set(key, packages.length);
    keys.push(key);
    dependencyNames.push(['dependencies', 'optionalDependencies', 'peerDependencies'].flatMap((field) => Object.keys(isRecord(metadata) ? recordField(metadata, field) : {})));
    packages.push({
      ecosystem: 'npm',
      name,
      version: source.startsWith('npm:') ? (source.split('@').pop() ?? source) : source,
      direct: false,
      dev: false,
      lockfile: file,
      line: offset === undefined ? undefined : lines.lineAt(offset),
      resolved: registryForm ? (typeof value[1] === 'string' && value[1] !== '' ? value[1] : undefined) : source,
      hashes: integrity ? [integrity] : [],
    });
  }
  const resolve = (from: string, name: string): number | undefined => indexByKey.get(`${from}/${name}`) ?? indexByKey.get(name);
  const edges = keys.map((key, index) => (dependencyNames[index] ?? []).map((name) => resolve(key, name)).filter((target): target is number => target !== undefined));
  const roots = { prod: [] as number[], dev: [] as number[] };
  for (const [path, workspace] of Object.entries(recordField(document, 'workspaces'))) {
    if (!isRecord(workspace)) continue;
    for (const field of ['dependencies', 'optionalDependencies', 'devDependencies'] as const) {
      for (const name of Object.keys(recordField(workspace, field))) {
        const target = indexByKey.get(name);
        if (target === undefined) continue;
        const dev = field === 'devDependencies' || (path === '' && isDevOnly(declared, name));
        (dev ? roots.dev : roots.prod).push(target);
      }
    }
  }
  applyGraph(packages, edges, roots);
  return { file, format: `bun-v${String(document.lockfileVersion)}`, ecosystem: 'npm', supported: true, packages };
}

/**
 * JSONC to JSON of the same length: comments, then trailing commas, become spaces, so every offset
 * (and line) stays where it was in the file.
 */
export function blankJsonc(text: string): string {
  return blankTrailingCommas(blankComments(text));
}

/** Index just past the string literal starting at `start`. */
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function blankComments(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') i = skipString(text, i);
    else if (text[i] === '/' && text[i + 1] === '/') while (i < text.length && text[i] !== '\n') out[i++] = ' ';
    else if (text[i] === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (; i < stop; i++) if (text[i] !== '\n') out[i] = ' ';
    } else i++;
  }
  return out.join('');
}

function blankTrailingCommas(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i = skipString(text, i);
      continue;
    }
    if (text[i] === ',') {
      // The whitespace scanned here is passed over once: the next comma starts after it.
      let next = i + 1;
      while (next < text.length && (text[next] === ' ' || text[next] === '\n' || text[next] === '\r' || text[next] === '\t')) next++;
      if (text[next] === '}' || text[next] === ']') out[i] = ' ';
    }
    i++;
  }
  return out.join('');
}
