import { testControl } from '../../testing/control-table.js';
import control from './tf-kms-access-restricted.js';

const keyPolicy = 'jsonencode({\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }]\n  })';
const ec2Trust = 'jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })';

testControl(control, {
  pass: [
    {
      name: 'key with an explicit policy; decrypt grant names the key; workload role without key administration',
      files: {
        'kms.tf': `resource "aws_kms_key" "k" {\n  policy = ${keyPolicy}\n}\nresource "aws_iam_role" "app" {\n  assume_role_policy = ${ec2Trust}\n}\nresource "aws_iam_role_policy" "app" {\n  role   = aws_iam_role.app.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["kms:Decrypt"], Resource = aws_kms_key.k.arn }] })\n}\n`,
      },
    },
    {
      name: 'Principal "*" restricted by a condition, policy in aws_kms_key_policy',
      files: {
        'kms.tf': 'resource "aws_kms_key" "k" {}\nresource "aws_kms_key_policy" "k" {\n  key_id = aws_kms_key.k.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*", Condition = { StringEquals = { "kms:CallerAccount" = "111122223333" } } }] })\n}\n',
      },
    },
  ],
  fail: [
    {
      name: 'no key policy, Principal * unconditioned, Decrypt on *, workload with key administration',
      files: {
        'kms.tf': `resource "aws_kms_key" "a" {}\nresource "aws_kms_key" "b" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:*", Resource = "*" }] })\n}\nresource "aws_iam_policy" "use" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:De*", Resource = "*" }] })\n}\nresource "aws_iam_role" "app" {\n  assume_role_policy = ${ec2Trust}\n}\nresource "aws_iam_policy" "admin" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"], Resource = aws_kms_key.a.arn }] })\n}\nresource "aws_iam_role_policy_attachment" "admin" {\n  role       = aws_iam_role.app.name\n  policy_arn = aws_iam_policy.admin.arn\n}\n`,
      },
      findings: [
        { resource: 'aws_kms_key.a', line: 1, message: 'no explicit key policy' },
        { resource: 'aws_kms_key.b', line: 3, message: 'Principal "*"' },
        { resource: 'aws_iam_policy.use', line: 6, message: 'grants kms:Decrypt on every key' },
        { resource: 'aws_iam_role.app', line: 12, message: 'kms:PutKeyPolicy, kms:ScheduleKeyDeletion' },
      ],
    },
    {
      name: 'key administration through managed_policy_arns of a Lambda role',
      files: {
        'iam.tf': `resource "aws_iam_policy" "keys" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:*", Resource = "arn:aws:kms:eu-west-1:1:key/abc" }] })\n}\nresource "aws_iam_role" "fn" {\n  assume_role_policy  = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })\n  managed_policy_arns = [aws_iam_policy.keys.arn]\n}\n`,
      },
      findings: [{ resource: 'aws_iam_role.fn', line: 6, message: 'lambda.amazonaws.com holds key-administration actions' }],
    },
  ],
  notApplicable: [{ name: 'no keys or IAM', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } }],
  unknown: [
    {
      name: 'key administration on a role whose trust policy is not known',
      files: {
        'iam.tf': 'variable "trust" {}\nresource "aws_iam_role" "r" {\n  assume_role_policy = var.trust\n}\nresource "aws_iam_role_policy" "r" {\n  role   = aws_iam_role.r.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:ScheduleKeyDeletion", Resource = "arn:aws:kms:eu-west-1:1:key/abc" }] })\n}\n',
      },
      findings: [{ outcome: 'unknown', resource: 'aws_iam_role.r', line: 3 }],
    },
    {
      name: 'key policy from a variable',
      files: { 'kms.tf': 'variable "policy" {}\nresource "aws_kms_key" "k" {\n  policy = var.policy\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'aws_kms_key.k', line: 3 }],
    },
    {
      name: 'decrypt on resources from a variable',
      files: { 'iam.tf': 'variable "keys" {}\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = var.keys }] })\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'aws_iam_policy.p' }],
    },
  ],
});
