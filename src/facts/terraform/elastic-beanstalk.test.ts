import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectFacts } from '../../testing/collect-facts.js';
import { elasticBeanstalkFacts } from './elastic-beanstalk.js';

describe('elastic-beanstalk facts', () => {
  it('merges option settings of one directory in file-name order, map and list forms', async () => {
    const { apps } = await collectFacts(elasticBeanstalkFacts, {
      '.ebextensions/01-scaling.config': 'option_settings:\n  aws:autoscaling:asg:\n    MinSize: 1\n    MaxSize: 4\n',
      '.ebextensions/02-override.config': '{"option_settings": [{"namespace": "aws:autoscaling:asg", "option_name": "MinSize", "value": "2"}, {"option_name": "STAGE", "value": "prod"}]}',
      'worker/.ebextensions/env.config': 'option_settings:\n  aws:elasticbeanstalk:environment:\n    EnvironmentType: SingleInstance\n',
      '.ebextensions/broken.config': 'option_settings: [\n',
    });
    assert.deepEqual(apps.map((app) => app.address), ['.ebextensions', 'worker/.ebextensions']);
    const [root, worker] = apps;
    assert.deepEqual(root?.setting('aws:autoscaling:asg', 'MinSize'), { value: '2', file: '.ebextensions/02-override.config', line: 1 });
    assert.deepEqual(root?.setting('aws:autoscaling:asg', 'MaxSize'), { value: 4, file: '.ebextensions/01-scaling.config', line: 4 });
    assert.equal(root?.setting('aws:elasticbeanstalk:application:environment', 'STAGE')?.value, 'prod');
    assert.equal(worker?.setting('aws:elasticbeanstalk:environment', 'EnvironmentType')?.value, 'SingleInstance');
  });
});
