import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePnpmLockfile } from './pnpm.js';

const V5 = `lockfileVersion: 5.4

specifiers:
  a: ^1.0.0
  t: ^4.0.0

dependencies:
  a: 1.0.0

devDependencies:
  t: 4.9.5_b@2.0.0

packages:

  /a/1.0.0:
    resolution: {integrity: sha512-aaa}
    dependencies:
      b: 2.0.0
    requiresBuild: true
    dev: false

  /b/2.0.0:
    resolution: {integrity: sha512-bbb}
    dev: false

  /t/4.9.5_b@2.0.0:
    resolution: {tarball: http://example.com/t-4.9.5.tgz}
    dev: true
`;

const V6 = `lockfileVersion: '6.0'

importers:
  .:
    dependencies:
      '@s/a':
        specifier: ^1.0.0
        version: 1.0.0(react@18.0.0)
  packages/w:
    devDependencies:
      b:
        specifier: ^2.0.0
        version: 2.0.0

packages:

  /@s/a@1.0.0(react@18.0.0):
    resolution: {integrity: sha512-aaa}
    dependencies:
      b: 2.0.0
    dev: false

  /b@2.0.0:
    resolution: {integrity: sha512-bbb}
    dev: false

  github.com/x/c/0123abc:
    resolution: {type: git, repo: https://github.com/x/c.git, commit: 0123abc}
    name: c
    version: 1.0.0
    dev: false
`;

const V9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true

importers:

  .:
    dependencies:
      a:
        specifier: ^1.0.0
        version: 1.0.0
    devDependencies:
      t:
        specifier: ^5.0.0
        version: 5.0.0
      local:
        specifier: link:../local
        version: link:../local

packages:

  a@1.0.0:
    resolution: {integrity: sha512-aaa}

  b@2.0.0:
    resolution: {integrity: sha512-bbb}

  t@5.0.0:
    resolution: {integrity: sha512-ttt}

snapshots:

  a@1.0.0:
    dependencies:
      b: 2.0.0

  b@2.0.0: {}

  t@5.0.0:
    dependencies:
      b: 2.0.0
`;

const summary = (text: string): string[] =>
  parsePnpmLockfile({ file: 'pnpm-lock.yaml', text }).packages.map(
    (pkg) => `${pkg.name}@${pkg.version} line=${pkg.line ?? '?'} direct=${pkg.direct} dev=${pkg.dev} scripts=${String(pkg.hasInstallScript)} hashes=${pkg.hashes.length} resolved=${pkg.resolved ?? '-'} by=${(pkg.dependents ?? []).join('+')}`,
  );

describe('pnpm lockfile parser', () => {
  it('reads v5 slash keys, peer suffixes, requiresBuild and tarball sources', () => {
    assert.deepEqual(summary(V5), [
      'a@1.0.0 line=15 direct=true dev=false scripts=true hashes=1 resolved=- by=',
      'b@2.0.0 line=22 direct=false dev=false scripts=false hashes=1 resolved=- by=a',
      't@4.9.5 line=26 direct=true dev=true scripts=false hashes=0 resolved=http://example.com/t-4.9.5.tgz by=',
    ]);
  });

  it('reads v6 importers, scoped names, peers in parentheses and git sources', () => {
    assert.deepEqual(summary(V6), [
      '@s/a@1.0.0 line=17 direct=true dev=false scripts=false hashes=1 resolved=- by=',
      'b@2.0.0 line=23 direct=true dev=false scripts=false hashes=1 resolved=- by=@s/a',
      'c@1.0.0 line=27 direct=false dev=false scripts=false hashes=0 resolved=git+https://github.com/x/c.git#0123abc by=',
    ]);
  });

  it('reads v9 packages with the graph from snapshots, dev from importers', () => {
    assert.deepEqual(summary(V9), [
      'a@1.0.0 line=23 direct=true dev=false scripts=undefined hashes=1 resolved=- by=',
      'b@2.0.0 line=26 direct=false dev=false scripts=undefined hashes=1 resolved=- by=a+t',
      't@5.0.0 line=29 direct=true dev=true scripts=undefined hashes=1 resolved=- by=',
    ]);
  });

  it('says an unknown version is unsupported and rejects broken YAML', () => {
    assert.equal(parsePnpmLockfile({ file: 'pnpm-lock.yaml', text: "lockfileVersion: '3.0'\n" }).supported, false);
    assert.throws(() => parsePnpmLockfile({ file: 'pnpm-lock.yaml', text: 'a: [\n' }));
  });
});
