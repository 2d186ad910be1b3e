import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectFacts } from '../../testing/collect-facts.js';
import { infrastructureCodeFacts } from './infrastructure-code.js';

describe('infrastructure-code facts', () => {
  it('finds infrastructure by file name and CloudFormation templates by content', async () => {
    const { files } = await collectFacts(infrastructureCodeFacts, {
      'infra/main.tf': '',
      'infra/.terraform/modules/x/main.tf': '',
      'chart/Chart.yaml': 'name: web\n',
      '.ebextensions/01.config': 'option_settings: []\n',
      'template.yaml': 'Transform: AWS::Serverless-2016-10-31\n',
      'cfn/stack.json': '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}',
      'docker-compose.yml': 'services: {}\n',
      'docker-compose.prod.yml': 'services: {}\n',
      'config/settings.yaml': 'debug: true\n',
      'package.json': '{"description":"AWSTemplateFormatVersion"}',
    });
    assert.deepEqual(
      files.map((entry) => `${entry.file}:${entry.kind}`),
      ['.ebextensions/01.config:Elastic Beanstalk', 'cfn/stack.json:CloudFormation', 'chart/Chart.yaml:Helm', 'docker-compose.prod.yml:Docker Compose', 'infra/main.tf:Terraform', 'template.yaml:CloudFormation'],
    );
  });
});
