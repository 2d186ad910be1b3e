import { testControl } from '../../testing/control-table.js';
import control from './sast-in-ci.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

testControl(control, {
  pass: [
    {
      name: 'CodeQL',
      files: { 'a.ts': '', 'b.ts': '', 'c.ts': '', '.github/workflows/codeql.yml': `on: push\njobs:\n  analyze:\n    runs-on: x\n    steps:\n      - uses: github/codeql-action/init@${SHA}\n      - uses: github/codeql-action/analyze@${SHA}\n` },
      reason: /codeql-action/,
    },
    { name: 'semgrep in GitLab', files: { 'app.py': '', 'setup.py': '', '.gitlab-ci.yml': 'sast:\n  image: semgrep/semgrep\n  script: semgrep ci\n' } },
    { name: 'GitLab SAST template', files: { 'main.go': '', 'go.mod': 'module x\n', '.gitlab-ci.yml': 'include:\n  - template: Jobs/SAST.gitlab-ci.yml\ntest:\n  script: go test ./...\n' } },
    { name: 'bandit through tox? no: directly in Travis', files: { 'setup.py': '', 'a.py': '', '.travis.yml': 'language: python\nscript:\n  - bandit -r src\n' } },
    {
      name: 'eslint-plugin-security with ESLint in CI',
      files: { 'package.json': '{"devDependencies":{"eslint":"^9","eslint-plugin-security":"^3"},"scripts":{"lint":"eslint ."}}', '.github/workflows/ci.yml': 'on: push\njobs:\n  lint:\n    runs-on: x\n    steps:\n      - run: npm run lint\n' },
      reason: /eslint-plugin-security/,
    },
  ],
  fail: [
    { name: 'CI without SAST', files: { 'package.json': '{}', '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: npm test\n' }, findings: [{ message: 'no CI job runs a static security analysis tool', file: '.github/workflows/ci.yml' }] },
    { name: 'no CI', files: { 'go.mod': 'module x\n' } },
  ],
  unknown: [
    { name: 'an Azure template from elsewhere', files: { 'go.mod': 'module x\n', 'azure-pipelines.yml': 'extends:\n  template: security.yml@templates\n' }, reason: /template security\.yml@templates/ },
  ],
  notApplicable: [{ name: 'no source code', files: { 'README.md': '' } }],
});
