/**
 * The locked packages the vulnerability control and the SBOM read. Every reader goes through
 * `packageInventory`, so where the lockfiles come from is decided here alone.
 */
import { defineCollector } from '../engine/control.js';
import type { LockfileInfo } from './package-inventory.js';
import { mavenLockfiles } from './inventory/maven.js';
import { npmLockfiles } from './inventory/npm-lock.js';

export interface PackageInventory {
  lockfiles: LockfileInfo[];
}

export const packageInventory = defineCollector<PackageInventory>({
  id: 'package-inventory',
  description: 'Every locked package (ecosystem, name, exact version, direct/transitive, dev/production, lockfile line)',
  async collect({ repo }) {
    // The one place to switch to the supply-chain parsers once they land: replace the next line with
    //   const others = (await facts(lockfileFacts)).lockfiles;   (import { lockfileFacts } from './lockfiles.js'; take `facts` from the context)
    // and delete inventory/npm-lock.ts. Maven stays here: those parsers do not read it.
    const others: LockfileInfo[] = npmLockfiles(repo);
    return { lockfiles: [...others.filter((lockfile) => lockfile.ecosystem !== 'Maven'), ...mavenLockfiles(repo)] };
  },
});
