import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { memberOffsets, valueOffsetOfPath } from '../json.js';
import { LineIndex } from '../lines.js';
import { assignDependents, isRecord, readJsonObject, recordField, stringField, unsupportedLockfile, type LockfileInput } from './common.js';

const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'] as const;

/** package-lock.json and npm-shrinkwrap.json, lockfile versions 1, 2 and 3. */
export function parseNpmLockfile({ file, text, declared }: LockfileInput): LockfileInfo {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const document = readJsonObject(source);
  const version = document.lockfileVersion;
  const lines = new LineIndex(source);
  if (version === 2 || version === 3) {
    return { file, format: `npm-v${version}`, ecosystem: 'npm', supported: true, packages: readPackagesSection(file, document, source, lines) };
  }
  if (version === 1 || version === undefined) {
    return { file, format: 'npm-v1', ecosystem: 'npm', supported: true, packages: readDependencyTree(file, document, source, lines, declared) };
  }
  return unsupportedLockfile(file, `npm-v${String(version)}`, 'npm', `lockfileVersion ${String(version)} is not supported (1, 2 and 3 are)`);
}

interface Located {
  key: string;
  entry: Record<string, unknown>;
  index?: number;
}

/** Lockfile v2/v3: a flat map of install paths (`node_modules/a/node_modules/b`) to entries. */
function readPackagesSection(file: string, document: Record<string, unknown>, source: string, lines: LineIndex): LockedPackage[] {
  const section = recordField(document, 'packages');
  const sectionOffset = valueOffsetOfPath(source, ['packages']);
  const offsets = sectionOffset === undefined ? new Map<string, { key: number }>() : memberOffsets(source, sectionOffset);
  const byKey = new Map<string, Located>();
  const packages: LockedPackage[] = [];
  for (const [key, entry] of Object.entries(section)) {
    if (!isRecord(entry)) continue;
    const located: Located = { key, entry };
    byKey.set(key, located);
    const at = key.lastIndexOf('node_modules/');
    if (at === -1 || entry.link === true) continue;
    const version = stringField(entry, 'version');
    if (!version) continue;
    const offset = offsets.get(key)?.key;
    located.index = packages.length;
    packages.push({
      ecosystem: 'npm',
      name: stringField(entry, 'name') ?? key.slice(at + 'node_modules/'.length),
      version,
      direct: false,
      dev: entry.dev === true || entry.devOptional === true,
      lockfile: file,
      line: offset === undefined ? undefined : lines.lineAt(offset),
      resolved: stringField(entry, 'resolved'),
      hashes: hashesOf(entry),
      hasInstallScript: entry.hasInstallScript === true,
      ...(entry.inBundle === true ? { bundled: true } : {}),
    });
  }
  const dependents = packages.map(() => new Set<string>());
  for (const { key, entry, index } of byKey.values()) {
    const isRoot = index === undefined && !key.includes('node_modules/');
    if (index === undefined && !isRoot) continue;
    for (const name of dependencyNames(entry, isRoot)) {
      const target = resolveFrom(byKey, key, name);
      if (target === undefined) continue;
      const pkg = packages[target];
      if (!pkg) continue;
      if (isRoot) pkg.direct = true;
      else dependents[target]?.add(packages[index ?? 0]?.name ?? '');
    }
  }
  assignDependents(packages, dependents);
  return packages;
}

/** Node's resolution: the nearest `node_modules/<name>` walking up from the requiring package. */
function resolveFrom(byKey: Map<string, Located>, from: string, name: string): number | undefined {
  let base = from;
  for (;;) {
    const found = byKey.get(base ? `${base}/node_modules/${name}` : `node_modules/${name}`);
    if (found) return found.index;
    if (base === '') return undefined;
    const at = base.lastIndexOf('/node_modules/');
    base = at === -1 ? '' : base.slice(0, at);
  }
}

function dependencyNames(entry: Record<string, unknown>, includeDev: boolean): string[] {
  const names: string[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    if (field === 'devDependencies' && !includeDev) continue;
    names.push(...Object.keys(recordField(entry, field)));
  }
  return names;
}

function hashesOf(entry: Record<string, unknown>): string[] {
  const integrity = stringField(entry, 'integrity');
  return integrity ? integrity.split(/\s+/).filter(Boolean) : [];
}

/** Lockfile v1: a tree of `dependencies`, nested where npm could not hoist. */
function readDependencyTree(
  file: string,
  document: Record<string, unknown>,
  source: string,
  lines: LineIndex,
  declared: LockfileInput['declared'],
): LockedPackage[] {
  const packages: LockedPackage[] = [];
  const byKey = new Map<string, Located>();
  const visit = (tree: Record<string, unknown>, treeOffset: number | undefined, parentKey: string): void => {
    const offsets = treeOffset === undefined ? undefined : memberOffsets(source, treeOffset);
    for (const [name, entry] of Object.entries(tree)) {
      if (!isRecord(entry)) continue;
      const key = parentKey ? `${parentKey}/node_modules/${name}` : `node_modules/${name}`;
      const recorded = stringField(entry, 'version') ?? '';
      // An alias records `npm:real@1.2.3` as its version; advisories name `real`.
      const alias = /^npm:(@?[^@]+)@(.+)$/.exec(recorded);
      const version = alias?.[2] ?? recorded;
      const member = offsets?.get(name);
      const located: Located = { key, entry, index: packages.length };
      byKey.set(key, located);
      const fromVcs = /^[a-z+]+:/i.test(version);
      packages.push({
        ecosystem: 'npm',
        name: alias?.[1] ?? name,
        version,
        direct: parentKey === '' && (declared ? declared.prod.has(name) || declared.dev.has(name) : false),
        dev: entry.dev === true,
        lockfile: file,
        line: member ? lines.lineAt(member.key) : undefined,
        resolved: stringField(entry, 'resolved') ?? (fromVcs ? version : undefined),
        hashes: hashesOf(entry),
        ...(entry.bundled === true ? { bundled: true } : {}),
      });
      const nested = entry.dependencies;
      if (isRecord(nested)) {
        const nestedOffset = member ? memberOffsets(source, member.value).get('dependencies')?.value : undefined;
        visit(nested, nestedOffset, key);
      }
    }
  };
  visit(recordField(document, 'dependencies'), valueOffsetOfPath(source, ['dependencies']), '');
  const dependents = packages.map(() => new Set<string>());
  for (const { key, entry, index } of byKey.values()) {
    for (const name of Object.keys(recordField(entry, 'requires'))) {
      const target = resolveFrom(byKey, key, name);
      if (target !== undefined && index !== undefined) dependents[target]?.add(packages[index]?.name ?? '');
    }
  }
  assignDependents(packages, dependents);
  return packages;
}
