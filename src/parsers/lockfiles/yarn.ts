import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { applyGraph, isDevOnly, MalformedLockfile, type DeclaredNames, type LockfileInput } from './common.js';
import { readYarnEntries, splitDescriptor, type YarnBlock, type YarnEntry } from './yarn-syntax.js';

const EDGE_FIELDS = ['dependencies', 'optionalDependencies'] as const;

/** yarn.lock of yarn classic (v1 text) or yarn berry (YAML with `__metadata`). */
export function parseYarnLockfile(input: LockfileInput): LockfileInfo {
  const entries = readYarnEntries(input.text);
  const metadata = entries.find((entry) => entry.descriptors[0] === '__metadata');
  if (metadata) return readBerry(input, entries, metadata);
  if (entries.length > 0 && !/^# yarn lockfile v1\s*$/m.test(input.text.slice(0, 500)) && typeof entries[0]?.fields.version !== 'string') {
    throw new MalformedLockfile('neither a yarn classic nor a yarn berry lockfile');
  }
  return readClassic(input, entries);
}

function readClassic({ file, declared }: LockfileInput, entries: YarnEntry[]): LockfileInfo {
  const packages: LockedPackage[] = [];
  const byDescriptor = new Map<string, number>();
  for (const entry of entries) {
    const [declaredName, range] = splitDescriptor(entry.descriptors[0] ?? '');
    // An alias (`cjs@npm:real@^1`) installs `real` under another name; advisories name `real`.
    const name = range.startsWith('npm:') && range.lastIndexOf('@') > 4 ? splitDescriptor(range.slice(4))[0] : declaredName;
    const version = text(entry.fields.version);
    if (!name || !version) continue;
    entry.descriptors.forEach((descriptor) => byDescriptor.set(descriptor, packages.length));
    const integrity = text(entry.fields.integrity);
    packages.push({
      ecosystem: 'npm',
      name,
      version,
      direct: false,
      dev: false,
      lockfile: file,
      line: entry.line,
      resolved: text(entry.fields.resolved),
      hashes: integrity ? integrity.split(/\s+/).filter(Boolean) : [],
    });
  }
  const edges = entries
    .filter((entry) => byDescriptor.has(entry.descriptors[0] ?? ''))
    .map((entry) => dependencyTargets(entry.fields, byDescriptor, (name, range) => [`${name}@${range}`]));
  applyGraph(packages, edges, rootsFromManifest(packages, byDescriptor, declared, (name, range) => [`${name}@${range}`]));
  return { file, format: 'yarn-classic', ecosystem: 'npm', supported: true, packages };
}

function readBerry({ file, declared }: LockfileInput, entries: YarnEntry[], metadata: YarnEntry): LockfileInfo {
  const packages: LockedPackage[] = [];
  const byDescriptor = new Map<string, number>();
  const packageEntries: YarnEntry[] = [];
  const workspaces: YarnEntry[] = [];
  for (const entry of entries) {
    if (entry === metadata) continue;
    const resolution = text(entry.fields.resolution) ?? entry.descriptors[0] ?? '';
    const [name, source] = splitDescriptor(resolution);
    if (source.startsWith('workspace:')) {
      workspaces.push(entry);
      continue;
    }
    if (source.startsWith('link:') || source.startsWith('portal:')) continue;
    const version = text(entry.fields.version);
    if (!name || !version) continue;
    entry.descriptors.forEach((descriptor) => byDescriptor.set(descriptor, packages.length));
    packageEntries.push(entry);
    const checksum = text(entry.fields.checksum);
    const fromRegistry = source.startsWith('npm:') || source.startsWith('patch:');
    packages.push({
      ecosystem: 'npm',
      name,
      version,
      direct: false,
      dev: false,
      lockfile: file,
      line: entry.line,
      resolved: fromRegistry ? undefined : source,
      hashes: checksum ? [checksum] : [],
    });
  }
  const candidates = (name: string, range: string): string[] => [`${name}@${range}`, `${name}@npm:${range}`];
  const edges = packageEntries.map((entry) => dependencyTargets(entry.fields, byDescriptor, candidates));
  const roots = { prod: [] as number[], dev: [] as number[] };
  for (const workspace of workspaces) {
    const isRoot = text(workspace.fields.resolution)?.endsWith('@workspace:.') ?? false;
    for (const field of EDGE_FIELDS) {
      const block = workspace.fields[field];
      if (typeof block !== 'object') continue;
      for (const [name, range] of Object.entries(block)) {
        if (typeof range !== 'string') continue;
        const target = candidates(name, range).map((descriptor) => byDescriptor.get(descriptor)).find((index) => index !== undefined);
        if (target === undefined) continue;
        (isRoot && isDevOnly(declared, name) ? roots.dev : roots.prod).push(target);
      }
    }
  }
  if (workspaces.length === 0) Object.assign(roots, rootsFromManifest(packages, byDescriptor, declared, candidates));
  const version = typeof metadata.fields.version === 'string' ? metadata.fields.version : '?';
  applyGraph(packages, edges, roots);
  return { file, format: `yarn-berry-v${version}`, ecosystem: 'npm', supported: true, packages };
}

function dependencyTargets(fields: YarnBlock, byDescriptor: Map<string, number>, candidates: (name: string, range: string) => string[]): number[] {
  const targets: number[] = [];
  for (const field of EDGE_FIELDS) {
    const block = fields[field];
    if (typeof block !== 'object') continue;
    for (const [name, range] of Object.entries(block)) {
      if (typeof range !== 'string') continue;
      const target = candidates(name, range).map((descriptor) => byDescriptor.get(descriptor)).find((index) => index !== undefined);
      if (target !== undefined) targets.push(target);
    }
  }
  return targets;
}

function rootsFromManifest(
  packages: readonly LockedPackage[],
  byDescriptor: Map<string, number>,
  declared: DeclaredNames | undefined,
  candidates: (name: string, range: string) => string[],
): { prod: number[]; dev: number[] } {
  const roots = { prod: [] as number[], dev: [] as number[] };
  if (!declared) return roots;
  const find = (name: string): number | undefined => {
    const range = declared.ranges?.get(name);
    const exact = range === undefined ? undefined : candidates(name, range).map((descriptor) => byDescriptor.get(descriptor)).find((index) => index !== undefined);
    return exact ?? packages.findIndex((pkg) => pkg.name === name);
  };
  for (const name of declared.prod) {
    const index = find(name);
    if (index !== undefined && index >= 0) roots.prod.push(index);
  }
  for (const name of declared.dev) {
    const index = find(name);
    if (index !== undefined && index >= 0) roots.dev.push(index);
  }
  return roots;
}

function text(value: string | YarnBlock | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
