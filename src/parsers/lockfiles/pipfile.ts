import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { memberOffsets, valueOffsetOfPath } from '../json.js';
import { LineIndex } from '../lines.js';
import { isRecord, readJsonObject, normalisePythonName, recordField, stringField, type LockfileInput } from './common.js';

/** Pipfile.lock: `default` (production) and `develop` sections, sources named in `_meta`. */
export function parsePipfileLock({ file, text, declared }: LockfileInput): LockfileInfo {
  const document = readJsonObject(text);
  const sources = new Map<string, string>();
  const meta = recordField(document, '_meta');
  for (const source of Array.isArray(meta.sources) ? meta.sources : []) {
    if (isRecord(source) && typeof source.name === 'string' && typeof source.url === 'string') sources.set(source.name, source.url);
  }
  const lines = new LineIndex(text);
  const directNames = declared ? new Set([...declared.prod, ...declared.dev].map(normalisePythonName)) : undefined;
  const packages: LockedPackage[] = [];
  for (const section of ['default', 'develop'] as const) {
    const sectionOffset = valueOffsetOfPath(text, [section]);
    const offsets = sectionOffset === undefined ? undefined : memberOffsets(text, sectionOffset);
    for (const [name, value] of Object.entries(recordField(document, section))) {
      if (!isRecord(value) || typeof value.path === 'string') continue;
      const git = stringField(value, 'git');
      const ref = stringField(value, 'ref');
      const url = stringField(value, 'file');
      const index = stringField(value, 'index');
      const offset = offsets?.get(name)?.key;
      packages.push({
        ecosystem: 'PyPI',
        name,
        version: (stringField(value, 'version') ?? ref ?? '').replace(/^===?/, ''),
        direct: directNames?.has(normalisePythonName(name)) ?? false,
        dev: section === 'develop',
        lockfile: file,
        line: offset === undefined ? undefined : lines.lineAt(offset),
        resolved: git ? `${git.startsWith('git+') ? '' : 'git+'}${git}${ref ? `@${ref}` : ''}` : (url ?? (index ? sources.get(index) : undefined)),
        hashes: Array.isArray(value.hashes) ? value.hashes.filter((hash): hash is string => typeof hash === 'string') : [],
      });
    }
  }
  return { file, format: 'pipfile', ecosystem: 'PyPI', supported: true, packages };
}
