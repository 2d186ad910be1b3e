import { testControl } from '../../testing/control-table.js';
import control from './lockfile-present.js';

const NPM_LOCK = JSON.stringify({ lockfileVersion: 3, packages: { '': {} } });

testControl(control, {
  pass: [
    { name: 'package.json with package-lock.json', files: { 'package.json': '{"dependencies":{"a":"^1"}}', 'package-lock.json': NPM_LOCK } },
    {
      name: 'workspace member locked by the root lockfile',
      files: { 'package.json': '{"workspaces":["packages/*"]}', 'yarn.lock': '# yarn lockfile v1\n', 'packages/a/package.json': '{"dependencies":{"b":"^1"}}' },
    },
    {
      name: 'pnpm workspace member',
      files: { 'package.json': '{}', 'pnpm-workspace.yaml': 'packages:\n  - apps/*\n', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", 'apps/web/package.json': '{"dependencies":{"b":"^1"}}' },
    },
    { name: 'every ecosystem locked', files: { 'Cargo.toml': '[dependencies]\nserde = "1"\n', 'Cargo.lock': 'version = 3\n', 'go.mod': 'module x\nrequire a.b/c v1.0.0\n', 'go.sum': '', Gemfile: 'gem "rails"\n', 'Gemfile.lock': 'GEM\n', 'composer.json': '{"require":{"a/b":"^1"}}', 'composer.lock': '{}', Pipfile: '[packages]\nx = "*"\n', 'Pipfile.lock': '{}' } },
    { name: 'pip-compile input with its output', files: { 'requirements.in': 'flask\n', 'requirements.txt': 'flask==3.0.0\n' } },
    { name: 'a requirements/ directory', files: { 'requirements/dev.in': 'pytest\n', 'requirements/dev.txt': 'pytest==8.0.0\n' } },
  ],
  fail: [
    {
      name: 'package.json without a lockfile',
      files: { 'package.json': '{\n  "dependencies": {"a": "^1"}\n}' },
      findings: [{ file: 'package.json', line: 1, message: 'declares 1 dependency but no lockfile' }],
    },
    {
      name: 'a nested package that is not a workspace member',
      files: { 'package.json': '{"dependencies":{"a":"^1"}}', 'package-lock.json': NPM_LOCK, 'tools/x/package.json': '{"dependencies":{"b":"^1"}}' },
      findings: [{ file: 'tools/x/package.json' }],
    },
    { name: 'pyproject with dependencies and no lock', files: { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["requests>=2"]\n' }, findings: [{ message: 'poetry.lock, uv.lock' }] },
    { name: 'a requirements .in file never compiled', files: { 'requirements/base.in': 'flask\n' }, findings: [{ file: 'requirements/base.in' }] },
    { name: 'go.mod without go.sum', files: { 'go.mod': 'module x\n\nrequire github.com/a/b v1.0.0\n' }, findings: [{ file: 'go.mod' }] },
  ],
  notApplicable: [
    { name: 'no manifests', files: { 'README.md': '# x\n' } },
    { name: 'manifests without dependencies', files: { 'package.json': '{"scripts":{"test":"node t.js"}}', 'pyproject.toml': '[tool.black]\nline-length = 100\n' } },
    { name: 'manifests only inside test fixtures', files: { 'test/fixtures/app/package.json': '{"dependencies":{"a":"*"}}' } },
  ],
  unknown: [{ name: 'an unreadable manifest without a lockfile', files: { 'package.json': '{ not json' }, findings: [{ outcome: 'unknown' }] }],
});
