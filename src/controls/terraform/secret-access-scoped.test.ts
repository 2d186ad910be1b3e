import { testControl } from '../../testing/control-table.js';
import control from './secret-access-scoped.js';

const policy = (name: string, statement: string): string => `resource "aws_iam_policy" "${name}" {\n  policy = jsonencode({ Statement = [${statement}] })\n}\n`;

const pod = (env: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app\n${env}`;

testControl(control, {
  pass: [
    { name: 'a pod taking one key with secretKeyRef', files: { 'pod.yaml': pod('      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: shared\n              key: db\n') } },
    {
      name: 'reads named secrets and a parameter path; other actions on *',
      files: {
        'iam.tf': `resource "aws_secretsmanager_secret" "db" {}\n${policy('app', '{ Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = aws_secretsmanager_secret.db.arn }, { Effect = "Allow", Action = "ssm:GetParameter*", Resource = "arn:aws:ssm:eu-west-1:111122223333:parameter/app/*" }, { Effect = "Allow", Action = "ec2:Describe*", Resource = "*" }')}`,
      },
    },
    {
      name: 'Vault policies reading application paths',
      files: {
        'vault/app.hcl': 'path "secret/data/app/*" {\n  capabilities = ["read"]\n}\npath "sys/*" {\n  capabilities = ["deny"]\n}\npath "auth/token/*" {\n  capabilities = ["update"]\n}\n',
        'vault.tf': 'resource "vault_policy" "app" {\n  policy = <<EOT\npath "secret/data/app/db" {\n  capabilities = ["read"]\n}\nEOT\n}\n',
      },
    },
    { name: 'a Deny on * is not a grant', files: { 'iam.tf': policy('deny', '{ Effect = "Deny", Action = "secretsmanager:*", Resource = "*" }') } },
  ],
  fail: [
    {
      name: 'a pod importing a whole Secret',
      files: { 'pod.yaml': pod('      envFrom:\n        - configMapRef:\n            name: settings\n        - secretRef:\n            name: shared\n') },
      findings: [{ resource: 'Pod/default/app', line: 12, message: "every key of Secret 'shared'" }],
    },
    {
      name: 'Vault policy file reading a whole KV mount, vault_policy resource reading everything',
      files: {
        'vault/app.hcl': 'path "secret/data/app/*" {\n  capabilities = ["read"]\n}\n# tenet:ignore secret-access-scoped not this one\npath "secret/data/*" {\n  capabilities = ["read", "list"]\n}\n',
        'vault.tf': 'resource "vault_policy" "ops" {\n  policy = <<EOT\npath "*" {\n  capabilities = ["read"]\n}\nEOT\n}\n',
      },
      findings: [
        { resource: 'vault_policy.ops', line: 2, message: 'path "*"' },
        { resource: 'vault/app.hcl', file: 'vault/app.hcl', line: 5, message: 'path "secret/data/*"', suppressed: { kind: 'inline', reason: 'not this one', source: 'vault/app.hcl:4' } },
      ],
    },
    {
      name: 'GetSecretValue on *, SSM parameters account-wide, decrypt through a role inline policy',
      files: {
        'iam.tf': `${policy('a', '{ Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = "*" }')}${policy('b', '{ Effect = "Allow", Action = ["ssm:GetParametersByPath"], Resource = "arn:aws:ssm:*:*:parameter/*" }')}resource "aws_iam_role" "r" {\n  assume_role_policy = "{}"\n  inline_policy {\n    name   = "d"\n    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:*", Resource = "*" }] })\n  }\n}\n`,
      },
      findings: [
        { resource: 'aws_iam_policy.a', line: 2, message: 'secretsmanager:GetSecretValue' },
        { resource: 'aws_iam_policy.b', line: 5, message: 'ssm:GetParametersByPath' },
        { resource: 'aws_iam_role.r', line: 11, message: 'kms:Decrypt' },
      ],
    },
  ],
  notApplicable: [
    { name: 'a Packer template is not a Vault policy', files: { 'image.pkr.hcl': 'source "amazon-ebs" "x" {\n  region = "eu-west-1"\n}\n' } },
    { name: 'no IAM policies', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' }, reason: /no IAM or Vault policies and no Kubernetes workloads/ },
  ],
  unknown: [
    {
      name: 'Vault capabilities that are not a literal list',
      files: { 'policy.hcl': 'path "secret/*" {\n  capabilities = var.caps\n}\n' },
      findings: [{ outcome: 'unknown', file: 'policy.hcl', line: 1 }],
    },
    {
      name: 'actions from a variable',
      files: { 'iam.tf': `variable "actions" {}\n${policy('p', '{ Effect = "Allow", Action = var.actions, Resource = "*" }')}` },
      findings: [{ outcome: 'unknown', resource: 'aws_iam_policy.p', line: 3 }],
    },
  ],
});
