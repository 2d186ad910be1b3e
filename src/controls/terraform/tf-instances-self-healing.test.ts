import { testControl } from '../../testing/control-table.js';
import control from './tf-instances-self-healing.js';

const template = 'resource "aws_launch_template" "web" {\n  image_id = "ami-123"\n}\n';

testControl(control, {
  pass: [
    { name: '.ebextensions with a health check path', files: { '.ebextensions/health.config': 'option_settings:\n  aws:elasticbeanstalk:environment:process:default:\n    HealthCheckPath: /healthz\n' } },
    {
      name: 'Elastic Beanstalk environment with a health check path',
      files: { 'eb.tf': 'resource "aws_elastic_beanstalk_environment" "web" {\n  setting {\n    namespace = "aws:elasticbeanstalk:environment:process:default"\n    name      = "HealthCheckPath"\n    value     = "/healthz"\n  }\n}\n' },
    },
    {
      name: 'group from a pinned template, ELB health check, target group, two subnets',
      files: {
        'asg.tf': `${template}resource "aws_autoscaling_group" "web" {\n  launch_template {\n    id      = aws_launch_template.web.id\n    version = aws_launch_template.web.latest_version\n  }\n  health_check_type   = "ELB"\n  target_group_arns   = [aws_lb_target_group.web.arn]\n  vpc_zone_identifier = ["subnet-a", "subnet-b"]\n}\n`,
      },
    },
    {
      name: 'mixed instances policy with a numbered version, attached separately',
      files: {
        'asg.tf': `${template}resource "aws_autoscaling_group" "web" {\n  name = "web"\n  mixed_instances_policy {\n    launch_template {\n      launch_template_specification {\n        launch_template_id = aws_launch_template.web.id\n        version            = "3"\n      }\n    }\n  }\n  health_check_type  = "ELB"\n  availability_zones = ["eu-west-1a", "eu-west-1b"]\n}\nresource "aws_autoscaling_attachment" "web" {\n  autoscaling_group_name = aws_autoscaling_group.web.name\n  lb_target_group_arn    = aws_lb_target_group.web.arn\n}\n`,
      },
    },
  ],
  fail: [
    {
      name: '.ebextensions single instance, list form',
      files: { 'api/.ebextensions/env.config': 'option_settings:\n  - namespace: aws:elasticbeanstalk:environment\n    option_name: EnvironmentType\n    value: SingleInstance\n' },
      findings: [{ resource: 'api/.ebextensions', file: 'api/.ebextensions/env.config', line: 2, message: 'SingleInstance' }],
    },
    {
      name: 'Elastic Beanstalk: a single instance, and a load-balanced environment without a health check URL',
      files: {
        'eb.tf': 'resource "aws_elastic_beanstalk_environment" "one" {\n  setting {\n    namespace = "aws:elasticbeanstalk:environment"\n    name      = "EnvironmentType"\n    value     = "SingleInstance"\n  }\n}\nresource "aws_elastic_beanstalk_environment" "two" {\n  name = "two"\n}\n',
      },
      findings: [
        { resource: 'aws_elastic_beanstalk_environment.one', line: 2, message: 'SingleInstance' },
        { resource: 'aws_elastic_beanstalk_environment.two', line: 8, message: 'no health check URL' },
      ],
    },
    {
      name: 'a standalone instance and a group with every shortfall',
      files: {
        'ec2.tf': `resource "aws_instance" "bastion" {\n  ami = "ami-123"\n}\n${template}resource "aws_autoscaling_group" "web" {\n  launch_template {\n    id      = aws_launch_template.web.id\n    version = "$Latest"\n  }\n  vpc_zone_identifier = ["subnet-a"]\n}\n`,
      },
      findings: [
        { resource: 'aws_instance.bastion', line: 1, message: 'standalone instance' },
        { resource: 'aws_autoscaling_group.web', line: 10, message: 'spans a single subnet' },
      ],
    },
    {
      name: 'launch configuration and EC2 health checks',
      files: { 'asg.tf': 'resource "aws_autoscaling_group" "old" {\n  launch_configuration = "old"\n  health_check_type    = "EC2"\n  load_balancers       = ["classic"]\n  vpc_zone_identifier  = ["a", "b"]\n}\n' },
      findings: [{ resource: 'aws_autoscaling_group.old', line: 2, message: 'launch configuration, not a launch template; health_check_type = "EC2"' }],
    },
  ],
  notApplicable: [{ name: 'no compute', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' }, reason: /Elastic Beanstalk/ }],
  unknown: [
    {
      name: 'subnets from a module output',
      files: {
        'asg.tf': `${template}resource "aws_autoscaling_group" "web" {\n  launch_template {\n    id      = aws_launch_template.web.id\n    version = 2\n  }\n  health_check_type   = "ELB"\n  target_group_arns   = ["arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web/1"]\n  vpc_zone_identifier = var.subnets\n}\nvariable "subnets" {}\n`,
      },
      findings: [{ outcome: 'unknown', resource: 'aws_autoscaling_group.web', line: 11 }],
    },
  ],
});
