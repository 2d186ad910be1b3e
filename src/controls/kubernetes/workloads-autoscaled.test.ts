import { testControl } from '../../testing/control-table.js';
import control from './workloads-autoscaled.js';

const deployment = (kind = 'Deployment'): string =>
  ['apiVersion: apps/v1', `kind: ${kind}`, 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  replicas: 3', '  template:', '    spec:', '      containers:', '        - name: web', '          image: app', ''].join('\n');
const hpa = (min: string | undefined, max: string, kind = 'Deployment'): string =>
  ['apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', `    kind: ${kind}`, '    name: web', ...(min === undefined ? [] : [`  minReplicas: ${min}`]), `  maxReplicas: ${max}`, ''].join('\n');

testControl(control, {
  pass: [
    { name: '.ebextensions scaling from 2 to 6', files: { '.ebextensions/scaling.config': 'option_settings:\n  aws:autoscaling:asg:\n    MinSize: 2\n    MaxSize: 6\n' } },
    { name: 'autoscaled from 2 to 10', files: { 'web.yaml': `${deployment()}---\n${hpa('2', '10')}` } },
    { name: 'a StatefulSet autoscaled', files: { 'db.yaml': `${deployment('StatefulSet')}---\n${hpa('3', '5', 'StatefulSet')}` } },
    { name: 'a KEDA ScaledObject with a minimum of 2', files: { 'web.yaml': `${deployment()}---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  scaleTargetRef:\n    name: web\n  minReplicaCount: 2\n  triggers: []\n` } },
    { name: 'minimum lowered by parameter', files: { 'web.yaml': `${deployment()}---\n${hpa(undefined, '4')}` }, params: { minReplicas: 1 } },
    { name: 'Terraform autoscaling group from 2 to 6', files: { 'asg.tf': 'resource "aws_autoscaling_group" "web" {\n  min_size = 2\n  max_size = 6\n}\n' } },
    {
      name: 'Elastic Beanstalk environment scaling from 2 to 4',
      files: { 'eb.tf': 'resource "aws_elastic_beanstalk_environment" "web" {\n  setting {\n    namespace = "aws:autoscaling:asg"\n    name      = "MinSize"\n    value     = "2"\n  }\n  setting {\n    namespace = "aws:autoscaling:asg"\n    name      = "MaxSize"\n    value     = "4"\n  }\n}\n' },
    },
  ],
  fail: [
    {
      name: '.ebextensions with a minimum of one',
      files: { '.ebextensions/scaling.config': 'option_settings:\n  aws:autoscaling:asg:\n    MinSize: 1\n    MaxSize: 4\n' },
      findings: [{ resource: '.ebextensions', file: '.ebextensions/scaling.config', line: 3, message: 'MinSize 1' }],
    },
    { name: 'no autoscaler, however many replicas', files: { 'web.yaml': deployment() }, findings: [{ line: 1, resource: 'Deployment/shop/web', message: 'no HorizontalPodAutoscaler (or KEDA ScaledObject) targets' }] },
    { name: 'minReplicas defaults to 1', files: { 'web.yaml': `${deployment()}---\n${hpa(undefined, '4')}` }, findings: [{ resource: 'HorizontalPodAutoscaler/shop/web', line: 14, message: 'down to 1 replica(s)' }] },
    { name: 'a KEDA ScaledObject scaling to zero by default', files: { 'web.yaml': `${deployment()}---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  scaleTargetRef:\n    name: web\n` }, findings: [{ line: 14, resource: 'ScaledObject/shop/web', message: 'down to 0 replica(s); minReplicaCount' }] },
    { name: 'maxReplicas equal to minReplicas', files: { 'web.yaml': `${deployment()}---\n${hpa('3', '3')}` }, findings: [{ line: 25, message: 'maxReplicas 3 is not above minReplicas 3' }] },
    {
      name: 'Terraform autoscaling groups with a single-instance minimum and a fixed size',
      files: { 'asg.tf': 'resource "aws_autoscaling_group" "a" {\n  min_size = 1\n  max_size = 4\n}\nresource "aws_autoscaling_group" "b" {\n  min_size = 3\n  max_size = 3\n}\n' },
      findings: [
        { resource: 'aws_autoscaling_group.a', line: 2, message: 'fewer than 2 instance(s)' },
        { resource: 'aws_autoscaling_group.b', line: 7, message: 'max_size 3 is not above min_size 3' },
      ],
    },
    {
      name: 'Elastic Beanstalk single instance, and an environment with default sizes',
      files: { 'eb.tf': 'resource "aws_elastic_beanstalk_environment" "one" {\n  setting {\n    namespace = "aws:elasticbeanstalk:environment"\n    name      = "EnvironmentType"\n    value     = "SingleInstance"\n  }\n}\nresource "aws_elastic_beanstalk_environment" "two" {\n  name = "two"\n}\n' },
      findings: [
        { resource: 'aws_elastic_beanstalk_environment.one', line: 2, message: 'SingleInstance' },
        { resource: 'aws_elastic_beanstalk_environment.two', line: 8, message: 'MinSize is not set' },
      ],
    },
  ],
  notApplicable: [{ name: 'only a DaemonSet', files: { 'ds.yaml': deployment('DaemonSet') }, reason: /aws_autoscaling_group/ }],
  unknown: [
    { name: '.ebextensions sizes from a CloudFormation function', files: { '.ebextensions/scaling.config': 'option_settings:\n  aws:autoscaling:asg:\n    MinSize: { "Fn::GetOptionSetting": { OptionName: Min } }\n    MaxSize: 4\n' }, findings: [{ outcome: 'unknown', line: 3 }] },
    { name: 'bounds from placeholders', files: { 'web.yaml': `${deployment()}---\n${hpa('${MIN}', '10')}` }, findings: [{ line: 24, outcome: 'unknown' }] },
    {
      name: 'Terraform group size from a variable without a default',
      files: { 'asg.tf': 'variable "min" {}\nresource "aws_autoscaling_group" "web" {\n  min_size = var.min\n  max_size = 10\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'aws_autoscaling_group.web', line: 3 }],
    },
  ],
});
