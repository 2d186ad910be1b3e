import { testControl } from '../../testing/control-table.js';
import control from './tf-iam-least-privilege.js';

const EC2_TRUST = 'jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]\n  })';

testControl(control, {
  pass: [
    {
      name: 'specific actions on a resource from a variable without a default, and on a bare resource reference',
      files: { 'iam.tf': 'variable "arn" {}\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [\n      { Effect = "Allow", Action = ["sqs:SendMessage"], Resource = var.arn },\n      { Effect = "Allow", Action = "*", Resource = aws_sqs_queue.q.arn },\n    ]\n  })\n}\n' },
    },
    { name: 'GCP viewer role for a service account', files: { 'iam.tf': 'resource "google_project_iam_member" "ci" {\n  role = "roles/viewer"\n  member = "serviceAccount:ci@p.iam.gserviceaccount.com"\n}\n' } },
    {
      name: 'scoped jsonencode policy, a Deny on everything, admin for a human (SAML) role',
      files: {
        'iam.tf': `resource "aws_iam_policy" "read" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      { Effect = "Allow", Action = ["s3:GetObject"], Resource = "\${aws_s3_bucket.b.arn}/*" },\n      { Effect = "Deny", Action = "*", Resource = "*" },\n    ]\n  })\n}\nresource "aws_iam_role" "admins" {\n  assume_role_policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithSAML", Principal = { Federated = "arn:aws:iam::1:saml-provider/idp" } }]\n  })\n}\nresource "aws_iam_role_policy_attachment" "admins" {\n  role = aws_iam_role.admins.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n`,
      },
    },
    {
      name: 'heredoc JSON policy with specific actions',
      files: { 'iam.tf': 'resource "aws_iam_role_policy" "logs" {\n  role = "app"\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*"}]\n}\nEOF\n}\n' },
    },
  ],
  fail: [
    {
      name: 'GCP owner granted to a service account',
      files: { 'iam.tf': 'resource "google_project_iam_binding" "owners" {\n  role = "roles/owner"\n  members = ["user:a@example.com", "serviceAccount:app@p.iam.gserviceaccount.com"]\n}\n' },
      findings: [{ resource: 'google_project_iam_binding.owners', line: 2, message: 'serviceAccount:app@' }],
    },
    {
      name: 'star on star via a policy document, and via a heredoc user policy',
      files: {
        'iam.tf': 'data "aws_iam_policy_document" "all" {\n  statement {\n    actions = ["*"]\n    resources = ["*"]\n  }\n}\nresource "aws_iam_policy" "all" {\n  name = "all"\n  policy = data.aws_iam_policy_document.all.json\n}\nresource "aws_iam_user_policy" "u" {\n  user = "ci"\n  policy = <<-EOT\n    {"Statement": {"Effect": "Allow", "Action": "*:*", "Resource": ["*"]}}\n  EOT\n}\n',
      },
      findings: [
        { resource: 'aws_iam_policy.all', line: 9, message: 'every action' },
        { resource: 'aws_iam_user_policy.u', line: 13 },
      ],
    },
    {
      name: 'AdministratorAccess attached to a role EC2 assumes',
      files: {
        'iam.tf': `resource "aws_iam_role" "app" {\n  name = "app"\n  assume_role_policy = ${EC2_TRUST}\n}\nresource "aws_iam_role_policy_attachment" "admin" {\n  role = aws_iam_role.app.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n`,
      },
      findings: [{ resource: 'aws_iam_role.app', line: 1, message: 'assumed by ec2.amazonaws.com' }],
    },
    {
      name: 'AdministratorAccess among exclusive attachments of a Lambda role named literally',
      files: {
        'iam.tf': `resource "aws_iam_role" "fn" {\n  name = "fn"\n  assume_role_policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["lambda.amazonaws.com"] } }]\n  })\n}\nresource "aws_iam_role_policy_attachments_exclusive" "fn" {\n  role_name = "fn"\n  policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"]\n}\n`,
      },
      findings: [{ resource: 'aws_iam_role.fn', line: 1, message: 'lambda.amazonaws.com' }],
    },
  ],
  notApplicable: [{ name: 'no IAM', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } }],
  unknown: [
    {
      name: 'every action on a resource ARN from a variable without a default',
      files: { 'iam.tf': 'variable "arn" {}\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "*", Resource = var.arn }]\n  })\n}\n' },
      findings: [{ outcome: 'unknown', line: 3, message: 'var.arn has no default' }],
    },
    {
      name: 'policy read from a file outside the repository',
      files: { 'iam.tf': 'resource "aws_iam_policy" "p" {\n  policy = file("/etc/policy.json")\n}\n' },
      findings: [{ outcome: 'unknown', line: 2, message: 'not in the repository' }],
    },
  ],
});
