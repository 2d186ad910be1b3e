/**
 * SemVer 2.0 ordering, as OSV's `SEMVER` ranges and the npm, crates.io and Go ecosystems use it.
 * Lenient on input (a leading `v`, missing minor or patch) because lockfiles and advisories are.
 */

export interface SemVer {
  release: bigint[];
  prerelease: (bigint | string)[];
}

const SEMVER = /^[vV=]?\s{0,4}(\d{1,40})(?:\.(\d{1,40}))?(?:\.(\d{1,40}))?(?:-([0-9A-Za-z.-]{1,256}))?(?:\+[0-9A-Za-z.-]{0,256})?$/;

export function parseSemver(version: string): SemVer | undefined {
  const match = SEMVER.exec(version.trim());
  if (!match) return undefined;
  const release = [match[1], match[2], match[3]].map((part) => BigInt(part ?? '0'));
  const prerelease = match[4] ? match[4].split('.').map((id) => (/^\d{1,40}$/.test(id) ? BigInt(id) : id)) : [];
  return { release, prerelease };
}

export function compareSemverParsed(a: SemVer, b: SemVer): number {
  for (let index = 0; index < 3; index += 1) {
    const diff = compareBig(a.release[index] ?? 0n, b.release[index] ?? 0n);
    if (diff !== 0) return diff;
  }
  // A version without pre-release identifiers sorts above every pre-release of it.
  if (a.prerelease.length === 0 && b.prerelease.length === 0) return 0;
  if (a.prerelease.length === 0) return 1;
  if (b.prerelease.length === 0) return -1;
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let index = 0; index < length; index += 1) {
    const left = a.prerelease[index];
    const right = b.prerelease[index];
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    if (typeof left === 'bigint' && typeof right === 'bigint') {
      const diff = compareBig(left, right);
      if (diff !== 0) return diff;
    } else if (typeof left === 'bigint') {
      return -1;
    } else if (typeof right === 'bigint') {
      return 1;
    } else if (left !== right) {
      return left < right ? -1 : 1;
    }
  }
  return 0;
}

export function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go module versions: SemVer with a `v` prefix; pseudo-versions are pre-releases; `+incompatible` is build metadata. */
export function parseGoVersion(version: string): SemVer | undefined {
  return parseSemver(version.replace(/^v/, ''));
}
