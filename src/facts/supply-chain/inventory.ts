/**
 * The locked packages the vulnerability control and the SBOM read. Every reader goes through
 * `packageInventory`, so where the lockfiles come from is decided here alone.
 */
import { defineCollector } from '../collector.js';
import type { LockfileInfo } from '../../core/package-inventory.js';
import { mavenLockfiles } from './maven.js';
import { lockfileFacts } from './lockfiles.js';

export interface PackageInventory {
  lockfiles: LockfileInfo[];
}

export const packageInventory = defineCollector<PackageInventory>({
  id: 'package-inventory',
  description: 'Every locked package (ecosystem, name, exact version, direct/transitive, dev/production, lockfile line)',
  async collect({ repo, facts }) {
    // Maven is read here; every other ecosystem comes from the supply-chain lockfile parsers.
    const others: LockfileInfo[] = (await facts(lockfileFacts)).lockfiles;
    return { lockfiles: [...others.filter((lockfile) => lockfile.ecosystem !== 'Maven'), ...mavenLockfiles(repo)] };
  },
});
