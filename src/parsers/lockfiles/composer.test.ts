import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseComposerLock } from './composer.js';

const LOCK = JSON.stringify(
  {
    'content-hash': 'x',
    packages: [
      {
        name: 'symfony/console',
        version: 'v6.4.0',
        source: { type: 'git', url: 'https://github.com/symfony/console.git', reference: 'abc' },
        dist: { type: 'zip', url: 'https://api.github.com/repos/symfony/console/zipball/abc', reference: 'abc', shasum: '' },
        require: { php: '>=8.1', 'psr/log': '^3' },
      },
      { name: 'psr/log', version: '3.0.0', dist: { type: 'zip', url: 'https://repo.example.com/psr-log.zip', shasum: 'deadbeef' } },
      { name: 'acme/local', version: 'dev-main', dist: { type: 'path', url: '../local' } },
    ],
    'packages-dev': [{ name: 'phpunit/phpunit', version: '11.0.0-RC1', source: { type: 'git', url: 'https://github.com/sebastianbergmann/phpunit.git', reference: 'def' } }],
  },
  null,
  4,
);

describe('composer.lock parser', () => {
  it('reads production and dev packages, dist sources, shasums and lines', () => {
    const info = parseComposerLock({ file: 'composer.lock', text: LOCK, declared: { prod: new Set(['symfony/console']), dev: new Set(['phpunit/phpunit']) } });
    assert.deepEqual(
      info.packages.map((pkg) => [pkg.name, pkg.version, pkg.line, pkg.direct, pkg.dev, pkg.hashes, pkg.resolved, pkg.dependents]),
      [
        ['symfony/console', 'v6.4.0', 5, true, false, [], 'https://api.github.com/repos/symfony/console/zipball/abc', undefined],
        ['psr/log', '3.0.0', 24, false, false, ['sha1:deadbeef'], 'https://repo.example.com/psr-log.zip', ['symfony/console']],
        ['phpunit/phpunit', '11.0.0-RC1', 43, true, true, [], 'git+https://github.com/sebastianbergmann/phpunit.git@def', undefined],
      ],
    );
  });
});
