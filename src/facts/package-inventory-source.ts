/**
 * The locked packages the vulnerability control and the SBOM read. Every reader goes through
 * `packageInventory`, so where the lockfiles come from is decided here alone.
 */
import { defineCollector } from '../engine/control.js';
import type { Repository } from '../repo/repository.js';
import type { LockfileInfo } from './package-inventory.js';
import { mavenLockfiles } from './inventory/maven.js';
import { npmLockfiles } from './inventory/npm-lock.js';

export interface PackageInventory {
  lockfiles: LockfileInfo[];
}

/**
 * Lockfiles other than Maven's. Stand-in until the supply-chain lockfile parsers land: then this
 * becomes `(await facts(lockfileFacts)).lockfiles` (src/facts/lockfiles.ts) and npm-lock.ts goes.
 */
async function nonMavenLockfiles(repo: Repository): Promise<LockfileInfo[]> {
  return npmLockfiles(repo);
}

export const packageInventory = defineCollector<PackageInventory>({
  id: 'package-inventory',
  description: 'Every locked package (ecosystem, name, exact version, direct/transitive, dev/production, lockfile line)',
  async collect({ repo }) {
    return { lockfiles: [...(await nonMavenLockfiles(repo)), ...mavenLockfiles(repo)] };
  },
});
