import { Ref, Unknown, type TerraformFacts, type TfAttribute, type TfResource, type Value } from './terraform.js';
import { isUnknownInJson, UNKNOWN_IN_JSON } from './terraform-values.js';
import { blocksOf, findResource, managed, typeOfAddress } from './query.js';
import { effectIs, policyStatements, type Maybe, type PolicyStatement } from './policies.js';

export const POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];

/** Whether an IAM action pattern (`kms:*`, `ssm:GetParameter*`, `*`) covers an action; case-insensitive, as IAM is. */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  // Iterative wildcard matching with one backtrack point: linear in practice, never exponential.
  let pi = 0;
  let ai = 0;
  let star = -1;
  let resume = 0;
  while (ai < a.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === a[ai])) {
      pi++;
      ai++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ai;
    } else if (star >= 0) {
      pi = star + 1;
      ai = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** The actions of `wanted` an Allow statement grants (true), may grant (Unknown), or not. */
export function grantedActions(statement: PolicyStatement, wanted: readonly string[]): { granted: string[]; unknown?: Unknown } {
  const effect = effectIs(statement, 'Allow');
  if (effect === false) return { granted: [] };
  const granted = new Set<string>();
  let unknown: Unknown | undefined = effect instanceof Unknown ? effect : undefined;
  if (statement.actions) {
    for (const pattern of statement.actions) {
      if (isUnknownInJson(pattern)) unknown ??= new Unknown(pattern.slice(UNKNOWN_IN_JSON.length));
      else for (const action of wanted) if (actionMatches(pattern, action)) granted.add(action);
    }
  } else if (statement.notActions) {
    // NotAction grants everything it does not list.
    for (const action of wanted) if (!statement.notActions.some((pattern) => !isUnknownInJson(pattern) && actionMatches(pattern, action))) granted.add(action);
  }
  if (effect instanceof Unknown && granted.size > 0) return { granted: [], unknown: effect };
  return { granted: [...granted], unknown: granted.size > 0 ? undefined : unknown };
}

/** A policy reaching a principal, with where it is written; `statements` is Unknown when it cannot be read. */
export interface AttachedPolicy {
  via: TfResource;
  attribute?: TfAttribute;
  statements: PolicyStatement[] | Unknown;
}

export type PrincipalKind = 'user' | 'group' | 'role';

/** Whether an argument names the principal: by reference to its block or by its literal name. */
export function names(value: Value | undefined, principal: TfResource): boolean {
  const items = Array.isArray(value) ? value : [value];
  const name = principal.attributes.name?.value;
  return items.some((item) => (item instanceof Ref ? item.address === principal.blockAddress : typeof item === 'string' && item === name));
}

/** Whether an argument (or list) may name some principal we cannot tell. */
function unclear(value: Value | undefined): boolean {
  const items = Array.isArray(value) ? value : [value];
  return items.some((item) => item instanceof Unknown);
}

/** The policy a `policy_arn` points at: a declared aws_iam_policy, an AWS-managed policy, or not known. */
function policyAt(facts: TerraformFacts, arn: Value | undefined): TfAttribute | Unknown | 'external' {
  if (typeof arn === 'string') return 'external';
  if (arn instanceof Unknown) return arn;
  if (arn instanceof Ref && typeOfAddress(arn.address) === 'aws_iam_policy') {
    const policy = findResource(facts, arn.address);
    if (policy?.attributes.policy) return policy.attributes.policy;
    return new Unknown(`${arn.address} is not declared with a policy`);
  }
  return new Unknown(`the policy ARN comes from ${arn instanceof Ref ? arn.text : 'a value'} tenet cannot follow`);
}

/** Every policy attached to a user, group or role in the configuration (inline, attachments, role inline_policy). */
export function attachedPolicies(facts: TerraformFacts, kind: PrincipalKind, principal: TfResource): AttachedPolicy[] {
  const found: AttachedPolicy[] = [];
  const read = (via: TfResource, attribute: TfAttribute | undefined): void => void found.push({ via, attribute, statements: policyStatements(attribute?.value) });
  for (const inline of managed(facts, `aws_iam_${kind}_policy`)) {
    const target = inline.attributes[kind]?.value;
    if (names(target, principal)) read(inline, inline.attributes.policy);
    else if (unclear(target)) found.push({ via: inline, attribute: inline.attributes[kind], statements: new Unknown(`${inline.address} is attached to a ${kind} not known statically`) });
  }
  if (kind === 'role') {
    for (const block of blocksOf(principal, 'inline_policy')) found.push({ via: principal, attribute: block.attributes.policy, statements: policyStatements(block.attributes.policy?.value) });
    const arns = principal.attributes.managed_policy_arns;
    for (const arn of Array.isArray(arns?.value) ? arns.value : []) {
      const policy = policyAt(facts, arn);
      if (policy instanceof Unknown) found.push({ via: principal, attribute: arns, statements: policy });
      else if (policy !== 'external') found.push({ via: principal, attribute: arns, statements: policyStatements(policy.value) });
    }
  }
  const attachments: [TfResource, Value | undefined][] = [
    ...managed(facts, `aws_iam_${kind}_policy_attachment`).map((attachment): [TfResource, Value | undefined] => [attachment, attachment.attributes[kind]?.value]),
    ...managed(facts, 'aws_iam_policy_attachment').map((attachment): [TfResource, Value | undefined] => [attachment, attachment.attributes[`${kind}s`]?.value]),
  ];
  for (const [attachment, target] of attachments) {
    if (!names(target, principal) && !unclear(target)) continue;
    const arn = attachment.attributes.policy_arn;
    const policy = unclear(target) ? new Unknown(`${attachment.address} is attached to a ${kind} not known statically`) : policyAt(facts, arn?.value);
    if (policy === 'external') continue;
    if (policy instanceof Unknown) found.push({ via: attachment, attribute: arn, statements: policy });
    else found.push({ via: attachment, attribute: policy, statements: policyStatements(policy.value) });
  }
  return found;
}

/** Groups a user belongs to through aws_iam_user_group_membership / aws_iam_group_membership. */
export function groupsOf(facts: TerraformFacts, user: TfResource, groups: readonly TfResource[]): TfResource[] {
  const result = new Set<TfResource>();
  for (const membership of managed(facts, 'aws_iam_user_group_membership')) {
    if (!names(membership.attributes.user?.value, user)) continue;
    for (const group of groups) if (names(membership.attributes.groups?.value, group)) result.add(group);
  }
  for (const membership of managed(facts, 'aws_iam_group_membership')) {
    if (!names(membership.attributes.users?.value, user)) continue;
    for (const group of groups) if (names(membership.attributes.group?.value, group)) result.add(group);
  }
  return [...result];
}

export function firstUnknown(values: readonly Maybe[]): Unknown | undefined {
  return values.find((value): value is Unknown => value instanceof Unknown);
}
