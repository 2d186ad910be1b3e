import { testControl } from '../../testing/control-table.js';
import control from './releases-built-by-ci.js';

const job = (run: string, file = 'release'): Record<string, string> => ({ [`.github/workflows/${file}.yml`]: `on: push\njobs:\n  build:\n    runs-on: x\n    steps:\n      - run: ${run}\n` });

testControl(control, {
  pass: [
    { name: 'npm publish in a workflow', files: { 'package.json': '{"name":"lib"}', ...job('npm publish --provenance', 'ci') }, reason: /npm publish/ },
    { name: 'docker push', files: { Dockerfile: 'FROM scratch\n', ...job('docker push ghcr.io/x/y', 'ci') } },
    { name: 'a workflow named release', files: { 'go.mod': 'module x\n', ...job('make dist') } },
    { name: 'GitLab deploy job', files: { 'main.tf': '', '.gitlab-ci.yml': 'apply:\n  script: terraform apply -auto-approve\n' } },
    { name: 'Travis deploy section', files: { 'setup.py': '', '.travis.yml': 'language: python\nscript: pytest\ndeploy:\n  provider: pypi\n' } },
  ],
  fail: [
    { name: 'a publishable package with CI that only tests', files: { 'package.json': '{"name":"lib"}', ...job('npm test', 'ci') }, findings: [{ message: 'no CI job releases, publishes or deploys package.json' }] },
    { name: 'an image and no CI', files: { Dockerfile: 'FROM node:20\n' }, findings: [{ message: 'no CI configuration' }] },
  ],
  unknown: [
    { name: 'a remote GitLab include may deploy', files: { Dockerfile: 'FROM scratch\n', '.gitlab-ci.yml': 'include:\n  - remote: https://example.com/ci.yml\ntest:\n  script: make test\n' } },
  ],
  notApplicable: [
    { name: 'a private package with nothing to ship', files: { 'package.json': '{"name":"app","private":true}', 'index.js': '' } },
    { name: 'documentation only', files: { 'README.md': '' } },
  ],
});
