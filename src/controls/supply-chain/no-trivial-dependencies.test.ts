import { testControl } from '../../testing/control-table.js';
import control from './no-trivial-dependencies.js';

testControl(control, {
  pass: [
    { name: 'ordinary dependencies', files: { 'package.json': '{"dependencies":{"express":"^4"},"devDependencies":{"typescript":"^5"}}' } },
    { name: 'a micro-package only as a transitive dependency (not in the manifest)', files: { 'package.json': '{"dependencies":{"express":"^4"}}', 'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/isarray': { version: '1.0.0' } } }) } },
    { name: 'allowed by parameter', files: { 'package.json': '{"dependencies":{"isarray":"^2"}}' }, params: { allow: ['isarray'] } },
    { name: 'same name in another ecosystem', files: { 'requirements.txt': 'left-pad==1.0\n' } },
  ],
  fail: [
    {
      name: 'is-even and left-pad',
      files: { 'package.json': '{\n  "dependencies": {\n    "is-even": "^1.0.0",\n    "express": "^4"\n  },\n  "devDependencies": {\n    "left-pad": "1.3.0"\n  }\n}' },
      findings: [
        { file: 'package.json', line: 3, message: 'depends directly on the micro-package is-even' },
        { line: 7, message: 'left-pad (dev)' },
      ],
    },
    { name: 'a name added by parameter', files: { 'requirements.txt': 'six==1.16.0\n' }, params: { packages: ['six'] }, findings: [{ line: 1 }] },
  ],
  unknown: [{ name: 'an unreadable manifest', files: { 'package.json': '{ broken' }, findings: [{ outcome: 'unknown' }] }],
  notApplicable: [{ name: 'no manifests', files: { 'main.go': 'package main' } }],
});
