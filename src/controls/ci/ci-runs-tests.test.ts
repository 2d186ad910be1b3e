import { testControl } from '../../testing/control-table.js';
import control from './ci-runs-tests.js';

const pkg = '{"name":"x","scripts":{"test":"vitest run"}}';
const gh = (on: string, run: string): string => `on: ${on}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

testControl(control, {
  pass: [
    { name: 'npm test on push and pull_request', files: { 'package.json': pkg, '.github/workflows/ci.yml': gh('[push, pull_request]', 'npm test') } },
    {
      name: 'push in one workflow, pull requests in another',
      files: { 'go.mod': 'module x\n', '.github/workflows/a.yml': gh('push', 'go test ./...'), '.github/workflows/b.yml': gh('pull_request', 'go test ./...') },
    },
    { name: 'GitLab job without rules runs for branches and merge requests', files: { 'pyproject.toml': '[project]\nname="x"\n', '.gitlab-ci.yml': 'test:\n  script:\n    - pytest\n' } },
    { name: 'make test reaching go test', files: { 'go.mod': 'module x\n', Makefile: 'test:\n\tgo test ./...\n', '.travis.yml': 'language: go\nscript: make test\n' } },
  ],
  fail: [
    {
      name: 'tests only on push',
      files: { 'package.json': pkg, '.github/workflows/ci.yml': gh('push', 'npm test') },
      findings: [{ message: 'never on pull requests', file: '.github/workflows/ci.yml', line: 3, resource: '.github/workflows/ci.yml#test' }],
    },
    {
      name: 'npm test without a test script runs nothing',
      files: { 'package.json': '{"name":"x"}', '.github/workflows/ci.yml': gh('[push, pull_request]', 'npm test') },
      findings: [{ message: 'no CI job runs a test command' }],
    },
    { name: 'CI builds only', files: { 'main.go': 'package main\n', 'go.mod': 'module x\n', '.github/workflows/ci.yml': gh('[push, pull_request]', 'go build ./...') } },
    { name: 'no CI at all', files: { 'app.py': 'print(1)\n', 'pyproject.toml': '[project]\n' }, findings: [{ message: 'no CI configuration' }] },
  ],
  unknown: [
    {
      name: 'tests may live in a remote GitLab include',
      files: { 'package.json': pkg, '.gitlab-ci.yml': "include:\n  - project: platform/ci\n    file: node.yml\nbuild:\n  script: npm run build\n" },
      reason: /includes platform\/ci\/node\.yml/,
    },
    { name: 'the only workflow is malformed', files: { 'package.json': pkg, '.github/workflows/ci.yml': 'on: [push\n' }, reason: /could not be parsed/ },
    {
      name: 'tests only on push, but a reusable workflow from another repository also runs',
      files: { 'package.json': pkg, '.github/workflows/ci.yml': `${gh('push', 'npm test')}  shared:\n    uses: org/ci/.github/workflows/node.yml@v1\n` },
      findings: [{ outcome: 'unknown', message: 'never on pull requests' }],
    },
  ],
  notApplicable: [{ name: 'no source code', files: { 'README.md': '# docs\n', '.github/workflows/ci.yml': gh('push', 'echo hi') } }],
});
