import { testControl } from '../../testing/control-table.js';
import control from './deploy-requires-passing-tests.js';

const PKG = { 'package.json': '{"name":"x","scripts":{"test":"node --test"}}' };
const job = (id: string, run: string, extra = ''): string => `  ${id}:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - run: ${run}\n`;
const gh = (...jobs: string[]): string => `on: push\njobs:\n${jobs.join('')}`;
const DEPLOY = 'kubectl apply -f k8s/';

testControl(control, {
  pass: [
    {
      name: 'GitHub deploy needs build, which needs test',
      files: { ...PKG, '.github/workflows/cd.yml': gh(job('test', 'npm test'), job('build', 'docker build .', '    needs: test\n'), job('deploy', DEPLOY, '    needs: [build]\n')) },
      reason: /cd\.yml#deploy waits for \.github\/workflows\/cd\.yml#test/,
    },
    { name: 'GitLab deploy stage after the test stage', files: { ...PKG, '.gitlab-ci.yml': 'stages: [test, deploy]\nunit:\n  stage: test\n  script: npm test\nprod:\n  stage: deploy\n  script: kubectl apply -f k8s/\n' } },
    { name: 'Travis deploys after the script phase', files: { ...PKG, '.travis.yml': 'language: node_js\nscript: npm test\ndeploy:\n  provider: heroku\n  app: x\n' } },
    {
      name: 'CircleCI deploy requires test',
      files: { ...PKG, '.circleci/config.yml': 'version: 2.1\njobs:\n  test:\n    docker: [{image: node:22}]\n    steps: [checkout, {run: npm test}]\n  deploy:\n    docker: [{image: node:22}]\n    steps: [checkout, {run: "kubectl apply -f k8s/"}]\nworkflows:\n  main:\n    jobs:\n      - test\n      - deploy:\n          requires: [test]\n' },
    },
    {
      name: 'deploy needs a job that calls this repository\'s test workflow',
      files: { ...PKG, '.github/workflows/test.yml': `on: workflow_call\njobs:\n${job('unit', 'npm test')}`, '.github/workflows/cd.yml': `on: push\njobs:\n  checks:\n    uses: ./.github/workflows/test.yml\n${job('deploy', DEPLOY, '    needs: checks\n')}` },
      reason: /waits for \.github\/workflows\/test\.yml#unit/,
    },
    { name: 'tests in the deploy job before the deploy step', files: { ...PKG, '.github/workflows/cd.yml': 'on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n      - run: kubectl apply -f k8s/\n' } },
  ],
  fail: [
    {
      name: 'GitHub deploy job without needs',
      files: { ...PKG, '.github/workflows/cd.yml': gh(job('test', 'npm test'), job('deploy', DEPLOY)) },
      findings: [{ message: '.github/workflows/cd.yml#deploy deploys without waiting', file: '.github/workflows/cd.yml', line: 7, resource: '.github/workflows/cd.yml#deploy' }],
    },
    { name: 'needs, but if: always()', files: { ...PKG, '.github/workflows/cd.yml': gh(job('test', 'npm test'), job('deploy', DEPLOY, '    needs: test\n    if: always()\n')) }, findings: 1 },
    { name: 'GitLab needs: [] starts the deploy at once', files: { ...PKG, '.gitlab-ci.yml': 'unit:\n  stage: test\n  script: npm test\nprod:\n  stage: deploy\n  needs: []\n  script: kubectl apply -f k8s/\n' }, findings: [{ resource: '.gitlab-ci.yml#prod' }] },
    { name: 'deploy step before the tests', files: { ...PKG, '.github/workflows/cd.yml': 'on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f k8s/\n      - run: npm test\n' }, findings: 1 },
    { name: 'environment job waits only for a build', files: { ...PKG, '.github/workflows/cd.yml': gh(job('build', 'npm ci'), job('release', 'echo ok', '    needs: build\n    environment: production\n')) }, findings: [{ message: 'it waits only for build' }] },
  ],
  notApplicable: [{ name: 'CI only tests', files: { ...PKG, '.github/workflows/ci.yml': gh(job('test', 'npm test')) } }],
  unknown: [
    {
      name: 'deploy waits for a workflow from another repository',
      files: { ...PKG, '.github/workflows/cd.yml': `${gh(job('deploy', DEPLOY, '    needs: checks\n'))}  checks:\n    uses: org/ci/.github/workflows/test.yml@v1\n` },
      findings: [{ message: 'deploys without waiting' }],
    },
  ],
});
