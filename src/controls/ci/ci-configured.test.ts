import { testControl } from '../../testing/control-table.js';
import control from './ci-configured.js';

testControl(control, {
  pass: [
    { name: 'GitHub Actions workflow', files: { '.github/workflows/ci.yml': 'on: push\njobs: {}\n' }, reason: /github-actions: \.github\/workflows\/ci\.yml/ },
    { name: 'GitLab CI', files: { '.gitlab-ci.yml': 'test:\n  script: make test\n' } },
    { name: 'CircleCI', files: { '.circleci/config.yml': 'version: 2.1\n' } },
    { name: 'Travis', files: { '.travis.yml': 'language: go\n' } },
    { name: 'Jenkinsfile', files: { Jenkinsfile: "pipeline { stages { stage('t') { steps { sh 'make' } } } }\n" } },
    { name: 'Azure Pipelines', files: { 'azure-pipelines.yml': 'steps:\n  - script: make\n' } },
    { name: 'Bitbucket Pipelines', files: { 'bitbucket-pipelines.yml': 'pipelines:\n  default:\n    - step:\n        script: [make]\n' } },
  ],
  fail: [
    { name: 'code without CI', files: { 'index.js': 'console.log(1)\n' }, findings: [{ message: 'no CI configuration found' }] },
    { name: 'a workflow outside .github/workflows does not run', files: { '.github/ci.yml': 'on: push\n' } },
  ],
  notApplicable: [{ name: 'empty repository', files: {} }],
});
