import { testControl } from '../../testing/control-table.js';
import control from './ci-verifies-commit-signatures.js';

const APP = { 'package.json': '{"name":"x","scripts":{"build":"tsc"}}', 'src/a.ts': '', 'src/b.ts': '', 'src/c.ts': '' };
const SIGNERS = { '.github/allowed_signers': 'alice@example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample\n' };
const steps = (...runs: string[]): string => `on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${runs.map((run) => `      - run: ${run}\n`).join('')}`;
const VERIFY = 'git -c gpg.ssh.allowedSignersFile=.github/allowed_signers verify-commit HEAD';

testControl(control, {
  pass: [
    { name: 'verify-commit against allowed_signers before the build', files: { ...APP, ...SIGNERS, '.github/workflows/ci.yml': steps(VERIFY, 'npm run build') }, reason: /verify-commit HEAD` before \.github\/workflows\/ci\.yml#build builds/ },
    {
      name: 'a verify job the build needs, with an imported keyring',
      files: { ...APP, 'keys/maintainers.asc': '-----BEGIN PGP PUBLIC KEY BLOCK-----\n', '.github/workflows/ci.yml': 'on: push\njobs:\n  verify:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gpg --import keys/maintainers.asc\n      - run: git verify-commit HEAD\n  build:\n    needs: verify\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run build\n' },
    },
    { name: 'gitsign verify pinning the identity', files: { ...APP, '.gitlab-ci.yml': 'verify:\n  stage: .pre\n  script:\n    - gitsign verify --certificate-identity=alice@example.com --certificate-oidc-issuer=https://accounts.google.com HEAD\nbuild:\n  stage: build\n  script:\n    - npm run build\n' } },
  ],
  fail: [
    { name: 'no verification', files: { ...APP, ...SIGNERS, '.github/workflows/ci.yml': steps('npm run build') }, findings: [{ message: 'no CI job verifies commit signatures', file: '.github/workflows/ci.yml' }] },
    { name: 'verification against the runner keyring only', files: { ...APP, '.github/workflows/ci.yml': steps('git verify-commit HEAD', 'npm run build') }, findings: [{ message: 'no allowed_signers file or keyring found', line: 6 }] },
    { name: 'git log --show-signature whose result nobody checks', files: { ...APP, ...SIGNERS, '.github/workflows/ci.yml': steps('git log --show-signature -1', 'npm run build') }, findings: [{ message: 'no CI job verifies' }] },
    { name: 'verification after the build', files: { ...APP, ...SIGNERS, '.github/workflows/ci.yml': steps('npm run build', VERIFY) }, findings: [{ message: 'builds without waiting for the signature check', resource: '.github/workflows/ci.yml#build' }] },
    { name: 'no CI', files: APP, findings: [{ message: 'no CI configuration found' }] },
  ],
  notApplicable: [{ name: 'documentation only', files: { 'README.md': '# x\n' } }],
  unknown: [{ name: 'the check may be in a remote include', files: { ...APP, '.gitlab-ci.yml': 'include:\n  - project: platform/ci\n    file: verify.yml\nbuild:\n  script: npm run build\n' }, reason: /platform\/ci\/verify\.yml/ }],
});
