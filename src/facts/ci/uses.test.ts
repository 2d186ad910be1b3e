import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyUse } from './uses.js';

describe('classifyUse', () => {
  const cases: [Parameters<typeof classifyUse>, string[]][] = [
    [['action', 'github/codeql-action/analyze@v3'], ['sast']],
    [['action', 'returntocorp/semgrep-action@v1'], ['sast']],
    [['action', 'gitleaks/gitleaks-action@v2'], ['secret-scan']],
    [['action', 'snyk/actions/node@master', { command: 'code test' }], ['sast']],
    [['action', 'snyk/actions/node@master'], ['vulnerability-scan']],
    [['action', 'docker/build-push-action@v6', { push: 'true' }], ['build', 'publish']],
    [['action', 'docker/build-push-action@v6', { push: 'false' }], ['build']],
    [['action', 'aquasecurity/trivy-action@0.28.0', { 'scan-type': 'config' }], ['iac-scan']],
    [['action', 'aquasecurity/trivy-action@0.28.0', {}], ['container-scan']],
    [['action', 'zaproxy/action-baseline@v0.12.0', {}], ['dast']],
    [['action', 'google-github-actions/deploy-cloudrun@v2'], ['deploy']],
    [['action', 'actions/checkout@v4'], []],
    [['image', 'docker.io/library/zricethezav/gitleaks:latest'], ['secret-scan']],
    [['image', 'semgrep/semgrep'], ['sast']],
    [['pipe', 'atlassian/aws-s3-deploy:1.1.0'], ['deploy']],
    [['template', 'Security/SAST.gitlab-ci.yml'], ['sast']],
    [['orb', 'node/test'], ['test']],
    [['task', 'SonarQubePrepare@5'], ['sast']],
    [['task', 'deploy:pypi', { kind: 'publish' }], ['publish']],
  ];
  for (const [args, expected] of cases) {
    it(`${args[0]} ${args[1]}`, () => assert.deepEqual(classifyUse(...args).sort(), expected));
  }
});
