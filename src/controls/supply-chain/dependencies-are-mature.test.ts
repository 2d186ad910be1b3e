import { testControl } from '../../testing/control-table.js';
import control from './dependencies-are-mature.js';

const npmLock = (packages: Record<string, unknown>): string => JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { a: '*' } }, ...packages } }, null, 2);

testControl(control, {
  pass: [
    { name: 'stable versions', files: { 'package-lock.json': npmLock({ 'node_modules/a': { version: '1.0.0' } }) } },
    { name: 'a pre-release only in dev dependencies', files: { 'package-lock.json': npmLock({ 'node_modules/a': { version: '1.0.0' }, 'node_modules/t': { version: '6.0.0-beta.1', dev: true } }) } },
    { name: 'Go pseudo-versions are commits, not pre-releases', files: { 'go.sum': 'golang.org/x/sys v0.0.0-20240101000000-abcdefabcdef h1:abc=\n' } },
    { name: 'allowed by name', files: { 'package-lock.json': npmLock({ 'node_modules/a': { version: '2.0.0-rc.1' } }) }, params: { allow: ['a'] } },
  ],
  fail: [
    {
      name: 'npm pre-release in production',
      files: { 'package-lock.json': npmLock({ 'node_modules/a': { version: '2.0.0-rc.1' }, 'node_modules/b': { version: '1.0.0' } }) },
      findings: [{ file: 'package-lock.json', line: 9, message: 'production dependency a@2.0.0-rc.1 in package-lock.json is a pre-release' }],
    },
    { name: 'PEP 440 release candidate', files: { 'requirements.txt': 'django==5.1rc1\n' }, findings: [{ line: 1, message: 'django@5.1rc1' }] },
    { name: 'an unlocked manifest asking for a pre-release', files: { 'package.json': '{\n  "dependencies": {"a": "^3.0.0-beta.2"}\n}' }, findings: [{ file: 'package.json', line: 2 }] },
    { name: 'Composer dev branch', files: { 'composer.lock': JSON.stringify({ packages: [{ name: 'acme/lib', version: 'dev-main' }] }) }, findings: 1 },
  ],
  notApplicable: [
    { name: 'no dependencies', files: { 'README.md': '# x\n' } },
    { name: 'only dev dependencies', files: { 'package-lock.json': npmLock({ 'node_modules/t': { version: '1.0.0', dev: true } }) } },
  ],
  unknown: [{ name: 'malformed lockfile', files: { 'Cargo.lock': '[[package' }, findings: [{ outcome: 'unknown' }] }],
});
