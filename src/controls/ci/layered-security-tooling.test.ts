import { testControl } from '../../testing/control-table.js';
import control from './layered-security-tooling.js';

const gh = (...runs: string[]): string => `on: [push, pull_request]\njobs:\n  security:\n    runs-on: ubuntu-latest\n    steps:\n${runs.map((run) => `      - ${run}\n`).join('')}`;
const APP = { 'package.json': '{"name":"x"}', 'src/a.ts': '', 'src/b.ts': '', 'src/c.ts': '' };

testControl(control, {
  pass: [
    { name: 'CodeQL, npm audit and gitleaks in CI', files: { ...APP, '.github/workflows/sec.yml': gh('uses: github/codeql-action/analyze@v3', 'run: npm audit', 'uses: gitleaks/gitleaks-action@v2') }, reason: /SAST: .*dependency CVE: .*secrets: / },
    { name: 'secrets pre-commit, checkov and trivy image in GitLab', files: { ...APP, '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8\n    hooks:\n      - id: gitleaks\n', '.gitlab-ci.yml': 'iac:\n  script:\n    - checkov -d .\nscan-image:\n  script:\n    - trivy image app:1\n' }, reason: /secrets: pre-commit .pre-commit-config.yaml:5/ },
    {
      name: 'secrets scanned before each commit and in CI',
      params: { minimumCategories: 1, redundantCategories: ['secret-scan'] },
      files: { ...APP, '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8\n    hooks:\n      - id: gitleaks\n', '.github/workflows/sec.yml': gh('uses: gitleaks/gitleaks-action@v2') },
    },
    { name: 'two categories when two are asked for', params: { minimumCategories: 2 }, files: { ...APP, '.github/workflows/sec.yml': gh('run: semgrep scan', 'uses: zaproxy/action-baseline@v0.12.0') } },
  ],
  fail: [
    { name: 'only a dependency scanner', files: { ...APP, '.github/workflows/sec.yml': gh('run: npm audit') }, findings: [{ message: '1 of 3 required security scanner categories run (dependency CVE); missing: SAST, secrets, IaC, container image, DAST', file: '.github/workflows/sec.yml' }] },
    { name: 'trivy three ways is still two categories short of four', params: { minimumCategories: 4 }, files: { ...APP, '.github/workflows/sec.yml': gh('run: trivy fs .', 'run: trivy config .', 'run: trivy image app') }, findings: [{ message: '3 of 4' }] },
    { name: 'no CI and no hooks', files: APP, findings: [{ message: '0 of 3' }] },
    {
      name: 'one secret scanner only, when secrets need two layers',
      params: { minimumCategories: 1, redundantCategories: ['secret-scan'] },
      files: { ...APP, '.github/workflows/sec.yml': gh('run: gitleaks detect') },
      findings: [{ message: 'secrets scanning has one layer only (gitleaks)' }],
    },
  ],
  notApplicable: [{ name: 'nothing to scan', files: { 'README.md': '# x\n' } }],
  unknown: [
    { name: 'scanners may run in another repository workflow', files: { ...APP, '.github/workflows/sec.yml': `${gh('run: npm audit')}  shared:\n    uses: org/security/.github/workflows/scan.yml@v1\n` }, findings: [{ message: '1 of 3' }] },
  ],
});
