import { testControl } from '../../testing/control-table.js';
import control from './environments-separated.js';

const workflow = (environments: string[]): string =>
  `on: push\njobs:\n${environments.map((name) => `  deploy-${name}:\n    runs-on: ubuntu-latest\n    environment: ${name}\n    steps:\n      - run: ./deploy.sh ${name}\n`).join('')}`;

testControl(control, {
  pass: [
    { name: 'CI deploys to staging and production', files: { '.github/workflows/deploy.yml': workflow(['staging', 'production']) } },
    {
      name: 'Kubernetes overlays for dev and prod',
      files: { 'k8s/overlays/dev/kustomization.yaml': 'resources: []\n', 'k8s/overlays/prod/kustomization.yaml': 'resources: []\n' },
    },
    { name: 'Terraform variables per environment', files: { 'infra/main.tf': '', 'infra/prod.tfvars': '', 'infra/staging.tfvars': '' } },
    {
      name: 'GitLab environment given as a mapping',
      files: { '.gitlab-ci.yml': 'deploy_review:\n  script: [deploy]\n  environment:\n    name: staging\ndeploy_prod:\n  script: [deploy]\n  environment: production\n' },
    },
  ],
  fail: [
    {
      name: 'only production',
      files: { '.github/workflows/deploy.yml': workflow(['production']) },
      findings: [{ message: 'only a production environment', file: '.github/workflows/deploy.yml', line: 5 }],
    },
    { name: 'infrastructure without any environment', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' }, findings: [{ message: 'names no environments' }] },
    { name: 'staging but no production told apart', files: { 'Dockerfile': 'FROM node:22\n', '.env.staging': 'A=1\n' }, findings: [{ message: 'no production environment' }] },
  ],
  notApplicable: [
    { name: 'a library that deploys nothing', files: { 'package.json': '{"name":"lib"}', 'index.js': '' } },
    { name: 'source files whose names merely contain an environment word', files: { 'src/config/edit.test.ts': '', 'src/config/production-notes.ts': '' } },
  ],
});
