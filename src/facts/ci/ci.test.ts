import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectFacts } from '../../testing/collect-facts.js';
import type { FixtureFiles } from '../../testing/fixture.js';
import { ciFacts, type CiFacts, type CiJob } from './ci.js';

const collect = (files: FixtureFiles): Promise<CiFacts> => collectFacts(ciFacts, files);

const job = (facts: CiFacts, id: string): CiJob => {
  const found = facts.jobs.find((entry) => entry.id === id);
  assert.ok(found, `no job ${id} in ${facts.jobs.map((entry) => entry.id).join(', ')}`);
  return found;
};

describe('ci facts', () => {
  it('records the jobs each job waits for: Azure stages and dependsOn, Jenkins stages, Bitbucket steps, GitLab stages and needs', async () => {
    const facts = await collect({
      'azure-pipelines.yml': 'stages:\n  - stage: Test\n    jobs:\n      - job: unit\n        steps:\n          - script: npm test\n  - stage: Ship\n    jobs:\n      - job: pack\n        steps:\n          - script: npm pack\n      - deployment: prod\n        dependsOn: pack\n        environment: production\n        strategy:\n          runOnce:\n            deploy:\n              steps:\n                - script: kubectl apply -f k8s\n',
      Jenkinsfile: "pipeline {\n  stages {\n    stage('Test') { steps { sh 'npm test' } }\n    stage('Deploy') { steps { sh 'kubectl apply -f k8s' } }\n  }\n}\n",
      'bitbucket-pipelines.yml': 'pipelines:\n  default:\n    - step:\n        name: test\n        script: [npm test]\n    - step:\n        name: ship\n        script: [kubectl apply -f k8s]\n',
      '.gitlab-ci.yml': 'stages: [build, test, deploy]\ncompile:\n  stage: build\n  script: make\nunit:\n  stage: test\n  script: npm test\nprod:\n  stage: deploy\n  needs: [compile]\n  script: kubectl apply -f k8s\nstaging:\n  stage: deploy\n  script: kubectl apply -f k8s\n',
    });
    const after = (system: string, id: string): string[] | undefined => facts.jobs.find((entry) => entry.system === system && entry.id === id)?.after;
    assert.deepEqual(after('azure-pipelines', 'unit'), undefined);
    assert.deepEqual(after('azure-pipelines', 'prod'), ['unit', 'pack']);
    assert.deepEqual(after('jenkins', 'Deploy'), ['Test']);
    assert.deepEqual(after('bitbucket-pipelines', 'ship'), ['test']);
    assert.deepEqual(after('gitlab-ci', 'prod'), ['compile']);
    assert.deepEqual(after('gitlab-ci', 'staging'), ['compile', 'unit']);
  });

  it('GitHub Actions: triggers, environments, follows npm scripts, local composite actions and script files', async () => {
    const facts = await collect({
      '.github/workflows/ci.yml': 'on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    runs-on: x\n    steps:\n      - uses: ./.github/actions/setup\n      - run: |\n          npm ci\n          npm test\n      - run: bash .ci/run\n  deploy:\n    environment: production\n    runs-on: x\n    steps:\n      - run: kubectl apply -f k8s\n',
      '.github/workflows/release.yml': 'on:\n  push:\n    tags: ["v*"]\njobs:\n  publish:\n    runs-on: x\n    steps:\n      - uses: softprops/action-gh-release@v2\n',
      '.github/actions/setup/action.yml': 'runs:\n  using: composite\n  steps:\n    - shell: bash\n      run: npx eslint .\n',
      'package.json': '{\n  "scripts": {\n    "test": "vitest run"\n  }\n}\n',
      '.ci/run': '#!/bin/sh\nset -e\nsemgrep scan --config auto\n',
    });
    assert.deepEqual(facts.systems, [{ system: 'github-actions', files: ['.github/workflows/ci.yml', '.github/workflows/release.yml'] }]);
    const test = job(facts, 'test');
    assert.deepEqual(test.triggers, ['push', 'pull_request']);
    assert.deepEqual([...test.kinds].sort(), ['lint', 'sast', 'test']);
    const npmTest = test.commands.find((command) => command.text === 'npm test');
    assert.deepEqual({ line: npmTest?.line, kinds: npmTest?.kinds }, { line: 12, kinds: ['test'] });
    assert.deepEqual(
      test.commands.find((command) => command.text === 'vitest run'),
      { text: 'vitest run', file: 'package.json', line: 3, kinds: ['test'], via: 'package.json script "test"' },
    );
    assert.equal(test.commands.find((command) => command.text === 'npx eslint .')?.file, '.github/actions/setup/action.yml');
    assert.deepEqual(test.commands.find((command) => command.text.startsWith('semgrep')), { text: 'semgrep scan --config auto', file: '.ci/run', line: 3, kinds: ['sast'], via: 'script .ci/run' });
    assert.deepEqual(job(facts, 'deploy').environments, ['production']);
    assert.deepEqual(job(facts, 'deploy').kinds, ['deploy']);
    assert.deepEqual(job(facts, 'publish').triggers, ['tag']);
    assert.deepEqual(job(facts, 'publish').kinds, ['publish']);
  });

  it('a job if: on one event narrows the workflow triggers', async () => {
    const facts = await collect({
      '.github/workflows/ci.yml': "on: [push, pull_request]\njobs:\n  a:\n    if: github.event_name == 'push'\n    runs-on: x\n    steps: [{run: make}]\n  b:\n    if: github.event_name == 'push' || github.event_name == 'pull_request'\n    runs-on: x\n    steps: [{run: make}]\n",
    });
    assert.deepEqual(job(facts, 'a').triggers, ['push']);
    assert.deepEqual(job(facts, 'b').triggers, ['push', 'pull_request']);
  });

  it('defaults.run.working-directory decides which package.json a script comes from', async () => {
    const facts = await collect({
      '.github/workflows/ci.yml': 'on: push\ndefaults:\n  run:\n    working-directory: web\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm test\n',
      'web/package.json': '{"scripts":{"test":"vitest run"}}',
    });
    assert.deepEqual(job(facts, 'a').kinds, ['test']);
    assert.equal(job(facts, 'a').commands[1]?.file, 'web/package.json');
  });

  it('npm test without a test script is not a test; the default placeholder script is not either', async () => {
    const facts = await collect({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm test\n',
      'package.json': '{"scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}',
    });
    assert.deepEqual(job(facts, 'a').kinds, []);
  });

  it('Makefile targets: recipes and prerequisites', async () => {
    const facts = await collect({
      '.github/workflows/ci.yml': 'on: [push, pull_request]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: make ci\n',
      Makefile: '.PHONY: ci lint test\nci: lint test\n\nlint:\n\t@golangci-lint run\n\ntest:\n\tgo test ./...\n',
    });
    const a = job(facts, 'a');
    assert.deepEqual([...a.kinds].sort(), ['lint', 'test']);
    assert.deepEqual(a.commands.find((command) => command.text === 'golangci-lint run'), { text: 'golangci-lint run', file: 'Makefile', line: 5, kinds: ['lint'], via: 'Makefile target "lint"' });
  });

  it('GitLab CI: local includes, extends, default before_script, rules and environments', async () => {
    const facts = await collect({
      '.gitlab-ci.yml': 'include:\n  - local: ci/test.yml\n  - template: Security/SAST.gitlab-ci.yml\ndefault:\n  before_script:\n    - npm ci\nstages: [test, deploy]\ndeploy:\n  stage: deploy\n  script: helm upgrade --install app chart\n  environment:\n    name: production\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n      when: manual\n',
      'ci/test.yml': '.node:\n  image: node:20\n  script:\n    - npx jest\nunit:\n  extends: .node\n',
    });
    assert.deepEqual(facts.systems.map((system) => system.system), ['gitlab-ci']);
    const unit = job(facts, 'unit');
    assert.equal(unit.file, 'ci/test.yml');
    assert.deepEqual(unit.triggers, ['push', 'pull_request']);
    assert.deepEqual(unit.commands.map((command) => [command.text, command.file, command.line]), [
      ['npm ci', '.gitlab-ci.yml', 6],
      ['npx jest', 'ci/test.yml', 4],
    ]);
    assert.ok(unit.kinds.includes('sast'), 'the SAST template counts for every job');
    const deploy = job(facts, 'deploy');
    assert.deepEqual(deploy.environments, ['production']);
    assert.equal(deploy.approval, true);
    assert.deepEqual([...deploy.triggers].sort(), ['manual', 'push']);
  });

  it('GitLab CI: scripts merged from YAML anchors keep the anchor\'s line', async () => {
    const facts = await collect({ '.gitlab-ci.yml': '.node: &node\n  before_script:\n    - npm ci\nlint:\n  <<: *node\n  script: npx eslint .\n' });
    assert.deepEqual(job(facts, 'lint').commands.map((command) => [command.text, command.line]), [['npm ci', 3], ['npx eslint .', 6]]);
  });

  it('CircleCI: workflows, filters, approvals, contexts and orbs', async () => {
    const facts = await collect({
      '.circleci/config.yml': 'version: 2.1\norbs:\n  node: circleci/node@5.2\njobs:\n  lint:\n    docker:\n      - image: cimg/node:20.11\n    steps:\n      - checkout\n      - run: npm run lint\n  deploy:\n    docker: [{image: cimg/base:current}]\n    steps:\n      - run:\n          name: deploy\n          command: ./deploy.sh\nworkflows:\n  main:\n    jobs:\n      - lint\n      - node/test\n      - hold:\n          type: approval\n      - deploy:\n          requires: [hold]\n          context: prod\n          filters:\n            branches:\n              only: main\n',
      'package.json': '{"scripts":{"lint":"eslint ."}}',
    });
    assert.deepEqual(job(facts, 'lint').kinds, ['lint']);
    assert.deepEqual(job(facts, 'node/test').kinds, ['test']);
    const deploy = job(facts, 'deploy');
    assert.deepEqual({ approval: deploy.approval, environments: deploy.environments, triggers: deploy.triggers }, { approval: true, environments: ['prod'], triggers: ['push'] });
    assert.equal(deploy.commands[0]?.line, 16);
  });

  it('a repository script counts by its name when it exists, and by what it runs', async () => {
    const facts = await collect({ '.travis.yml': 'script:\n  - script/test -sv\n  - scripts/missing-test.sh\n', 'script/test': '#!/bin/sh\nexec tox "$@"\n' });
    assert.deepEqual(job(facts, 'build').commands.map((command) => [command.text, command.kinds]), [
      ['script/test -sv', ['test']],
      ['exec tox "$@"', ['test']],
      ['scripts/missing-test.sh', []],
    ]);
  });

  it('tox runs what its environments run; without tox.ini it counts as tests', async () => {
    const withIni = await collect({
      '.travis.yml': 'script: tox\n',
      'tox.ini': '[tox]\nenvlist = py{38,39},flake8\n\n[testenv]\ndeps = pytest\ncommands =\n    pytest {posargs}\n\n[testenv:flake8]\ncommands = flake8 src\n',
    });
    assert.deepEqual(job(withIni, 'build').commands.map((command) => [command.text, command.file, command.line, command.kinds]), [
      ['tox', '.travis.yml', 1, ['test', 'lint']],
      ['pytest {posargs}', 'tox.ini', 7, ['test']],
      ['flake8 src', 'tox.ini', 10, ['lint']],
    ]);
    const onlyLint = await collect({ '.travis.yml': 'script: tox -e flake8\n', 'tox.ini': '[testenv]\ncommands = pytest\n[testenv:flake8]\ncommands = flake8\n' });
    assert.deepEqual(job(onlyLint, 'build').kinds, ['lint']);
    const withoutIni = await collect({ '.travis.yml': 'script: tox -e py312\n' });
    assert.deepEqual(job(withoutIni, 'build').kinds, ['test']);
  });

  it('make test without a Makefile to read counts by its name', async () => {
    const facts = await collect({ '.travis.yml': 'script: make test\n' });
    assert.deepEqual(job(facts, 'build').kinds, ['test']);
  });

  it('Travis: default script by language and deploy sections', async () => {
    const facts = await collect({
      '.travis.yml': 'language: node_js\nnode_js: [20]\ndeploy:\n  provider: npm\n  on:\n    tags: true\n',
      'package.json': '{"scripts":{"test":"mocha"}}',
    });
    const build = job(facts, 'build');
    assert.deepEqual([...build.kinds].sort(), ['publish', 'test']);
    assert.deepEqual(build.triggers, ['tag']);
  });

  it('Jenkinsfile: stages, sh steps (multi-line too), when and input', async () => {
    const facts = await collect({
      Jenkinsfile: [
        'pipeline {',
        '  agent { docker { image "node:20" } }',
        '  stages {',
        "    stage('Test') {",
        "      steps {",
        "        sh 'npm ci'",
        "        sh '''",
        '          npx jest --ci',
        "        '''",
        '      }',
        '    }',
        "    stage('Deploy') {",
        "      when { branch 'main' }",
        "      steps {",
        "        input message: 'Ship it?'",
        '        sh "kubectl apply -f k8s/"',
        '      }',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    });
    const test = job(facts, 'Test');
    assert.deepEqual(test.commands.map((command) => [command.text, command.line]), [['npm ci', 6], ['npx jest --ci', 8]]);
    assert.deepEqual(test.triggers, ['push', 'pull_request']);
    const deploy = job(facts, 'Deploy');
    assert.deepEqual({ triggers: deploy.triggers, approval: deploy.approval, kinds: deploy.kinds }, { triggers: ['push'], approval: true, kinds: ['deploy'] });
  });

  it('Azure Pipelines: stages, deployment jobs with environments, tasks', async () => {
    const facts = await collect({
      'azure-pipelines.yml': 'trigger: [main]\npr: none\nstages:\n  - stage: build\n    jobs:\n      - job: test\n        steps:\n          - template: ci/lint-steps.yml\n          - script: npm test\n          - task: SonarQubePrepare@5\n  - stage: release\n    jobs:\n      - deployment: web\n        environment: production.web\n        strategy:\n          runOnce:\n            deploy:\n              steps:\n                - bash: helm upgrade app chart\n',
      'ci/lint-steps.yml': 'steps:\n  - bash: npx eslint .\n',
      'package.json': '{"scripts":{"test":"jest"}}',
    });
    const test = job(facts, 'test');
    assert.deepEqual(test.triggers, ['push']);
    assert.deepEqual([...test.kinds].sort(), ['lint', 'sast', 'test']);
    assert.deepEqual(test.commands[0], { text: 'npx eslint .', file: 'ci/lint-steps.yml', line: 2, kinds: ['lint'] });
    const web = job(facts, 'web');
    assert.deepEqual({ environments: web.environments, kinds: web.kinds }, { environments: ['production'], kinds: ['deploy'] });
  });

  it('Bitbucket Pipelines: sections, steps, pipes and deployments', async () => {
    const facts = await collect({
      'bitbucket-pipelines.yml': 'image: python:3.12\npipelines:\n  pull-requests:\n    "**":\n      - step:\n          name: tests\n          script:\n            - pip install -r requirements.txt\n            - pytest\n  branches:\n    main:\n      - step:\n          name: ship\n          deployment: production\n          trigger: manual\n          script:\n            - pipe: atlassian/aws-ecs-deploy:1.6.0\n',
    });
    const tests = job(facts, 'tests');
    assert.deepEqual({ triggers: tests.triggers, kinds: tests.kinds, line: tests.commands[1]?.line }, { triggers: ['pull_request'], kinds: ['test'], line: 9 });
    const ship = job(facts, 'ship');
    assert.deepEqual({ environments: ship.environments, approval: ship.approval, kinds: ship.kinds }, { environments: ['production'], approval: true, kinds: ['deploy'] });
  });

  it('commit hooks: pre-commit secret scanners', async () => {
    const facts = await collect({
      '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8.18.0\n    hooks:\n      - id: gitleaks\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.4.0\n    hooks:\n      - id: ruff\n',
    });
    assert.deepEqual(facts.hooks, [
      { file: '.pre-commit-config.yaml', line: 5, tool: 'gitleaks', kinds: ['secret-scan'] },
      { file: '.pre-commit-config.yaml', line: 9, tool: 'ruff', kinds: ['lint'] },
    ]);
    assert.deepEqual(facts.systems, []);
  });

  it('CI files of the wrong shape are read as far as they make sense, never thrown', async () => {
    const facts = await collect({
      '.github/workflows/a.yml': 'on: 5\npermissions: [x]\njobs: [1, 2]\n',
      '.github/workflows/b.yml': 'on: {push: 3}\njobs:\n  x:\n    steps: "run"\n  y:\n    steps:\n      - run: 123\n      - uses: {a: 1}\n      - 7\n',
      '.gitlab-ci.yml': 'include: {local: 5}\ntest:\n  script: {a: 1}\n  extends: [.a, .b]\n.a:\n  extends: .b\n.b:\n  extends: .a\n',
      '.circleci/config.yml': 'workflows: 5\njobs: [1]\n',
      'azure-pipelines.yml': 'stages: "x"\n',
      'bitbucket-pipelines.yml': 'pipelines: []\n',
      '.travis.yml': 'script: 5\njobs:\n  include: [1, {script: [true]}]\n',
      Jenkinsfile: "stage('a') { sh '''\nunterminated\n",
      'Makefile': 'test: test\n\tmake test\n',
      'package.json': '{"scripts":{"test":"npm test"}}',
    });
    assert.ok(facts.jobs.some((entry) => entry.id === 'y' && entry.commands.some((command) => command.text === '123')));
    assert.ok(facts.jobs.some((entry) => entry.system === 'jenkins'));
  });

  it('a Makefile whose targets all depend on each other is followed within a budget', async () => {
    const targets = Array.from({ length: 30 }, (_, index) => `t${index}`);
    const makefile = `all: ${targets.join(' ')}\n${targets.map((target) => `${target}: ${targets.join(' ')}\n\techo ${target}\n\tmake all`).join('\n')}\n`;
    const started = Date.now();
    const facts = await collect({ Makefile: makefile, '.travis.yml': 'script: make all\n' });
    assert.ok((facts.jobs[0]?.commands.length ?? 0) < 1000);
    assert.ok(Date.now() - started < 2000);
  });

  it('a malformed CI file is reported, not thrown', async () => {
    const facts = await collect({ '.gitlab-ci.yml': 'test: [unclosed\n', '.travis.yml': '- just a list\n' });
    assert.deepEqual(facts.jobs, []);
    assert.deepEqual(facts.systems.map((system) => system.system), ['gitlab-ci', 'travis']);
  });
});
