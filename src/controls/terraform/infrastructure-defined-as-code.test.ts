import { testControl } from '../../testing/control-table.js';
import control from './infrastructure-defined-as-code.js';

const DOCKERFILE = 'FROM node:20-slim\nCMD ["node", "server.js"]\n';
const DEPLOY = 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f k8s/\n';

testControl(control, {
  pass: [
    { name: 'image with Terraform', files: { Dockerfile: DOCKERFILE, 'infra/main.tf': 'resource "aws_ecs_service" "web" {}\n' } },
    { name: 'image with Kubernetes manifests', files: { Dockerfile: DOCKERFILE, 'k8s/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web\n' } },
    { name: 'deploy job with a CloudFormation template', files: { '.github/workflows/deploy.yml': DEPLOY, 'stack.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' } },
    { name: 'image with Elastic Beanstalk config', files: { Dockerfile: DOCKERFILE, '.ebextensions/01-scaling.config': 'option_settings: []\n' } },
  ],
  fail: [
    {
      name: 'an image and a deploy job with nothing describing the infrastructure',
      files: { 'api/Dockerfile': DOCKERFILE, '.github/workflows/deploy.yml': DEPLOY, 'docker-compose.yml': 'services: {}\n' },
      findings: [
        { file: 'api/Dockerfile', line: 1, message: 'builds an image' },
        { file: '.github/workflows/deploy.yml', message: 'deploys' },
      ],
    },
  ],
  unknown: [
    {
      name: 'an image beside a Kubernetes manifest that does not parse',
      files: { Dockerfile: DOCKERFILE, 'k8s/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: [\n' },
      findings: [{ outcome: 'unknown', file: 'Dockerfile' }],
    },
  ],
  notApplicable: [{ name: 'a library', files: { 'package.json': '{"name":"lib"}', 'index.js': '' }, reason: /nothing deploys/ }],
});
