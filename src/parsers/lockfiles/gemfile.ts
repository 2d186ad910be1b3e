import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { applyGraph, isDevOnly, MalformedLockfile, type LockfileInput } from './common.js';

const SPEC = /^ {4}([^\s(]+) \(([^)\s]+)\)$/;
const SPEC_DEPENDENCY = /^ {6}([^\s(]+)/;
const CHECKSUM = /^ {2}([^\s(]+) \(([^)\s]+)\)(?: (\S+))?$/;
const DIRECT = /^ {2}([^\s(!]+)/;

/**
 * Gemfile.lock (and gems.locked): GEM/GIT/PATH source sections with their specs, DEPENDENCIES (the
 * direct gems) and, since Bundler 2.5, CHECKSUMS. Platform suffixes are split off the version.
 */
export function parseGemfileLock({ file, text, declared }: LockfileInput): LockfileInfo {
  const packages: LockedPackage[] = [];
  const edgesByName: string[][] = [];
  const directNames: string[] = [];
  const checksums = new Map<string, string[]>();
  const fullVersions: string[] = [];
  let section = '';
  let remote: string | undefined;
  let revision: string | undefined;
  let current: number | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    if (!line.startsWith(' ')) {
      section = line.trim();
      remote = undefined;
      revision = undefined;
      current = undefined;
      return;
    }
    if (section === 'GEM' || section === 'GIT' || section === 'PATH') {
      const field = /^ {2}(remote|revision|ref|tag|branch): (.*)$/.exec(line);
      if (field) {
        if (field[1] === 'remote') remote = field[2];
        if (field[1] === 'revision') revision = field[2];
        return;
      }
      const spec = SPEC.exec(line);
      if (spec) {
        current = undefined;
        if (section === 'PATH') return;
        const [, name = '', fullVersion = ''] = spec;
        const [version = fullVersion] = fullVersion.split('-');
        current = packages.length;
        edgesByName.push([]);
        packages.push({
          ecosystem: 'RubyGems',
          name,
          version,
          direct: false,
          dev: false,
          lockfile: file,
          line: index + 1,
          resolved: section === 'GIT' ? `git+${remote ?? ''}${revision ? `@${revision}` : ''}` : remote,
          hashes: [],
        });
        fullVersions.push(fullVersion);
        return;
      }
      const dependency = SPEC_DEPENDENCY.exec(line);
      if (dependency && current !== undefined) edgesByName[current]?.push(dependency[1] ?? '');
      return;
    }
    if (section === 'DEPENDENCIES') {
      const direct = DIRECT.exec(line);
      if (direct?.[1]) directNames.push(direct[1]);
      return;
    }
    if (section === 'CHECKSUMS') {
      const checksum = CHECKSUM.exec(line);
      if (checksum?.[3]) {
        const key = checksumKey(checksum[1] ?? '', checksum[2] ?? '');
        checksums.set(key, [...(checksums.get(key) ?? []), checksum[3]]);
      }
    }
  });
  if (packages.length === 0 && !/^(GEM|GIT|PATH|DEPENDENCIES)$/m.test(text)) throw new MalformedLockfile('no GEM, GIT, PATH or DEPENDENCIES section');
  packages.forEach((pkg, index) => {
    pkg.hashes = checksums.get(checksumKey(pkg.name, fullVersions[index] ?? pkg.version)) ?? [];
  });
  const byName = new Map<string, number>();
  packages.forEach((pkg, index) => {
    if (!byName.has(pkg.name)) byName.set(pkg.name, index);
  });
  const edges = edgesByName.map((names) => names.map((name) => byName.get(name)).filter((index): index is number => index !== undefined));
  const roots = { prod: [] as number[], dev: [] as number[] };
  for (const name of directNames) {
    const index = byName.get(name);
    if (index === undefined) continue;
    (isDevOnly(declared, name) ? roots.dev : roots.prod).push(index);
  }
  applyGraph(packages, edges, roots);
  return { file, format: 'gemfile-lock', ecosystem: 'RubyGems', supported: true, packages };
}

function checksumKey(name: string, fullVersion: string): string {
  return `${name} ${fullVersion}`;
}
