import type { Ecosystem, LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { isRecord } from '../../core/records.js';

export { isRecord };

/** Names a manifest declares directly, split by whether production code needs them. */
export interface DeclaredNames {
  prod: ReadonlySet<string>;
  dev: ReadonlySet<string>;
  /** The range each direct name is declared with, where the lockfile keys entries by range (yarn). */
  ranges?: ReadonlyMap<string, string>;
}

/** What every lockfile parser receives: the file's text and path, and the manifest's direct names when known. */
export interface LockfileInput {
  file: string;
  text: string;
  declared?: DeclaredNames;
}

export type LockfileParser = (input: LockfileInput) => LockfileInfo;

/** A lockfile tenet recognises but cannot read: controls say `unknown` for it, never `pass`. */
export function unsupportedLockfile(file: string, format: string, ecosystem: Ecosystem, reason: string): LockfileInfo {
  return { file, format, ecosystem, supported: false, reason, packages: [] };
}

/** Thrown by a parser when the text is not the format it claims to be. */
export class MalformedLockfile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedLockfile';
  }
}

export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

export function recordField(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = record[key];
  return isRecord(value) ? value : {};
}

/**
 * Completes direct, dev and dependents from the dependency graph: a package is direct when a root
 * names it, and dev when only development roots reach it (a package nothing reaches counts as
 * production, the cautious reading). Lockfiles that already record these keep theirs.
 */
export function applyGraph(
  packages: LockedPackage[],
  edges: readonly (readonly number[])[],
  roots: { prod: readonly number[]; dev: readonly number[] },
  options: { keepDev?: boolean; keepDirect?: boolean } = {},
): void {
  const fromProd = reach(edges, roots.prod, packages.length);
  const fromDev = reach(edges, roots.dev, packages.length);
  const direct = new Set([...roots.prod, ...roots.dev]);
  const dependents: Set<string>[] = packages.map(() => new Set<string>());
  edges.forEach((targets, from) => {
    const name = packages[from]?.name;
    if (name === undefined) return;
    for (const target of targets) if (target !== from) dependents[target]?.add(name);
  });
  packages.forEach((pkg, index) => {
    if (!options.keepDirect) pkg.direct = direct.has(index);
    if (!options.keepDev) pkg.dev = fromDev[index] === 1 && fromProd[index] !== 1;
  });
  assignDependents(packages, dependents);
}

function reach(edges: readonly (readonly number[])[], roots: readonly number[], size: number): Uint8Array {
  const reached = new Uint8Array(size);
  const queue: number[] = [];
  for (const root of roots) {
    if (reached[root]) continue;
    reached[root] = 1;
    queue.push(root);
  }
  for (let head = 0; head < queue.length; head++) {
    for (const next of edges[queue[head] ?? 0] ?? []) {
      if (reached[next]) continue;
      reached[next] = 1;
      queue.push(next);
    }
  }
  return reached;
}

/** Declared only as a development dependency of the manifest. */
export function isDevOnly(declared: DeclaredNames | undefined, name: string): boolean {
  return declared !== undefined && declared.dev.has(name) && !declared.prod.has(name);
}

/** Graph roots for lockfiles that do not say which packages are direct: those the manifest names (by normalised name). */
export function rootsByName(packages: readonly LockedPackage[], declared: DeclaredNames | undefined, normalise: (name: string) => string = (name) => name): { prod: number[]; dev: number[] } {
  const prod: number[] = [];
  const dev: number[] = [];
  if (!declared) return { prod, dev };
  const prodNames = new Set([...declared.prod].map(normalise));
  const devNames = new Set([...declared.dev].map(normalise));
  packages.forEach((pkg, index) => {
    const name = normalise(pkg.name);
    if (prodNames.has(name)) prod.push(index);
    else if (devNames.has(name)) dev.push(index);
  });
  return { prod, dev };
}

/** PEP 503 normalisation: PyPI names compare case-insensitively with runs of `-_.` equal. */
export function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A JSON lockfile's top-level object; anything else makes it malformed. */
export function readJsonObject(text: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new MalformedLockfile(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(document)) throw new MalformedLockfile('not a JSON object');
  return document;
}

/** Stores each package's dependents, sorted, where it has any. */
export function assignDependents(packages: LockedPackage[], dependents: readonly Set<string>[]): void {
  packages.forEach((pkg, index) => {
    const names = dependents[index];
    if (names && names.size > 0) pkg.dependents = [...names].sort();
  });
}
