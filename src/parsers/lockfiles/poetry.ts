import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { applyGraph, isRecord, normalisePythonName, recordField, rootsByName, stringField, type LockfileInput } from './common.js';
import { arrayTableLines, readToml } from './toml-lockfile.js';

/** poetry.lock: `[[package]]` tables; hashes in `files` (lock 2.x) or `[metadata.files]` (1.x). */
export function parsePoetryLock({ file, text, declared }: LockfileInput): LockfileInfo {
  const document = readToml(text);
  const lines = arrayTableLines(text, 'package');
  const legacyFiles = recordField(recordField(document, 'metadata'), 'files');
  const entries = Array.isArray(document.package) ? document.package : [];
  const packages: LockedPackage[] = [];
  const kept: Record<string, unknown>[] = [];
  let recordsCategory = false;
  entries.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) return;
    const name = stringField(entry, 'name');
    const version = stringField(entry, 'version');
    const source = recordField(entry, 'source');
    const sourceType = stringField(source, 'type');
    if (!name || !version || sourceType === 'directory') return;
    const category = stringField(entry, 'category');
    if (category !== undefined) recordsCategory = true;
    const files = Array.isArray(entry.files) ? entry.files : legacyFiles[name];
    kept.push(entry);
    packages.push({
      ecosystem: 'PyPI',
      name,
      version,
      direct: false,
      dev: category === 'dev',
      lockfile: file,
      line: lines[index],
      resolved: pythonSource(source),
      hashes: hashesOfFiles(files),
    });
  });
  const byName = new Map(packages.map((pkg, index) => [normalisePythonName(pkg.name), index]));
  const edges = kept.map((entry) =>
    Object.keys(recordField(entry, 'dependencies'))
      .map((name) => byName.get(normalisePythonName(name)))
      .filter((index): index is number => index !== undefined),
  );
  applyGraph(packages, edges, rootsByName(packages, declared, normalisePythonName), { keepDev: recordsCategory });
  const lockVersion = stringField(recordField(document, 'metadata'), 'lock-version') ?? '1';
  return { file, format: `poetry-v${lockVersion}`, ecosystem: 'PyPI', supported: true, packages };
}

/** Where a Python package came from, when not the default index. */
export function pythonSource(source: Record<string, unknown>): string | undefined {
  const type = stringField(source, 'type');
  const url = stringField(source, 'url');
  if (!type || !url) return undefined;
  if (type === 'git') {
    const ref = stringField(source, 'resolved_reference') ?? stringField(source, 'reference');
    return `${url.startsWith('git+') ? '' : 'git+'}${url}${ref ? `@${ref}` : ''}`;
  }
  if (type === 'file') return url.includes(':') ? url : `file:${url}`;
  return url;
}

export function hashesOfFiles(files: unknown): string[] {
  if (!Array.isArray(files)) return [];
  return files.flatMap((entry: unknown) => (isRecord(entry) && typeof entry.hash === 'string' ? [entry.hash] : []));
}
