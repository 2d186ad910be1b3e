import { testControl } from '../../testing/control-table.js';
import control from './secret-scanning-in-ci.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

testControl(control, {
  pass: [
    { name: 'gitleaks action', files: { '.github/workflows/s.yml': `on: push\njobs:\n  scan:\n    runs-on: x\n    steps:\n      - uses: gitleaks/gitleaks-action@${SHA}\n` } },
    { name: 'trufflehog in GitLab', files: { '.gitlab-ci.yml': 'secrets:\n  image: trufflesecurity/trufflehog:latest\n  script: trufflehog git file://. --only-verified\n' } },
    { name: 'tenet itself', files: { '.github/workflows/s.yml': 'on: push\njobs:\n  scan:\n    runs-on: x\n    steps:\n      - run: npx tenet scan .\n' } },
    { name: 'pre-commit detect-secrets hook', files: { '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/Yelp/detect-secrets\n    rev: v1.5.0\n    hooks:\n      - id: detect-secrets\n' }, reason: /commit hook detect-secrets/ },
    { name: 'husky running secretlint', files: { '.husky/pre-commit': 'npx secretlint "**/*"\n' } },
    { name: 'GitLab secret detection template', files: { '.gitlab-ci.yml': 'include:\n  - template: Security/Secret-Detection.gitlab-ci.yml\nbuild:\n  script: make\n' } },
  ],
  fail: [
    { name: 'CI without a scanner', files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n' }, findings: [{ message: 'no secret scanner runs in CI or as a commit hook' }] },
    { name: 'no CI and no hooks', files: { 'a.py': '' }, findings: [{ message: '(no CI is configured)' }] },
  ],
  unknown: [{ name: 'a malformed GitLab file', files: { '.gitlab-ci.yml': 'a: [\n' }, reason: /\.gitlab-ci\.yml could not be parsed/ }],
  notApplicable: [{ name: 'empty repository', files: {} }],
});
