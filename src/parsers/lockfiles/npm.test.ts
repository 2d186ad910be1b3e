import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNpmLockfile } from './npm.js';

const V3 = JSON.stringify(
  {
    name: 'app',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'app', dependencies: { a: '^1.0.0' }, devDependencies: { d: '^2.0.0' }, workspaces: ['packages/*'] },
      'node_modules/a': { version: '1.0.0', resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', integrity: 'sha512-AAA', dependencies: { b: '^1.0.0' } },
      'node_modules/a/node_modules/b': { version: '1.1.0', resolved: 'https://registry.npmjs.org/b/-/b-1.1.0.tgz', integrity: 'sha512-BBB', hasInstallScript: true },
      'node_modules/b': { version: '2.0.0', resolved: 'https://registry.npmjs.org/b/-/b-2.0.0.tgz', integrity: 'sha512-CCC', dev: true },
      'node_modules/d': { version: '2.0.0', resolved: 'https://registry.npmjs.org/d/-/d-2.0.0.tgz', integrity: 'sha512-DDD', dev: true, dependencies: { b: '^2.0.0' } },
      'node_modules/@scope/w': { resolved: 'packages/w', link: true },
      'packages/w': { name: '@scope/w', version: '0.0.1', dependencies: { e: '1.0.0' } },
      'node_modules/e': { version: '1.0.0', resolved: 'git+ssh://git@github.com/x/e.git#0123456789abcdef0123456789abcdef01234567' },
    },
  },
  null,
  2,
);

describe('npm lockfile parser', () => {
  it('reads v3 entries with direct, dev, nested resolution, lines and install scripts', () => {
    const info = parseNpmLockfile({ file: 'package-lock.json', text: V3 });
    assert.equal(info.format, 'npm-v3');
    assert.equal(info.supported, true);
    const byKey = new Map(info.packages.map((pkg) => [`${pkg.name}@${pkg.version}`, pkg]));
    assert.deepEqual([...byKey.keys()].sort(), ['a@1.0.0', 'b@1.1.0', 'b@2.0.0', 'd@2.0.0', 'e@1.0.0']);
    assert.equal(byKey.get('a@1.0.0')?.direct, true);
    assert.equal(byKey.get('a@1.0.0')?.dev, false);
    assert.equal(byKey.get('d@2.0.0')?.direct, true);
    assert.equal(byKey.get('d@2.0.0')?.dev, true);
    assert.equal(byKey.get('e@1.0.0')?.direct, true, 'a workspace member declares it');
    assert.equal(byKey.get('b@1.1.0')?.direct, false);
    assert.deepEqual(byKey.get('b@1.1.0')?.dependents, ['a']);
    assert.deepEqual(byKey.get('b@2.0.0')?.dependents, ['d']);
    assert.equal(byKey.get('b@1.1.0')?.hasInstallScript, true);
    assert.equal(byKey.get('a@1.0.0')?.hasInstallScript, false);
    assert.deepEqual(byKey.get('a@1.0.0')?.hashes, ['sha512-AAA']);
    assert.deepEqual(byKey.get('e@1.0.0')?.hashes, []);
    assert.equal(byKey.get('a@1.0.0')?.line, V3.split('\n').findIndex((line) => line.includes('"node_modules/a":')) + 1);
  });

  it('reads a v1 dependency tree, taking direct names from the manifest', () => {
    const text = JSON.stringify(
      {
        lockfileVersion: 1,
        dependencies: {
          a: { version: '1.0.0', resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', integrity: 'sha1-xx sha512-yy', requires: { b: '^1' }, dependencies: { b: { version: '1.0.0', integrity: 'sha512-b' } } },
          c: { version: 'github:x/c#abc', dev: true },
          'sw-cjs': { version: 'npm:string-width@4.2.3', integrity: 'sha512-s' },
        },
      },
      null,
      2,
    );
    const info = parseNpmLockfile({ file: 'package-lock.json', text, declared: { prod: new Set(['a']), dev: new Set(['c']) } });
    assert.equal(info.format, 'npm-v1');
    const [a, b, c, alias] = info.packages;
    assert.equal(`${alias?.name ?? ''}@${alias?.version ?? ''}`, 'string-width@4.2.3');
    assert.equal(a?.direct, true);
    assert.deepEqual(a?.hashes, ['sha1-xx', 'sha512-yy']);
    assert.equal(b?.direct, false);
    assert.deepEqual(b?.dependents, ['a']);
    assert.equal(b?.line, 12);
    assert.equal(c?.dev, true);
    assert.equal(c?.resolved, 'github:x/c#abc');
    assert.equal(a?.hasInstallScript, undefined, 'v1 does not record install scripts');
  });

  it('says an unknown lockfile version is unsupported, and rejects non-JSON', () => {
    assert.equal(parseNpmLockfile({ file: 'package-lock.json', text: '{"lockfileVersion": 9}' }).supported, false);
    assert.throws(() => parseNpmLockfile({ file: 'package-lock.json', text: '{"lockfileVersion": 3,' }), /not JSON/);
  });

  it('parses a 5,000-package lockfile quickly', () => {
    const packages: Record<string, unknown> = { '': { dependencies: { p0: '1.0.0' } } };
    for (let index = 0; index < 5000; index++) {
      packages[`node_modules/p${index}`] = { version: '1.0.0', resolved: `https://registry.npmjs.org/p${index}/-/p${index}-1.0.0.tgz`, integrity: 'sha512-x', dependencies: { [`p${index + 1}`]: '1.0.0' } };
    }
    const text = JSON.stringify({ lockfileVersion: 3, packages }, null, 2);
    const started = performance.now();
    const info = parseNpmLockfile({ file: 'package-lock.json', text });
    const elapsed = performance.now() - started;
    assert.equal(info.packages.length, 5000);
    assert.equal(info.packages[4999]?.line, text.split('\n').findIndex((line) => line.includes('"node_modules/p4999"')) + 1);
    assert.ok(elapsed < 1000, `took ${elapsed} ms`);
  });
});
