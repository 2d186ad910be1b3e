import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { LineIndex } from '../lines.js';
import { applyGraph, isRecord, readJsonObject, recordField, rootsByName, stringField, type LockfileInput } from './common.js';

/**
 * composer.lock: `packages` (production) and `packages-dev`. The dist `shasum` is the only hash it
 * records, and Composer leaves it empty for GitHub zipballs, so most entries have none.
 */
export function parseComposerLock({ file, text, declared }: LockfileInput): LockfileInfo {
  const document = readJsonObject(text);
  const lines = new LineIndex(text);
  const packages: LockedPackage[] = [];
  const requires: string[][] = [];
  // Entries appear in file order, so each name is found by searching on from the previous one.
  let searchFrom = 0;
  for (const section of ['packages', 'packages-dev'] as const) {
    const list = document[section];
    for (const entry of Array.isArray(list) ? list : []) {
      if (!isRecord(entry)) continue;
      const name = stringField(entry, 'name');
      const version = stringField(entry, 'version');
      if (!name || !version) continue;
      const dist = recordField(entry, 'dist');
      const source = recordField(entry, 'source');
      if (stringField(dist, 'type') === 'path') continue;
      const at = text.indexOf(`"name": ${JSON.stringify(name)}`, searchFrom);
      if (at !== -1) searchFrom = at + 1;
      const shasum = stringField(dist, 'shasum');
      requires.push(Object.keys(recordField(entry, 'require')));
      packages.push({
        ecosystem: 'Packagist',
        name,
        version,
        direct: false,
        dev: section === 'packages-dev',
        lockfile: file,
        line: at === -1 ? undefined : lines.lineAt(at),
        resolved: stringField(dist, 'url') ?? gitSource(source),
        hashes: shasum ? [`sha1:${shasum}`] : [],
      });
    }
  }
  const byName = new Map(packages.map((pkg, index) => [pkg.name.toLowerCase(), index]));
  const edges = requires.map((names) => names.map((name) => byName.get(name.toLowerCase())).filter((index): index is number => index !== undefined));
  applyGraph(packages, edges, rootsByName(packages, declared, (name) => name.toLowerCase()), { keepDev: true });
  return { file, format: 'composer', ecosystem: 'Packagist', supported: true, packages };
}

function gitSource(source: Record<string, unknown>): string | undefined {
  const url = stringField(source, 'url');
  if (!url) return undefined;
  const reference = stringField(source, 'reference');
  return stringField(source, 'type') === 'git' ? `git+${url}${reference ? `@${reference}` : ''}` : url;
}
