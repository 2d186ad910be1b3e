import { testControl } from '../../testing/control-table.js';
import control from './deployments-gated-by-environment.js';

const gh = (env: string): string => `on: push\njobs:\n  deploy:\n${env}    runs-on: x\n    steps:\n      - run: kubectl apply -f k8s/\n`;

testControl(control, {
  pass: [
    { name: 'GitHub environment', files: { '.github/workflows/cd.yml': gh('    environment: production\n') }, reason: /production/ },
    { name: 'GitHub environment as a mapping', files: { '.github/workflows/cd.yml': gh('    environment:\n      name: staging\n      url: https://staging.example.com\n') } },
    {
      name: 'deploy job calling a local reusable workflow whose job has the environment',
      files: {
        '.github/workflows/cd.yml': 'on: push\njobs:\n  deploy:\n    uses: ./.github/workflows/deploy.yml\n',
        '.github/workflows/deploy.yml': 'on: workflow_call\njobs:\n  ship:\n    environment: production\n    runs-on: x\n    steps:\n      - run: helm upgrade app chart\n',
      },
    },
    { name: 'GitLab manual job', files: { '.gitlab-ci.yml': 'deploy:\n  script: helm upgrade app chart\n  when: manual\n' } },
    { name: 'Bitbucket deployment', files: { 'bitbucket-pipelines.yml': 'pipelines:\n  branches:\n    main:\n      - step:\n          deployment: production\n          script:\n            - pipe: atlassian/aws-ecs-deploy:1.6.0\n' } },
  ],
  fail: [
    { name: 'deploy job without environment', files: { '.github/workflows/cd.yml': gh('') }, findings: [{ message: 'deploy job .github/workflows/cd.yml#deploy', line: 3, resource: '.github/workflows/cd.yml#deploy' }] },
    {
      name: 'a job named deploy in GitLab without environment',
      files: { '.gitlab-ci.yml': 'test:\n  script: npm test\ndeploy-prod:\n  script: ./scripts/ship.sh\n' },
      findings: [{ resource: '.gitlab-ci.yml#deploy-prod', line: 3 }],
    },
  ],
  unknown: [
    {
      name: 'deploy job calling another repository\'s workflow',
      files: { '.github/workflows/cd.yml': 'on: push\njobs:\n  deploy:\n    uses: org/platform/.github/workflows/deploy.yml@v3\n' },
      findings: [{ outcome: 'unknown', message: 'calls org/platform/.github/workflows/deploy.yml@v3' }],
    },
  ],
  deviated: [
    {
      name: 'waived on the job line',
      files: { '.gitlab-ci.yml': 'deploy-docs: # tenet:ignore deployments-gated-by-environment docs site has no secrets\n  script: ./publish-docs.sh\n' },
      findings: [{ suppressed: { kind: 'inline', reason: 'docs site has no secrets', source: '.gitlab-ci.yml:1' } }],
    },
  ],
  notApplicable: [
    { name: 'CI that only tests', files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: npm test\n' } },
    { name: 'no CI', files: { 'README.md': '' } },
    { name: 'a Travis deploy section that publishes to PyPI is a release, not a deployment', files: { '.travis.yml': 'language: python\nscript: pytest\ndeploy:\n  provider: pypi\n' } },
  ],
});
