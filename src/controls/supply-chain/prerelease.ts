import semver from 'semver';
import type { Ecosystem } from '../../core/package-inventory.js';

/** Go pseudo-versions (`v0.0.0-20240101000000-abcdefabcdef`) name a commit, not a pre-release. */
const GO_PSEUDO_VERSION = /-(?:[0-9a-z.]{0,40}\.)?\d{14}-[0-9a-f]{12}(\+incompatible)?$/;
/** PEP 440 pre-releases (a, b, rc, alpha, beta, c, pre, preview) and development releases. */
const PEP440_PRERELEASE = /\d[._-]?(a|b|c|rc|alpha|beta|pre|preview)[._-]?\d*(\.post\d+)?(\+.*)?$|[._-]?dev[._-]?\d*(\+.*)?$/i;
/** The words every ecosystem uses for versions that are not yet released. */
const PRERELEASE_WORD = /(^|[^a-z])(alpha|beta|rc|canary|next|dev|pre|preview|nightly|snapshot|insiders|experimental)([^a-z]|$)/i;

/** Whether an exact locked version is a pre-release in its ecosystem's own versioning scheme. */
export function isPrerelease(version: string, ecosystem: Ecosystem): boolean {
  // Real versions are short; the cap keeps every pattern below cheap on a hostile lockfile.
  const trimmed = version.trim().slice(0, 200);
  if (!trimmed) return false;
  switch (ecosystem) {
    case 'Go':
      if (GO_PSEUDO_VERSION.test(trimmed)) return false;
      return semverPrerelease(trimmed);
    case 'PyPI':
      return PEP440_PRERELEASE.test(trimmed);
    case 'RubyGems':
      // RubyGems treats any letter in a version as a pre-release (1.0.0.beta1, 2.0.0.rc1, 3.0.pre).
      return /[a-z]/i.test(trimmed);
    case 'Packagist':
      return /^dev-|-dev$|(alpha|beta|rc)\.?\d*$/i.test(trimmed);
    default:
      return semverPrerelease(trimmed) || (semver.valid(trimmed) === null && PRERELEASE_WORD.test(trimmed));
  }
}

function semverPrerelease(version: string): boolean {
  const parsed = semver.parse(version, { loose: true });
  return parsed !== null && parsed.prerelease.length > 0;
}

/** A declared range that can only be satisfied by a pre-release (`^2.0.0-rc.1`, `==1.0b2`, the `next` tag). */
export function rangeRequiresPrerelease(spec: string, ecosystem: Ecosystem): boolean {
  const trimmed = spec.trim();
  if (ecosystem === 'npm') {
    if (/^(next|canary|beta|alpha|rc|dev|nightly|experimental|insiders)$/i.test(trimmed)) return true;
    const minimum = semver.validRange(trimmed) ? safeMinVersion(trimmed) : null;
    return minimum !== null && minimum.prerelease.length > 0;
  }
  const pinned = /^(?:==|===|=)?\s*v?(\d[^\s,;]*)$/.exec(trimmed);
  return pinned?.[1] !== undefined && isPrerelease(pinned[1], ecosystem);
}

function safeMinVersion(range: string): semver.SemVer | null {
  try {
    return semver.minVersion(range);
  } catch {
    return null;
  }
}
