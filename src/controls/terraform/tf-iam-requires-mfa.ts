import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts, type TerraformFacts } from '../../facts/terraform/terraform.js';
import { attachedPolicies, groupsOf, names, type AttachedPolicy } from '../../facts/terraform/iam.js';
import { PASS, cannotJudge, fail, outcomeOf, type Judged, type Verdict } from './judge.js';
import { managed } from '../../facts/terraform/query.js';
import { effectIs, isRecord, type PolicyStatement } from '../../facts/terraform/policies.js';

const ID = 'tf-iam-requires-mfa';

/** `false`, `"false"` or a list holding one of them: the value an MFA guard compares against. */
function isFalse(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isFalse);
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

function isTrue(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isTrue);
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** A Deny statement that applies when no MFA was used: Bool(IfExists) aws:MultiFactorAuthPresent false, or Null aws:MultiFactorAuthAge true. */
export function isMfaGuard(statement: PolicyStatement): boolean {
  if (effectIs(statement, 'Deny') !== true || !isRecord(statement.condition)) return false;
  for (const [operator, tests] of Object.entries(statement.condition)) {
    if (!isRecord(tests)) continue;
    const op = operator.toLowerCase();
    for (const [key, value] of Object.entries(tests)) {
      const name = key.toLowerCase();
      if ((op === 'bool' || op === 'boolifexists') && name === 'aws:multifactorauthpresent' && isFalse(value)) return true;
      if (op === 'null' && name === 'aws:multifactorauthage' && isTrue(value)) return true;
    }
  }
  return false;
}

/** Passes when one of the policies holds an MFA guard; unknown when none does but one could not be read. */
function guarded(policies: readonly AttachedPolicy[], subject: string): Verdict {
  let unreadable: AttachedPolicy | undefined;
  for (const policy of policies) {
    if (policy.statements instanceof Unknown) unreadable ??= policy;
    else if (policy.statements.some(isMfaGuard)) return PASS;
  }
  if (unreadable) {
    const reason = unreadable.statements instanceof Unknown ? unreadable.statements.reason : '';
    return cannotJudge(`no policy of ${subject} is known to deny access without MFA; ${unreadable.via.address} cannot be read: ${reason}`, unreadable.attribute?.line);
  }
  const summary = policies.length === 0 ? 'has no policy in this configuration' : `has ${policies.length} policy(ies), none denying actions`;
  return fail(`${subject} ${summary} when aws:MultiFactorAuthPresent is false`, undefined, 'no-mfa-guard');
}

function judge(terraform: TerraformFacts): Judged[] {
  const users = managed(terraform, 'aws_iam_user');
  const groups = managed(terraform, 'aws_iam_group');
  const profiles = managed(terraform, 'aws_iam_user_login_profile');
  const judged: Judged[] = [];
  // Groups gather people; a user is human when it can sign in to the console (login profile).
  for (const group of groups) judged.push({ resource: group, verdict: guarded(attachedPolicies(terraform, 'group', group), 'the group') });
  for (const profile of profiles) {
    const user = users.find((candidate) => names(profile.attributes.user?.value, candidate));
    if (!user) {
      judged.push({ resource: profile, verdict: cannotJudge('console login for a user not declared in this configuration; its policies cannot be read', profile.attributes.user?.line) });
      continue;
    }
    const memberships = groupsOf(terraform, user, groups);
    const policies = [...attachedPolicies(terraform, 'user', user), ...memberships.flatMap((group) => attachedPolicies(terraform, 'group', group))];
    const verdict = guarded(policies, `the user (console login ${profile.address})`);
    judged.push({ resource: user, verdict });
  }
  return judged;
}

export default defineControl({
  meta: {
    id: ID,
    title: 'IAM policies of people require multi-factor authentication',
    domain: 'terraform',
    severity: 'high',
    rationale: 'A stolen password alone must not open the cloud account: a policy that denies every action unless aws:MultiFactorAuthPresent is true makes the second factor mandatory rather than optional.',
    remediation:
      'Attach to each human group (or user with a console login) a policy with a Deny statement on NotAction iam:*MFA*/sts:GetSessionToken conditioned on BoolIfExists aws:MultiFactorAuthPresent = "false".',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    return outcomeOf(ID, terraform, judge(terraform), 'no IAM groups or console users (aws_iam_user_login_profile) in the Terraform configuration');
  },
});
