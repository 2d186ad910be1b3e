/**
 * package-lock.json / npm-shrinkwrap.json (v1, v2 and v3) as locked packages. Kept apart from the
 * inventory source so that it can give way to the supply-chain lockfile parsers.
 */
import path from 'node:path';
import type { Repository } from '../../repo/repository.js';
import type { LockedPackage, LockfileInfo } from '../package-inventory.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const depNames = (entry: Json, ...fields: string[]): string[] => fields.flatMap((field) => (isObject(entry[field]) ? Object.keys(entry[field] as Json) : []));

const LOCATION_LINE = /^\s{0,16}"((?:node_modules\/|[^"\\]{0,200}\/node_modules\/)[^"\\]{1,400})"\s{0,4}:\s{0,4}\{/;

/** Lines of the `packages` entries, found in one pass (JSON.parse keeps no positions). */
function entryLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const match = LOCATION_LINE.exec(line);
    if (match && !lines.has(match[1] as string)) lines.set(match[1] as string, index + 1);
  });
  return lines;
}

export function npmLockfiles(repo: Repository): LockfileInfo[] {
  return repo
    .named('package-lock.json', 'npm-shrinkwrap.json')
    .filter((file) => !file.path.split('/').includes('node_modules'))
    .map((file) => parseNpmLock(repo, file.path));
}

export function parseNpmLock(repo: Repository, file: string): LockfileInfo {
  const dir = path.posix.dirname(file);
  const manifest = dir === '.' ? 'package.json' : `${dir}/package.json`;
  const info: LockfileInfo = { file, format: 'npm', ecosystem: 'npm', supported: true, packages: [] };
  if (repo.has(manifest)) info.manifest = manifest;
  const document = repo.json(file);
  if (!document || !isObject(document.value)) {
    return { ...info, supported: false, reason: document ? 'not a JSON object' : 'unreadable: too large, binary or malformed JSON (see the scan errors)' };
  }
  const lock = document.value;
  const version = typeof lock.lockfileVersion === 'number' ? lock.lockfileVersion : 1;
  info.format = `npm-v${version}`;
  if (isObject(lock.packages)) info.packages = fromPackages(lock.packages, file, repo.readText(file) ?? '');
  else if (isObject(lock.dependencies)) info.packages = fromDependencies(lock.dependencies, file, document.lineOf.bind(document));
  else return { ...info, supported: false, reason: 'neither `packages` nor `dependencies` is present' };
  return info;
}

/** The folder a package is installed in: the name dependents use (an alias, for `npm:` aliases). */
function folderOf(location: string): string {
  return location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** v2/v3: flat `packages` keyed by install location; dependencies resolve as Node resolves them. */
function fromPackages(packages: Json, file: string, text: string): LockedPackage[] {
  const lines = entryLines(text);
  const root = isObject(packages['']) ? (packages[''] as Json) : {};
  const rootDeps = new Set(depNames(root, 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'));
  const workspaceRoots = Object.keys(packages).filter((location) => location !== '' && !location.includes('node_modules/'));
  const workspaceDeps = new Set(workspaceRoots.flatMap((location) => (isObject(packages[location]) ? depNames(packages[location] as Json, 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies') : [])));
  const byLocation = new Map<string, LockedPackage>();
  for (const [location, value] of Object.entries(packages)) {
    if (!location.includes('node_modules/') || !isObject(value) || value.link === true || typeof value.version !== 'string') continue;
    const folder = folderOf(location);
    const name = typeof value.name === 'string' ? value.name : folder;
    const topLevel = location.lastIndexOf('node_modules/') === location.indexOf('node_modules/');
    const ownerIsRoot = location.startsWith('node_modules/') || workspaceRoots.some((ws) => location.startsWith(`${ws}/node_modules/`));
    const pkg: LockedPackage = {
      ecosystem: 'npm',
      name,
      version: value.version,
      direct: topLevel && ownerIsRoot && (rootDeps.has(folder) || workspaceDeps.has(folder)),
      dev: value.dev === true,
      lockfile: file,
      hashes: typeof value.integrity === 'string' ? value.integrity.split(/\s+/).filter(Boolean) : [],
      dependents: [],
    };
    const line = lines.get(location);
    if (line !== undefined) pkg.line = line;
    if (typeof value.resolved === 'string') pkg.resolved = value.resolved;
    if (value.hasInstallScript === true) pkg.hasInstallScript = true;
    byLocation.set(location, pkg);
  }
  for (const [location, value] of Object.entries(packages)) {
    const dependent = byLocation.get(location);
    if (!dependent || !isObject(value)) continue;
    for (const dep of depNames(value, 'dependencies', 'optionalDependencies', 'peerDependencies')) {
      const target = resolveFrom(byLocation, location, dep);
      if (target && !target.dependents?.includes(dependent.name)) target.dependents?.push(dependent.name);
    }
  }
  return [...byLocation.values()];
}

function resolveFrom(byLocation: ReadonlyMap<string, LockedPackage>, from: string, name: string): LockedPackage | undefined {
  let base = from;
  for (;;) {
    const found = byLocation.get(`${base}/node_modules/${name}`);
    if (found) return found;
    const at = base.lastIndexOf('/node_modules/');
    if (at === -1) return byLocation.get(`node_modules/${name}`);
    base = base.slice(0, at);
  }
}

/** v1: nested `dependencies` with `requires`, resolved from the innermost level outwards. */
function fromDependencies(dependencies: Json, file: string, lineOf: (path: (string | number)[]) => number | undefined): LockedPackage[] {
  const packages: LockedPackage[] = [];
  const topLevel = new Set<LockedPackage>();
  const visit = (deps: Json, trail: string[], parents: Map<string, LockedPackage>[]): Map<string, LockedPackage> => {
    const level = new Map<string, LockedPackage>();
    const entries = Object.entries(deps).filter((pair): pair is [string, Json] => isObject(pair[1]) && typeof pair[1].version === 'string');
    for (const [name, entry] of entries) {
      const pkg: LockedPackage = {
        ecosystem: 'npm',
        name,
        version: entry.version as string,
        direct: false,
        dev: entry.dev === true,
        lockfile: file,
        hashes: typeof entry.integrity === 'string' ? entry.integrity.split(/\s+/).filter(Boolean) : [],
        dependents: [],
      };
      if (typeof entry.resolved === 'string') pkg.resolved = entry.resolved;
      // Only the first levels get a line: looking one up scans the text, and v1 trees can be deep.
      if (trail.length < 4) {
        const line = lineOf([...trail, name]);
        if (line !== undefined) pkg.line = line;
      }
      level.set(name, pkg);
      packages.push(pkg);
      if (parents.length === 0) topLevel.add(pkg);
    }
    for (const [name, entry] of entries) {
      const nested = isObject(entry.dependencies) ? visit(entry.dependencies, [...trail, name, 'dependencies'], [level, ...parents]) : undefined;
      const scopes = [...(nested ? [nested] : []), level, ...parents];
      for (const required of depNames(entry, 'requires')) {
        const target = scopes.map((scope) => scope.get(required)).find(Boolean);
        if (target && !target.dependents?.includes(name)) target.dependents?.push(name);
      }
    }
    return level;
  };
  visit(dependencies, ['dependencies'], []);
  // v1 does not say which packages the manifest names: a top-level package nobody requires is direct.
  for (const pkg of topLevel) if (pkg.dependents?.length === 0) pkg.direct = true;
  return packages;
}
