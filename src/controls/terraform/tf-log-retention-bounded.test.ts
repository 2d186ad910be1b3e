import { testControl } from '../../testing/control-table.js';
import control from './tf-log-retention-bounded.js';

testControl(control, {
  pass: [
    { name: 'retention within the default bounds', files: { 'logs.tf': 'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = 365\n}\n' } },
    { name: 'retention from a tfvars file within raised bounds', params: { minDays: 30, maxDays: 400 }, files: { 'logs.tf': 'variable "days" {}\nresource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = var.days\n}\n', 'terraform.tfvars': 'days = 90\n' } },
  ],
  fail: [
    {
      name: 'absent, zero and above the bound',
      files: { 'logs.tf': 'resource "aws_cloudwatch_log_group" "a" {\n  name = "a"\n}\nresource "aws_cloudwatch_log_group" "b" {\n  retention_in_days = 0\n}\nresource "aws_cloudwatch_log_group" "c" {\n  retention_in_days = 3653\n}\n' },
      params: { maxDays: 3000 },
      findings: [
        { resource: 'aws_cloudwatch_log_group.a', line: 1, message: 'not set' },
        { resource: 'aws_cloudwatch_log_group.b', line: 5, message: 'forever' },
        { resource: 'aws_cloudwatch_log_group.c', line: 8, message: 'outside 1..3000' },
      ],
    },
  ],
  notApplicable: [{ name: 'no log groups', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } }],
  unknown: [
    { name: 'retention from a variable without a value', files: { 'logs.tf': 'variable "days" {}\nresource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = var.days\n}\n' }, findings: [{ outcome: 'unknown', line: 3 }] },
  ],
});
