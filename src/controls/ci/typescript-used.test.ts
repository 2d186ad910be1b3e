import { testControl } from '../../testing/control-table.js';
import control from './typescript-used.js';

const pkg = (scripts: string): string => `{"name":"x","scripts":{${scripts}},"devDependencies":{"typescript":"^5"}}`;
const gh = (run: string): string => `on: [push, pull_request]\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;
const TS = { 'tsconfig.json': '{"compilerOptions":{"strict":true}}', 'src/a.ts': 'export const a = 1;\n', 'src/b.tsx': 'export {};\n', 'src/c.ts': '', 'src/d.ts': '', 'src/types.d.ts': '' };

testControl(control, {
  pass: [
    { name: 'tsc in the test script CI runs', files: { ...TS, 'package.json': pkg('"test":"tsc -p . && node --test"'), '.github/workflows/ci.yml': gh('npm test') }, reason: /4 of 4 .*runs `tsc -p \. .*script "test"/ },
    { name: 'tsc --noEmit directly in GitLab', files: { ...TS, 'package.json': pkg(''), 'eslint.config.js': 'export default [];\n', '.gitlab-ci.yml': 'check:\n  script:\n    - npx tsc --noEmit\n' } },
    { name: 'a lower share allowed by parameter', params: { minimumShare: 0.5 }, files: { ...TS, 'lib/x.js': '', 'package.json': pkg('"lint":"tsc --noEmit"'), '.github/workflows/ci.yml': gh('npm run lint') } },
  ],
  fail: [
    {
      name: 'JavaScript project',
      files: { 'package.json': '{"name":"x","scripts":{"test":"node --test"}}', 'src/a.js': '', 'src/b.js': '', '.github/workflows/ci.yml': gh('npm test') },
      findings: [{ message: 'no tsconfig.json', file: 'package.json' }, { message: 'declares the `typescript`' }, { message: 'only 0% of 2', file: 'src/a.js' }, { message: 'no CI job runs tsc' }],
    },
    { name: 'TypeScript but never type-checked in CI', files: { ...TS, 'package.json': pkg('"test":"vitest"'), '.github/workflows/ci.yml': gh('npm test') }, findings: [{ message: 'no CI job runs tsc', file: '.github/workflows/ci.yml' }] },
    { name: 'too much JavaScript left', files: { ...TS, 'a.js': '', 'b.js': '', 'package.json': pkg('"test":"tsc"'), '.github/workflows/ci.yml': gh('npm test') }, findings: [{ message: 'only 67% of 6' }] },
    { name: 'no CI at all', files: { ...TS, 'package.json': pkg('') }, findings: [{ message: 'no CI configuration found' }] },
  ],
  notApplicable: [
    { name: 'Python project', files: { 'app.py': 'print(1)\n', 'pyproject.toml': '[project]\n' } },
    { name: 'only tool configuration and vendored code', files: { 'eslint.config.js': '', 'node_modules/a/index.js': '', 'dist/x.js': '' } },
  ],
  unknown: [
    { name: 'type checking may be in a remote include', files: { ...TS, 'package.json': pkg(''), '.gitlab-ci.yml': 'include:\n  - project: platform/ci\n    file: ts.yml\nbuild:\n  script: npm ci\n' }, findings: [{ message: "no CI job runs tsc", evidence: "CI configuration tenet cannot read: .gitlab-ci.yml includes platform/ci/ts.yml" }] },
  ],
});
