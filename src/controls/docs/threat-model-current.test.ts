import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { testControl } from '../../testing/control-table.js';
import control from './threat-model-current.js';

const recent = { now: new Date('2026-06-01T00:00:00Z') };
const later = { now: new Date('2027-06-01T00:00:00Z') };
const DRAGON = JSON.stringify({ version: '2.2.0', summary: { title: 'Shop' }, detail: { contributors: [], diagrams: [] } });

testControl(control, {
  pass: [
    { name: 'THREAT_MODEL.md committed within a year', files: { 'THREAT_MODEL.md': '# Threats\n' }, git: true, options: recent, reason: /THREAT_MODEL\.md last changed 2026-01-01/ },
    { name: 'docs/threat-model folder', files: { 'docs/threat-model/overview.md': '# Overview\n' }, git: true, options: recent },
    { name: 'threagile model', files: { 'threagile.yaml': 'threagile_version: 1.0.0\n' }, git: true, options: recent },
    { name: 'Threat Dragon JSON', files: { 'ThreatDragonModels/shop/shop.json': DRAGON }, git: true, options: recent },
    { name: 'pytm script', files: { 'security/tm.py': 'from pytm import TM, Server\n' }, git: true, options: recent },
    { name: 'a wider window', files: { 'THREAT_MODEL.md': '# Threats\n' }, git: true, options: later, params: { maxAgeDays: 730 } },
  ],
  fail: [
    { name: 'no threat model', files: { 'README.md': '# x\n' }, git: true, options: recent, findings: [{ message: 'no threat model' }] },
    { name: 'stale threat model', files: { 'docs/threat-model.md': '# Threats\n' }, git: true, options: later, findings: [{ file: 'docs/threat-model.md', message: 'more than 365 days' }] },
    { name: 'a JSON file that is not a Threat Dragon model', files: { 'threats.json': '{"a":1}' }, git: true, options: recent, findings: 1 },
  ],
  notApplicable: [{ name: 'empty repository', files: {} }],
  unknown: [
    { name: 'plain directory: no history to date it', files: { 'THREAT_MODEL.md': '# Threats\n' }, options: recent, reason: /not a git work tree/ },
    { name: 'not committed yet', files: { 'README.md': 'x' }, git: true, setup: (root) => writeFileSync(path.join(root, 'THREAT_MODEL.md'), '# new\n'), options: recent, reason: /not committed/ },
  ],
});
