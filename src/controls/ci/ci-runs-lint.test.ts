import { testControl } from '../../testing/control-table.js';
import control from './ci-runs-lint.js';

const gh = (run: string): string => `on: [push, pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

testControl(control, {
  pass: [
    { name: 'npm run lint reaching eslint', files: { 'package.json': '{"scripts":{"lint":"eslint ."}}', '.github/workflows/ci.yml': gh('npm run lint') } },
    { name: 'ruff', files: { 'pyproject.toml': '[project]\n', '.gitlab-ci.yml': 'lint:\n  script: ruff check .\n' } },
    { name: 'golangci-lint action', files: { 'go.mod': 'module x\n', '.github/workflows/ci.yml': 'on: push\njobs:\n  lint:\n    runs-on: x\n    steps:\n      - uses: golangci/golangci-lint-action@v6\n' } },
    { name: 'cargo clippy in Bitbucket', files: { 'Cargo.toml': '[package]\nname="x"\n', 'bitbucket-pipelines.yml': 'pipelines:\n  default:\n    - step:\n        script:\n          - cargo clippy -- -D warnings\n' } },
  ],
  fail: [
    { name: 'lint script exists but CI never runs it', files: { 'package.json': '{"scripts":{"lint":"eslint ."}}', '.github/workflows/ci.yml': gh('npm test') }, findings: [{ message: 'no CI job runs a linter' }] },
    { name: 'no CI', files: { 'package.json': '{}' }, findings: [{ message: 'no CI configuration' }] },
  ],
  unknown: [
    {
      name: 'linting may happen in another repository\'s reusable workflow',
      files: { 'package.json': '{}', '.github/workflows/ci.yml': 'on: push\njobs:\n  lint:\n    uses: org/ci/.github/workflows/lint.yml@v1\n' },
      reason: /lint\.yml@v1/,
    },
  ],
  notApplicable: [{ name: 'no source code', files: { 'docs/index.md': '# x\n' } }],
});
