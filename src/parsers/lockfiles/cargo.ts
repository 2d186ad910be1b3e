import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { applyGraph, isDevOnly, isRecord, recordField, stringField, type LockfileInput } from './common.js';
import { arrayTableLines, readToml } from './toml-lockfile.js';

/**
 * Cargo.lock: `[[package]]` tables; checksums beside each package (v2+) or in `[metadata]` (v1).
 * Packages without a source are the workspace's own crates and the roots of the graph.
 */
export function parseCargoLock({ file, text, declared }: LockfileInput): LockfileInfo {
  const document = readToml(text);
  const lines = arrayTableLines(text, 'package');
  const legacyChecksums = recordField(document, 'metadata');
  const entries = Array.isArray(document.package) ? document.package : [];
  const packages: LockedPackage[] = [];
  const kept: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  entries.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) return;
    const name = stringField(entry, 'name');
    const version = stringField(entry, 'version');
    const source = stringField(entry, 'source');
    if (!name || !version) return;
    if (source === undefined) {
      members.push(entry);
      return;
    }
    const checksum = stringField(entry, 'checksum') ?? stringField(legacyChecksums, `checksum ${name} ${version} (${source})`);
    kept.push(entry);
    packages.push({
      ecosystem: 'crates.io',
      name,
      version,
      direct: false,
      dev: false,
      lockfile: file,
      line: lines[index],
      resolved: source.replace(/^(registry|sparse)\+/, ''),
      hashes: checksum ? [checksum.includes(':') ? checksum : `sha256:${checksum}`] : [],
    });
  });
  const byName = new Map<string, number[]>();
  packages.forEach((pkg, index) => byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), index]));
  /** A dependency is written `name`, `name version` or `name version (source)` when ambiguous. */
  const resolve = (reference: unknown): number | undefined => {
    if (typeof reference !== 'string') return undefined;
    const [name = '', version] = reference.split(' ');
    const candidates = byName.get(name) ?? [];
    return version === undefined ? candidates[0] : candidates.find((index) => packages[index]?.version === version);
  };
  const targets = (entry: Record<string, unknown>): number[] =>
    (Array.isArray(entry.dependencies) ? entry.dependencies : []).map(resolve).filter((index): index is number => index !== undefined);
  const edges = kept.map(targets);
  const roots = { prod: [] as number[], dev: [] as number[] };
  for (const member of members) {
    for (const target of targets(member)) {
      const name = packages[target]?.name ?? '';
      (isDevOnly(declared, name) ? roots.dev : roots.prod).push(target);
    }
  }
  applyGraph(packages, edges, roots);
  return { file, format: `cargo-v${String(document.version ?? 1)}`, ecosystem: 'crates.io', supported: true, packages };
}
