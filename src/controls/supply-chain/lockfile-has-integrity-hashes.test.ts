import { testControl } from '../../testing/control-table.js';
import control from './lockfile-has-integrity-hashes.js';

const npmLock = (packages: Record<string, unknown>): string => JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } }, null, 2);

testControl(control, {
  pass: [
    {
      name: 'npm lockfile with integrity on every entry (bundled entries are covered by their parent)',
      files: {
        'package-lock.json': npmLock({
          'node_modules/a': { version: '1.0.0', integrity: 'sha512-a' },
          'node_modules/a/node_modules/b': { version: '1.0.0', inBundle: true },
        }),
      },
    },
    { name: 'requirements with --hash', files: { 'requirements.txt': 'flask==3.0.0 --hash=sha256:abc\n' } },
    { name: 'go.sum', files: { 'go.sum': 'github.com/a/b v1.0.0 h1:abc=\n' } },
    { name: 'a SHA-1 hash beside a SHA-512 one', files: { 'package-lock.json': JSON.stringify({ lockfileVersion: 1, dependencies: { a: { version: '1.0.0', integrity: 'sha1-abc sha512-def' } } }) } },
    { name: 'weak hashes accepted by parameter', files: { 'package-lock.json': JSON.stringify({ lockfileVersion: 1, dependencies: { a: { version: '1.0.0', integrity: 'sha1-abc' } } }) }, params: { acceptWeakHashes: true } },
  ],
  fail: [
    {
      name: 'npm entry without integrity',
      files: { 'package-lock.json': npmLock({ 'node_modules/a': { version: '1.0.0', integrity: 'sha512-a' }, 'node_modules/b': { version: '2.0.0', resolved: 'git+ssh://git@github.com/x/b.git#abc' } }) },
      findings: [{ file: 'package-lock.json', line: 9, message: 'b@2.0.0 in package-lock.json has no integrity hash' }],
    },
    { name: 'only a SHA-1 hash', files: { 'package-lock.json': JSON.stringify({ lockfileVersion: 1, dependencies: { a: { version: '1.0.0', integrity: 'sha1-abc' } } }) }, findings: [{ message: 'a@1.0.0 in package-lock.json has only a weak SHA1 hash' }] },
    { name: 'requirements pinned without hashes', files: { 'requirements.txt': 'flask==3.0.0\nclick==8.1.7 --hash=sha256:abc\n' }, findings: [{ line: 1, message: 'flask@3.0.0' }] },
    { name: 'Gemfile.lock without CHECKSUMS', files: { 'Gemfile.lock': 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rake (13.0.0)\n\nDEPENDENCIES\n  rake\n' }, findings: [{ line: 4, message: 'rake@13.0.0' }] },
  ],
  notApplicable: [{ name: 'no lockfiles', files: { 'package.json': '{}' } }],
  unknown: [
    { name: 'a malformed lockfile', files: { 'package-lock.json': '{ nope' }, findings: [{ outcome: 'unknown', message: 'could not be judged' }] },
    { name: 'an unsupported lockfile format', files: { 'bun.lockb': 'binary' }, findings: 1 },
  ],
});
