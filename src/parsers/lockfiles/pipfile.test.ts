import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePipfileLock } from './pipfile.js';

const LOCK = JSON.stringify(
  {
    _meta: { sources: [{ name: 'pypi', url: 'https://pypi.org/simple', verify_ssl: true }] },
    default: {
      requests: { hashes: ['sha256:aaa'], index: 'pypi', version: '==2.31.0' },
      lib: { git: 'https://github.com/x/lib.git', ref: '0123abcd' },
      local: { path: '.', editable: true },
    },
    develop: { pytest: { hashes: [], version: '==8.0.0' } },
  },
  null,
  4,
);

describe('Pipfile.lock parser', () => {
  it('reads default and develop sections with sources, hashes and lines', () => {
    const info = parsePipfileLock({ file: 'Pipfile.lock', text: LOCK, declared: { prod: new Set(['Requests']), dev: new Set(['pytest']) } });
    assert.deepEqual(
      info.packages.map((pkg) => [pkg.name, pkg.version, pkg.line, pkg.direct, pkg.dev, pkg.hashes.length, pkg.resolved]),
      [
        ['requests', '2.31.0', 12, true, false, 1, 'https://pypi.org/simple'],
        ['lib', '0123abcd', 19, false, false, 0, 'git+https://github.com/x/lib.git@0123abcd'],
        ['pytest', '8.0.0', 29, true, true, 0, undefined],
      ],
    );
  });
});
