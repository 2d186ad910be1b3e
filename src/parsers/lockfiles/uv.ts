import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { applyGraph, isRecord, normalisePythonName, recordField, stringField, type LockfileInput } from './common.js';
import { arrayTableLines, readToml } from './toml-lockfile.js';

const LOCAL_SOURCES = ['editable', 'virtual', 'directory', 'path'];

/** uv.lock: `[[package]]` tables; the project's own (local) packages are the roots of the graph. */
export function parseUvLock({ file, text }: LockfileInput): LockfileInfo {
  const document = readToml(text);
  const lines = arrayTableLines(text, 'package');
  const entries = Array.isArray(document.package) ? document.package : [];
  const packages: LockedPackage[] = [];
  const kept: Record<string, unknown>[] = [];
  const locals: Record<string, unknown>[] = [];
  entries.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) return;
    const name = stringField(entry, 'name');
    const source = recordField(entry, 'source');
    if (LOCAL_SOURCES.some((kind) => kind in source)) {
      locals.push(entry);
      return;
    }
    if (!name) return;
    const sdist = recordField(entry, 'sdist');
    const wheels = Array.isArray(entry.wheels) ? entry.wheels : [];
    const hashes = [sdist, ...wheels].flatMap((artifact: unknown) => (isRecord(artifact) && typeof artifact.hash === 'string' ? [artifact.hash] : []));
    kept.push(entry);
    packages.push({
      ecosystem: 'PyPI',
      name,
      version: stringField(entry, 'version') ?? '',
      direct: false,
      dev: false,
      lockfile: file,
      line: lines[index],
      resolved: uvSource(source),
      hashes,
    });
  });
  const byName = new Map(packages.map((pkg, index) => [normalisePythonName(pkg.name), index]));
  const targets = (list: unknown): number[] =>
    (Array.isArray(list) ? list : []).flatMap((dependency: unknown) => {
      const index = isRecord(dependency) && typeof dependency.name === 'string' ? byName.get(normalisePythonName(dependency.name)) : undefined;
      return index === undefined ? [] : [index];
    });
  const edges = kept.map((entry) => [
    ...targets(entry.dependencies),
    ...Object.values(recordField(entry, 'optional-dependencies')).flatMap(targets),
  ]);
  const roots = { prod: [] as number[], dev: [] as number[] };
  for (const local of locals) {
    roots.prod.push(...targets(local.dependencies), ...Object.values(recordField(local, 'optional-dependencies')).flatMap(targets));
    roots.dev.push(...Object.values(recordField(local, 'dev-dependencies')).flatMap(targets));
  }
  applyGraph(packages, edges, roots);
  return { file, format: `uv-v${String(document.version ?? '?')}`, ecosystem: 'PyPI', supported: true, packages };
}

function uvSource(source: Record<string, unknown>): string | undefined {
  const registry = stringField(source, 'registry');
  if (registry) return registry;
  const git = stringField(source, 'git');
  if (git) return git.startsWith('git+') ? git : `git+${git}`;
  return stringField(source, 'url');
}
