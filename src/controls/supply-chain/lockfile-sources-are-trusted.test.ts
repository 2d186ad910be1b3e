import { testControl } from '../../testing/control-table.js';
import control from './lockfile-sources-are-trusted.js';

const npmLock = (resolved: string): string =>
  JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/a': { version: '1.0.0', resolved, integrity: 'sha512-a' } } }, null, 2);

testControl(control, {
  pass: [
    { name: 'npm registry', files: { 'package-lock.json': npmLock('https://registry.npmjs.org/a/-/a-1.0.0.tgz') } },
    { name: 'Cargo crates.io index', files: { 'Cargo.lock': '[[package]]\nname = "a"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "ab"\n' } },
    { name: 'private registry allowed by parameter', files: { 'package-lock.json': npmLock('https://npm.corp.example/a/-/a-1.0.0.tgz') }, params: { allowedRegistries: ['npm.corp.example'] } },
    { name: 'an allowed registry configured in .yarnrc.yml', files: { '.yarnrc.yml': 'npmRegistryServer: "https://registry.npmjs.org"\n', 'yarn.lock': '# yarn lockfile v1\n' } },
    { name: 'pnpm v9 records no source: the default registry', files: { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha512-a}\n" } },
  ],
  fail: [
    {
      name: 'git dependency',
      files: { 'package-lock.json': npmLock('git+ssh://git@github.com/x/a.git#0123') },
      findings: [{ file: 'package-lock.json', line: 5, message: 'a@1.0.0 in package-lock.json is fetched from a git repository' }],
    },
    {
      name: 'credentials in a tarball URL are redacted',
      files: { 'package-lock.json': npmLock('https://deploy:s3cr3t-token@npm.evil.example/a.tgz') },
      findings: [{ message: 'https://deploy:***@npm.evil.example/a.tgz', evidence: 'https://deploy:***@npm.evil.example/a.tgz' }],
    },
    { name: 'plain http in yarn.lock', files: { 'yarn.lock': '# yarn lockfile v1\n\na@^1:\n  version "1.0.0"\n  resolved "http://registry.yarnpkg.com/a/-/a-1.0.0.tgz"\n' }, findings: [{ line: 3, message: 'plain http' }] },
    {
      name: 'a plain-http registry in .npmrc behind a pnpm v9 lockfile',
      files: { '.npmrc': 'registry=http://npm.mirror.example/\n', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha512-a}\n" },
      findings: [{ file: '.npmrc', line: 1, message: 'npm registry configured in .npmrc is fetched over plain http' }],
    },
    { name: 'an extra index in pip.conf', files: { 'pip.conf': '[global]\nextra-index-url = https://pypi.mirror.example/simple\n' }, findings: [{ file: 'pip.conf', line: 2 }] },
    { name: 'a custom index in requirements', files: { 'requirements.txt': '--index-url https://pypi.mirror.example/simple\nflask==3.0.0 --hash=sha256:abc\n' }, findings: [{ line: 2, message: 'pypi.mirror.example' }] },
  ],
  notApplicable: [{ name: 'no lockfiles', files: { 'package.json': '{"dependencies":{"a":"1"}}' } }],
  unknown: [{ name: 'unreadable lockfile', files: { 'poetry.lock': '[[package' }, findings: [{ outcome: 'unknown' }] }],
});
