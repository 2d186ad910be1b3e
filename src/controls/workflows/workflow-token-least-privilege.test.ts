import { testControl } from '../../testing/control-table.js';
import control from './workflow-token-least-privilege.js';

const JOB = 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';

testControl(control, {
  pass: [
    { name: 'read-only top level', files: { '.github/workflows/ci.yml': `on: push\npermissions:\n  contents: read\n${JOB}` } },
    { name: 'empty top level', files: { '.github/workflows/ci.yml': `on: push\npermissions: {}\n${JOB}` } },
    { name: 'read-all', files: { '.github/workflows/ci.yml': `on: push\npermissions: read-all\n${JOB}` } },
    {
      name: 'writes granted per job',
      files: {
        '.github/workflows/release.yml':
          'on: push\npermissions:\n  contents: read\njobs:\n  release:\n    permissions:\n      contents: write\n    runs-on: ubuntu-latest\n    steps:\n      - run: make release\n',
      },
    },
    {
      name: 'no top level, but every job sets its own',
      files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    permissions: {}\n    runs-on: x\n    steps: [{run: a}]\n  b:\n    permissions:\n      packages: write\n    runs-on: x\n    steps: [{run: b}]\n' },
    },
    { name: 'a reusable workflow takes its caller\'s token', files: { '.github/workflows/build.yml': `on: workflow_call\n${JOB}` } },
  ],
  fail: [
    {
      name: 'no permissions anywhere',
      files: { '.github/workflows/ci.yml': `name: ci\non: push\n${JOB}` },
      findings: [{ message: 'no top-level permissions, and job(s) build', line: 2, resource: '.github/workflows/ci.yml' }],
    },
    {
      name: 'write-all at the top',
      files: { '.github/workflows/ci.yml': `on: push\npermissions: write-all\n${JOB}` },
      findings: [{ message: 'write-all', line: 2 }],
    },
    {
      name: 'write scope at the top',
      files: { '.github/workflows/ci.yml': `on: push\npermissions:\n  contents: write\n  id-token: write\n  pull-requests: read\n${JOB}` },
      findings: [{ message: 'write access (contents, id-token)', line: 2 }],
    },
    {
      name: 'write-all in a job',
      files: { '.github/workflows/ci.yml': 'on: push\npermissions: {}\njobs:\n  build:\n    permissions: write-all\n    runs-on: x\n    steps: [{run: a}]\n' },
      findings: [{ resource: '.github/workflows/ci.yml#build', line: 5 }],
    },
    {
      name: 'one job without permissions when there is no top level',
      files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    permissions: {}\n    runs-on: x\n    steps: [{run: a}]\n  b:\n    runs-on: x\n    steps: [{run: b}]\n' },
      findings: [{ message: 'job(s) b set none' }],
    },
  ],
  notApplicable: [
    { name: 'no workflows', files: { 'README.md': '' } },
    { name: 'only a composite action', files: { 'action.yml': 'runs:\n  using: composite\n  steps: []\n' } },
  ],
  unknown: [
    { name: 'a workflow that does not parse', files: { '.github/workflows/ci.yml': 'on: [push\n' }, findings: [{ outcome: 'unknown', file: '.github/workflows/ci.yml', message: 'could not be parsed' }] },
    {
      name: 'a permissions value tenet cannot read',
      files: { '.github/workflows/ci.yml': `on: push\npermissions: read\n${JOB}` },
      findings: [{ outcome: 'unknown' }],
    },
  ],
  deviated: [
    {
      name: 'waived with a reason',
      files: { '.github/workflows/ci.yml': `on: push\n# tenet:ignore workflow-token-least-privilege the release bot needs it\npermissions: write-all\n${JOB}` },
    },
  ],
});
