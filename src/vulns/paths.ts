import type { LockedPackage } from '../core/package-inventory.js';

const BY_NAME = new WeakMap<readonly LockedPackage[], Map<string, LockedPackage[]>>();

/** Built once per lockfile: a scan asks for the path of every vulnerable package of it. */
function packagesByName(packages: readonly LockedPackage[]): Map<string, LockedPackage[]> {
  let byName = BY_NAME.get(packages);
  if (!byName) {
    byName = new Map();
    for (const pkg of packages) {
      const list = byName.get(pkg.name);
      if (list) list.push(pkg);
      else byName.set(pkg.name, [pkg]);
    }
    BY_NAME.set(packages, byName);
  }
  return byName;
}

/**
 * The shortest chain of package names from a direct dependency down to `target`, following the
 * `dependents` the lockfile records (`['express', 'body-parser', 'qs']`); just the name when the
 * package is direct or no chain is recorded.
 */
export function dependencyPath(packages: readonly LockedPackage[], target: LockedPackage): string[] {
  if (target.direct) return [target.name];
  const byName = packagesByName(packages);
  const previous = new Map<string, string>();
  const queue: string[] = [target.name];
  const seen = new Set(queue);
  for (let head = 0; head < queue.length && head < 10_000; head += 1) {
    const name = queue[head] as string;
    const candidates = name === target.name && head === 0 ? [target] : (byName.get(name) ?? []);
    for (const candidate of candidates) {
      for (const dependent of candidate.dependents ?? []) {
        if (seen.has(dependent)) continue;
        seen.add(dependent);
        previous.set(dependent, name);
        if ((byName.get(dependent) ?? []).some((pkg) => pkg.direct)) {
          const chain = [dependent];
          for (let step = name; ; step = previous.get(step) as string) {
            chain.push(step);
            if (step === target.name) return chain;
          }
        }
        queue.push(dependent);
      }
    }
  }
  return [target.name];
}
