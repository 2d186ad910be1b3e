import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Ecosystem } from '../../core/package-inventory.js';
import { versionOrder } from './index.js';

/** Each list is strictly ascending in its ecosystem's order. */
const ASCENDING: Record<Ecosystem, string[]> = {
  npm: ['0.0.0', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.2.0', '1.10.0', '4.17.20', '4.17.21', '10.0.0'],
  'crates.io': ['0.1.0', '0.1.9', '0.1.10', '1.0.0-rc.1', '1.0.0', '1.8.3', '1.8.4'],
  Go: ['0.0.0-20200101000000-aaaaaaaaaaaa', '0.0.0-20211209124913-491a49abca63', '0.1.0', 'v0.7.0', '0.17.0', '1.2.3-0.20210101000000-abcdef123456', '1.2.3', '2.0.0+incompatible', '2.0.1'],
  PyPI: ['1.0.dev1', '1.0a1', '1.0a2.dev1', '1.0a2', '1.0b1', '1.0rc1', '1.0', '1.0+local.1', '1.0.post1.dev1', '1.0.post1', '1.0.1', '1.1', '2!0.1'],
  Maven: ['1-alpha-1', '1-alpha2', '1-beta', '1-milestone-1', '1-rc1', '1-SNAPSHOT', '1', '1-sp', '1-abc', '1.0.1', '1.1', '2.14.1', '2.15.0-rc1', '2.15.0', '2.17.0'],
  RubyGems: ['1.0.a', '1.0.a.2', '1.0.b1', '1.0.pre', '1.0.rc1', '1.0', '1.0.1', '1.1', '5.2.4.3', '5.2.4.10', '6.0.0'],
  Packagist: ['1.0.0-dev', '1.0.0-alpha1', '1.0.0-beta2', '1.0.0-RC1', '1.0.0', '1.0.0-pl1', '1.0.1', 'v1.2.0', '2.0.0'],
};

/** Pairs that the ecosystem treats as the same version. */
const EQUAL: [Ecosystem, string, string][] = [
  ['npm', '1.2.3', 'v1.2.3'],
  ['npm', '1.2.3+build.7', '1.2.3'],
  ['Go', 'v1.2.3', '1.2.3'],
  ['PyPI', '1.0', '1.0.0'],
  ['PyPI', '1.0RC1', '1.0rc1'],
  ['PyPI', '1.0-post1', '1.0.post1'],
  ['PyPI', '1.0-1', '1.0.post1'],
  ['PyPI', '1.0alpha1', '1.0a1'],
  ['Maven', '1.0', '1'],
  ['Maven', '1.0.0', '1'],
  ['Maven', '1-ga', '1'],
  ['Maven', '1.0-final', '1'],
  ['Maven', '1-cr1', '1-rc1'],
  ['Maven', '1a1', '1-alpha-1'],
  ['RubyGems', '1.0', '1'],
  ['RubyGems', '1.0.0', '1'],
  ['RubyGems', '1.0-rc1', '1.0.pre.rc1'],
  ['Packagist', 'v1.0.0', '1.0.0'],
  ['Packagist', '1.0.0-rc1', '1.0.0.RC1'],
];

describe('version ordering per ecosystem', () => {
  for (const [ecosystem, versions] of Object.entries(ASCENDING) as [Ecosystem, string[]][]) {
    it(`${ecosystem}: orders ${versions.length} versions`, () => {
      const order = versionOrder(ecosystem);
      for (let i = 0; i < versions.length; i += 1) {
        for (let j = 0; j < versions.length; j += 1) {
          const expected = Math.sign(i - j);
          assert.equal(order.compare(versions[i] as string, versions[j] as string), expected, `${versions[i]} vs ${versions[j]}`);
        }
      }
    });
  }
  it('treats equivalent spellings as equal', () => {
    for (const [ecosystem, a, b] of EQUAL) assert.equal(versionOrder(ecosystem).compare(a, b), 0, `${ecosystem}: ${a} = ${b}`);
  });
  it('refuses what the ecosystem cannot parse', () => {
    assert.equal(versionOrder('npm').compare('not-a-version', '1.0.0'), undefined);
    assert.equal(versionOrder('PyPI').compare('1.0-foo', '1.0'), undefined);
    assert.equal(versionOrder('RubyGems').compare('abc', '1.0'), undefined);
    assert.equal(versionOrder('Packagist').compare('dev-master', '1.0'), undefined);
  });
});
