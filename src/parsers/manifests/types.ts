import type { Ecosystem } from '../../core/package-inventory.js';

/** One dependency as a manifest declares it: a name and a range, not yet a locked version. */
export interface DeclaredDependency {
  name: string;
  /** The range or reference as written (`^1.2.0`, `*`, `>=2`, a git URL); `''` when none is given. */
  spec: string;
  dev: boolean;
  line?: number;
  /** A VCS source instead of a registry version, and whether it is pinned to a full commit. */
  vcs?: { url: string; pinnedToCommit: boolean };
  /** A local path dependency (the project's own code), never fetched. */
  local?: boolean;
}

export type ManifestKind = 'package.json' | 'pyproject.toml' | 'Pipfile' | 'requirements.in' | 'requirements.txt' | 'Cargo.toml' | 'go.mod' | 'Gemfile' | 'composer.json';

export interface ManifestDependencies {
  kind: ManifestKind;
  ecosystem: Ecosystem;
  dependencies: DeclaredDependency[];
}

const FULL_COMMIT = /^[0-9a-f]{40}$/i;

export function isFullCommit(ref: string | undefined): boolean {
  return ref !== undefined && FULL_COMMIT.test(ref);
}
