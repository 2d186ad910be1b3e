import { testControl } from '../../testing/control-table.js';
import control from './dependency-updates-automated.js';

const MANIFEST = { 'package.json': '{"dependencies":{"a":"^1"}}' };

testControl(control, {
  pass: [
    { name: 'Dependabot with an update entry', files: { ...MANIFEST, '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: "npm"\n    directory: "/"\n    schedule:\n      interval: weekly\n' } },
    { name: 'renovate.json', files: { ...MANIFEST, 'renovate.json': '{"extends":["config:recommended"]}' } },
    { name: 'Renovate in .github/renovate.json5', files: { ...MANIFEST, '.github/renovate.json5': '{\n  // comments are allowed\n  extends: ["config:recommended"],\n}\n' } },
    { name: 'renovate key in package.json', files: { 'package.json': '{"dependencies":{"a":"^1"},"renovate":{"extends":["config:base"]}}' } },
  ],
  fail: [
    { name: 'nothing configured', files: MANIFEST, findings: [{ message: 'neither Dependabot' }] },
    { name: 'Dependabot without updates', files: { ...MANIFEST, '.github/dependabot.yml': 'version: 2\n' }, findings: [{ file: '.github/dependabot.yml', message: 'no `updates` entry' }] },
    { name: 'Renovate switched off', files: { ...MANIFEST, 'renovate.json': '{\n  "enabled": false\n}\n' }, findings: [{ message: 'disabled' }] },
  ],
  notApplicable: [
    { name: 'no manifests', files: { 'README.md': '# x\n' } },
    { name: 'a package.json without dependencies', files: { 'package.json': '{"scripts":{"test":"node t.js"}}' } },
  ],
});
