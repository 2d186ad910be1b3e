import { testControl } from '../../testing/control-table.js';
import control from './no-dependency-install-scripts.js';

const npmLock = (packages: Record<string, unknown>): string => JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } }, null, 2);

testControl(control, {
  pass: [
    { name: 'no package has an install script', files: { 'package-lock.json': npmLock({ 'node_modules/a': { version: '1.0.0', integrity: 'sha512-a' } }) } },
    { name: 'allowed by name', files: { 'package-lock.json': npmLock({ 'node_modules/esbuild': { version: '0.20.0', hasInstallScript: true } }) }, params: { allow: ['esbuild'] } },
    { name: 'empty yarn lockfile', files: { 'yarn.lock': '# yarn lockfile v1\n' } },
    {
      name: 'install scripts disabled in .npmrc',
      files: { '.npmrc': 'ignore-scripts=true\n', 'package-lock.json': npmLock({ 'node_modules/evil': { version: '6.6.6', hasInstallScript: true } }) },
      reason: /ignore-scripts=true \(\.npmrc:1\)/,
    },
    { name: 'yarn berry with enableScripts: false', files: { '.yarnrc.yml': 'enableScripts: false\n', 'yarn.lock': '__metadata:\n  version: 8\n\n"a@npm:^1":\n  version: 1.0.0\n  resolution: "a@npm:1.0.0"\n' } },
  ],
  fail: [
    {
      name: 'a package with hasInstallScript',
      files: { 'package-lock.json': npmLock({ 'node_modules/a': { version: '1.0.0' }, 'node_modules/evil': { version: '6.6.6', hasInstallScript: true, dev: true } }) },
      findings: [{ file: 'package-lock.json', line: 8, message: 'evil@6.6.6 in package-lock.json runs an install script (dev dependency)' }],
    },
    { name: 'pnpm v6 requiresBuild', files: { 'pnpm-lock.yaml': "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n    resolution: {integrity: sha512-a}\n    requiresBuild: true\n    dev: false\n" }, findings: [{ line: 3 }] },
  ],
  notApplicable: [{ name: 'only non-npm lockfiles', files: { 'Cargo.lock': 'version = 3\n' } }],
  unknown: [
    { name: 'yarn classic does not record install scripts', files: { 'yarn.lock': '# yarn lockfile v1\n\na@^1:\n  version "1.0.0"\n' }, findings: [{ outcome: 'unknown' }] },
  ],
});
