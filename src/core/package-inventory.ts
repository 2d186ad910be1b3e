/**
 * The shape of locked-dependency facts, shared by the supply-chain controls (which build it from
 * lockfiles) and the vulnerability control and SBOM (which read it). Contract between domains.
 */

/** OSV ecosystem names, exactly as OSV spells them. */
export type Ecosystem = 'npm' | 'PyPI' | 'crates.io' | 'Go' | 'RubyGems' | 'Packagist' | 'Maven';

export interface LockedPackage {
  ecosystem: Ecosystem;
  name: string;
  /** Exact version as locked (no range). */
  version: string;
  /** Declared by the manifest itself rather than pulled in by another package. */
  direct: boolean;
  /** Only needed for development (devDependencies, dev groups …). */
  dev: boolean;
  /** Repository-relative path of the lockfile (or manifest, for pinned requirements/pom.xml). */
  lockfile: string;
  /** 1-based line of the entry in that file, when known. */
  line?: number;
  /** Where the package is fetched from (URL, git URL, path), as the lockfile records it. */
  resolved?: string;
  /** Integrity hashes as recorded (`sha512-…`, `sha256:…`); empty when the lockfile has none. */
  hashes: string[];
  /** The lockfile records that the package runs install scripts (npm `hasInstallScript`). */
  hasInstallScript?: boolean;
  /** Shipped inside another package's tarball (npm `inBundle`): that tarball's hash covers it. */
  bundled?: boolean;
  /** Names of packages that depend on this one (for the path from a direct dependency). */
  dependents?: string[];
}

export interface LockfileInfo {
  /** Repository-relative path. */
  file: string;
  /** Format, e.g. `npm-v3`, `yarn-berry`, `pnpm`, `poetry`, `cargo`, `go-sum`. */
  format: string;
  ecosystem: Ecosystem;
  /** The manifest this lockfile locks, if found. */
  manifest?: string;
  /** False when the format is recognised but cannot be read by tenet; `reason` says why. */
  supported: boolean;
  reason?: string;
  packages: LockedPackage[];
}
