import semver from 'semver';
import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import type { Ecosystem } from '../../core/package-inventory.js';
import { lockfileFacts, type DeclaredDependency } from '../../facts/supply-chain/lockfiles.js';

const ANY_VERSION = new Set(['', '*', 'x', 'x.x', 'x.x.x', '*.*', '*.*.*', 'latest', 'any', '>=0', '>=0.0.0', '>= 0']);
const DIST_TAG = /^[a-z][a-z0-9._-]{0,50}$/i;

/** Accepts any version at all: a wildcard, `latest`, or (npm) a moving dist-tag such as `next`. */
function acceptsAnyVersion(dependency: DeclaredDependency, ecosystem: Ecosystem): boolean {
  const spec = dependency.spec.trim().toLowerCase();
  if (ANY_VERSION.has(spec)) return true;
  return ecosystem === 'npm' && DIST_TAG.test(spec) && semver.validRange(spec) === null;
}

export default defineControl({
  meta: {
    id: 'dependencies-pinned',
    title: 'No manifest accepts any version of a dependency without a lockfile to fix it',
    domain: 'supply-chain',
    severity: 'medium',
    rationale:
      'A range such as `*` or `latest`, or a git URL that follows a branch, installs whatever is newest at build time; without a lockfile nothing records or reviews which code that was.',
    remediation:
      'Commit the lockfile, or give each dependency a bounded version range (and pin git dependencies to a full commit hash).',
    facts: ['lockfiles'],
  },
  async check({ facts }) {
    const { manifests } = await facts(lockfileFacts);
    const withDependencies = manifests.filter((manifest) => !manifest.readable || manifest.dependencies.some((dependency) => !dependency.local));
    if (withDependencies.length === 0) return notApplicable('no manifest declares a dependency to fetch');
    const findings: FindingInput[] = [];
    const unlocked = withDependencies.filter((manifest) => !manifest.lockfile);
    for (const manifest of unlocked) {
      if (!manifest.readable) {
        findings.push({ message: `${manifest.file} could not be read, and no lockfile fixes its versions`, file: manifest.file, key: `unreadable ${manifest.file}`, outcome: 'unknown' });
        continue;
      }
      for (const dependency of manifest.dependencies) {
        if (dependency.local) continue;
        let problem: string | undefined;
        if (dependency.vcs && !dependency.vcs.pinnedToCommit) problem = `follows a VCS reference that is not a full commit hash (${dependency.vcs.url.slice(0, 120)})`;
        else if (!dependency.vcs && acceptsAnyVersion(dependency, manifest.ecosystem)) problem = dependency.spec.trim() ? `accepts any version ("${dependency.spec}")` : 'names no version at all';
        if (!problem) continue;
        findings.push({
          message: `${dependency.name} in ${manifest.file} ${problem}, and no lockfile fixes it`,
          file: manifest.file,
          line: dependency.line,
          key: `${dependency.name} ${dependency.spec}`,
          properties: { package: dependency.name, ecosystem: manifest.ecosystem },
        });
      }
    }
    const locked = withDependencies.length - unlocked.length;
    return evaluated(findings, `${locked} manifest(s) fixed by a lockfile, ${unlocked.length} without one checked for open ranges`);
  },
});
