import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Ecosystem } from '../../core/package-inventory.js';
import { isPrerelease, rangeRequiresPrerelease } from './prerelease.js';

describe('isPrerelease', () => {
  const cases: [string, Ecosystem, boolean][] = [
    ['1.0.0', 'npm', false],
    ['1.0.0-beta.1', 'npm', true],
    ['19.0.0-canary-abc-20240101', 'npm', true],
    ['0.0.0-next.3', 'npm', true],
    ['1.0.0', 'crates.io', false],
    ['1.0.0-rc.1', 'crates.io', true],
    ['v1.2.3', 'Go', false],
    ['v2.0.0-beta.1', 'Go', true],
    ['v0.0.0-20240101000000-abcdefabcdef', 'Go', false],
    ['v1.2.4-0.20240101000000-abcdefabcdef', 'Go', false],
    ['2.31.0', 'PyPI', false],
    ['8.0.0rc1', 'PyPI', true],
    ['1.0b2', 'PyPI', true],
    ['2.0.0.dev3', 'PyPI', true],
    ['1.0.post1', 'PyPI', false],
    ['7.1.0', 'RubyGems', false],
    ['2.0.0.beta1', 'RubyGems', true],
    ['v6.4.0', 'Packagist', false],
    ['11.0.0-RC1', 'Packagist', true],
    ['dev-main', 'Packagist', true],
  ];
  for (const [version, ecosystem, expected] of cases) {
    it(`${ecosystem} ${version} → ${expected}`, () => assert.equal(isPrerelease(version, ecosystem), expected));
  }
});

describe('rangeRequiresPrerelease', () => {
  it('spots ranges only a pre-release satisfies', () => {
    assert.equal(rangeRequiresPrerelease('^2.0.0-rc.1', 'npm'), true);
    assert.equal(rangeRequiresPrerelease('next', 'npm'), true);
    assert.equal(rangeRequiresPrerelease('^2.0.0', 'npm'), false);
    assert.equal(rangeRequiresPrerelease('==1.0b2', 'PyPI'), true);
    assert.equal(rangeRequiresPrerelease('>=1.0', 'PyPI'), false);
  });
});
