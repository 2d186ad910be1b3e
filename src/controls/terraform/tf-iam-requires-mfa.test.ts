import { testControl } from '../../testing/control-table.js';
import control from './tf-iam-requires-mfa.js';

const guard = `data "aws_iam_policy_document" "mfa" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:*MFA*", "sts:GetSessionToken"]
    resources   = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}
resource "aws_iam_policy" "mfa" {
  policy = data.aws_iam_policy_document.mfa.json
}
`;

testControl(control, {
  pass: [
    {
      name: 'group with an MFA guard attached; a console user in that group',
      files: {
        'iam.tf': `${guard}resource "aws_iam_group" "devs" {\n  name = "devs"\n}\nresource "aws_iam_group_policy_attachment" "mfa" {\n  group      = aws_iam_group.devs.name\n  policy_arn = aws_iam_policy.mfa.arn\n}\nresource "aws_iam_user" "ana" {\n  name = "ana"\n}\nresource "aws_iam_user_login_profile" "ana" {\n  user = aws_iam_user.ana.name\n}\nresource "aws_iam_user_group_membership" "ana" {\n  user   = aws_iam_user.ana.name\n  groups = [aws_iam_group.devs.name]\n}\n`,
      },
    },
    {
      name: 'inline user policy in JSON with Null MultiFactorAuthAge',
      files: {
        'iam.tf': 'resource "aws_iam_user" "u" {\n  name = "u"\n}\nresource "aws_iam_user_login_profile" "u" {\n  user = "u"\n}\nresource "aws_iam_user_policy" "u" {\n  user   = "u"\n  policy = jsonencode({\n    Statement = [{ Effect = "Deny", NotAction = "iam:*", Resource = "*", Condition = { Null = { "aws:MultiFactorAuthAge" = "true" } } }]\n  })\n}\n',
      },
    },
  ],
  fail: [
    {
      name: 'group without a guard and a console user without one',
      files: {
        'iam.tf': 'resource "aws_iam_group" "ops" {\n  name = "ops"\n}\nresource "aws_iam_user" "bo" {\n  name = "bo"\n}\nresource "aws_iam_user_login_profile" "bo" {\n  user = aws_iam_user.bo.name\n}\nresource "aws_iam_user_policy_attachment" "bo" {\n  user       = aws_iam_user.bo.name\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n',
      },
      findings: [
        { resource: 'aws_iam_group.ops', line: 1, message: 'has no policy in this configuration' },
        { resource: 'aws_iam_user.bo', line: 4, message: 'console login aws_iam_user_login_profile.bo' },
      ],
    },
    {
      name: 'an Allow conditioned on MFA is not a Deny guard',
      files: {
        'iam.tf': 'resource "aws_iam_group" "g" {}\nresource "aws_iam_group_policy" "g" {\n  group  = aws_iam_group.g.name\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*", Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } } }]\n  })\n}\n',
      },
      findings: [{ resource: 'aws_iam_group.g', message: 'none denying actions' }],
    },
  ],
  notApplicable: [
    { name: 'programmatic user only', files: { 'iam.tf': 'resource "aws_iam_user" "ci" {\n  name = "ci"\n}\n' } },
    { name: 'no Terraform', files: { 'README.md': '# x\n' } },
  ],
  unknown: [
    {
      name: 'the group policy comes from a variable',
      files: { 'iam.tf': 'variable "policy" {}\nresource "aws_iam_group" "g" {}\nresource "aws_iam_group_policy" "g" {\n  group  = aws_iam_group.g.name\n  policy = var.policy\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'aws_iam_group.g', line: 5 }],
    },
    {
      name: 'login profile for a user declared elsewhere',
      files: { 'iam.tf': 'resource "aws_iam_user_login_profile" "x" {\n  user = "someone"\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'aws_iam_user_login_profile.x', line: 2 }],
    },
  ],
});
