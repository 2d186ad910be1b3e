import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Collector, CollectorContext } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import { OSV_FIXTURES } from '../../testing/osv-fixtures.js';
import type { Ecosystem, LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { packageInventory } from './inventory.js';
import { vulnerabilityFacts } from './vulnerabilities.js';

const cacheDir = mkdtempSync(path.join(tmpdir(), 'tenet-vuln-facts-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Each ecosystem's lockfile as the supply-chain parsers report it, at affected, boundary and fixed versions. */
const LOCKFILES: [string, Ecosystem, [string, string][]][] = [
  ['requirements.txt', 'PyPI', [['Django', '3.2.13'], ['django', '3.2.20'], ['requests', '2.30.0'], ['requests', '2.32.0']]],
  ['go.mod', 'Go', [['golang.org/x/net', 'v0.16.0'], ['golang.org/x/net', 'v0.17.0'], ['golang.org/x/net', 'v0.0.0-20211209124913-491a49abca63']]],
  ['Cargo.lock', 'crates.io', [['regex', '1.5.4'], ['regex', '1.5.5'], ['smallvec', '1.6.0']]],
  ['Gemfile.lock', 'RubyGems', [['rack', '2.2.3'], ['rack', '2.2.3.1']]],
  ['composer.lock', 'Packagist', [['guzzlehttp/guzzle', '7.4.2'], ['guzzlehttp/guzzle', '7.4.3']]],
];

function inventory(): { lockfiles: LockfileInfo[] } {
  return {
    lockfiles: LOCKFILES.map(([file, ecosystem, entries]) => ({
      file,
      format: 'test',
      ecosystem,
      supported: true,
      packages: entries.map(([name, version], index): LockedPackage => ({ ecosystem, name, version, direct: true, dev: false, lockfile: file, line: index + 1, hashes: [] })),
    })),
  };
}

describe('vulnerability facts for every ecosystem', () => {
  it('matches the packages of each lockfile against the offline database', async () => {
    const context: CollectorContext = {
      repo: { report: () => undefined } as unknown as Repository,
      config: {},
      now: new Date(),
      options: { github: false, online: false, osvDb: OSV_FIXTURES, cacheDir },
      facts: async <T>(collector: Collector<T>): Promise<T> => {
        assert.equal(collector.id, packageInventory.id);
        return inventory() as T;
      },
    };
    const facts = await vulnerabilityFacts.collect(context);
    assert.equal(facts.checked, 14);
    const found = facts.packages.map(({ package: pkg, vulnerabilities }) => `${pkg.lockfile}:${pkg.line} ${pkg.name}@${pkg.version}: ${vulnerabilities.map((v) => `${v.id}[${[v.severity, v.fixed ?? '-'].join(' ')}]`).join(', ')}`);
    assert.deepEqual(found, [
      'requirements.txt:1 Django@3.2.13: GHSA-p64x-8rxx-wf6q[critical 3.2.14], GHSA-jh3w-4vvf-mjgr[high 3.2.20]',
      'requirements.txt:3 requests@2.30.0: GHSA-j8r2-6x86-q33q[medium 2.31.0], GHSA-9wx4-h78v-vm56[medium 2.32.0]',
      'go.mod:1 golang.org/x/net@v0.16.0: GHSA-4374-p667-p6c8[high 0.17.0]',
      'go.mod:3 golang.org/x/net@v0.0.0-20211209124913-491a49abca63: GHSA-4374-p667-p6c8[high 0.17.0], GHSA-xrjj-mj9h-534m[unknown 0.4.0]',
      'Cargo.lock:1 regex@1.5.4: GHSA-m5pq-gvj9-9vr8[unknown 1.5.5]',
      'Cargo.lock:3 smallvec@1.6.0: GHSA-43w2-9j62-hq99[unknown 1.6.1]',
      'Gemfile.lock:1 rack@2.2.3: GHSA-wq4h-7r42-5hrr[critical 2.2.3.1]',
      'composer.lock:1 guzzlehttp/guzzle@7.4.2: GHSA-cwmx-hcrq-mhc3[high 7.4.3]',
    ]);
  });
  it('is unavailable without an advisory source', async () => {
    const context: CollectorContext = {
      repo: {} as Repository,
      config: {},
      now: new Date(),
      options: { github: false, online: false },
      facts: async <T>(): Promise<T> => inventory() as T,
    };
    await assert.rejects(Promise.resolve(vulnerabilityFacts.collect(context)), /no advisory source/);
  });
});
