import { defineControl } from '../../engine/control.js';
import { Ref, Unknown, terraformFacts, type TerraformFacts, type TfAttribute, type TfResource } from '../../facts/terraform/terraform.js';
import { isUnknownInJson } from '../../facts/terraform/terraform-values.js';
import { POLICY_TYPES, attachedPolicies, grantedActions } from '../../facts/terraform/iam.js';
import { PASS, cannotJudge, fail, outcomeOf, type Judged, type Verdict } from './judge.js';
import { blocksOf, managed } from '../../facts/terraform/query.js';
import { effectIs, isRecord, policyStatements, servicePrincipals, type PolicyStatement } from '../../facts/terraform/policies.js';
import { unscopedResource } from './secret-grants.js';

const ID = 'tf-kms-access-restricted';
const CRYPTO_ACTIONS = ['kms:Decrypt', 'kms:Encrypt'];
const KEY_ADMIN_ACTIONS = ['kms:CreateKey', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:ImportKeyMaterial', 'kms:DisableKey'];

/** Whether a principal is everyone: `"*"`, `{"AWS": "*"}` or a list holding `"*"`. */
function isEveryone(principal: unknown): boolean | Unknown {
  if (typeof principal === 'string') return isUnknownInJson(principal) ? new Unknown('the principal is not known statically') : principal === '*';
  if (Array.isArray(principal)) return principal.some((item) => isEveryone(item) === true);
  if (isRecord(principal)) return Object.values(principal).some((item) => isEveryone(item) === true);
  return false;
}

function keyPolicyVerdict(policy: TfAttribute | undefined, key: TfResource): Verdict {
  if (!policy || policy.value === null) return fail('no explicit key policy: the default policy hands the key to IAM, so any principal of the account whose IAM policy allows kms:* can use and administer it', key.line, 'no-policy');
  const statements = policyStatements(policy.value);
  if (statements instanceof Unknown) return cannotJudge(`the key policy is not known statically: ${statements.reason}`, policy.line);
  for (const statement of statements) {
    if (effectIs(statement, 'Allow') !== true) continue;
    const everyone = isEveryone(statement.principal);
    if (everyone instanceof Unknown) return cannotJudge(`a key policy principal is not known statically`, policy.line);
    if (everyone && (statement.condition === undefined || (isRecord(statement.condition) && Object.keys(statement.condition).length === 0))) {
      return fail('the key policy allows Principal "*" without a condition', policy.line, 'principal-star');
    }
  }
  return PASS;
}

/** The key policy: the key's `policy`, or an aws_kms_key_policy resource for it. */
function keyPolicy(key: TfResource, policies: readonly TfResource[]): TfAttribute | undefined {
  const separate = policies.find((candidate) => {
    const target = candidate.attributes.key_id?.value;
    return target instanceof Ref && target.address === key.blockAddress;
  });
  return key.attributes.policy ?? separate?.attributes.policy;
}

/** An IAM policy granting kms:Decrypt/Encrypt on every key fails. */
function grantVerdict(statements: PolicyStatement[] | Unknown, attribute: TfAttribute | undefined, where: string): Verdict {
  if (statements instanceof Unknown) return cannotJudge(`${where} is not known statically: ${statements.reason}`, attribute?.line);
  let unknown: Unknown | undefined;
  for (const statement of statements) {
    const { granted, unknown: maybe } = grantedActions(statement, CRYPTO_ACTIONS);
    if (granted.length === 0) {
      unknown ??= maybe;
      continue;
    }
    const scope = unscopedResource(statement);
    if (scope === true) return fail(`${where} grants ${granted.join(', ')} on every key (Resource "*"): name the keys`, attribute?.line, 'crypto-on-star');
    if (scope instanceof Unknown) unknown ??= scope;
  }
  return unknown ? cannotJudge(`${where} may grant kms:Decrypt/Encrypt on every key: ${unknown.reason}`, attribute?.line) : PASS;
}

/** A role a service assumes (a workload) must not hold key-administration actions. */
function workloadRoleVerdict(terraform: TerraformFacts, role: TfResource): Verdict {
  let admin: { granted: string[]; via: string; line?: number } | undefined;
  let unreadable: { reason: string; line?: number } | undefined;
  for (const policy of attachedPolicies(terraform, 'role', role)) {
    if (policy.statements instanceof Unknown) {
      unreadable ??= { reason: `${policy.via.address}: ${policy.statements.reason}`, line: policy.attribute?.line };
      continue;
    }
    for (const statement of policy.statements) {
      const { granted, unknown } = grantedActions(statement, KEY_ADMIN_ACTIONS);
      if (granted.length > 0) admin ??= { granted, via: policy.via.address, line: policy.attribute?.line };
      else if (unknown) unreadable ??= { reason: `${policy.via.address}: ${unknown.reason}`, line: policy.attribute?.line };
    }
  }
  if (!admin && !unreadable) return PASS;
  const trustAttribute = role.attributes.assume_role_policy;
  const trust = policyStatements(trustAttribute?.value);
  const services = trust instanceof Unknown ? trust : servicePrincipals(trust);
  if (services instanceof Unknown) {
    return admin ? cannotJudge(`holds key-administration actions (${admin.granted.join(', ')}) and who assumes the role is not known statically: ${services.reason}`, trustAttribute?.line) : PASS;
  }
  if (services.length === 0) return PASS;
  if (admin) return fail(`a role assumed by ${services.join(', ')} holds key-administration actions (${admin.granted.join(', ')}) through ${admin.via}`, admin.line, 'workload-key-admin');
  return cannotJudge(`whether the workload role holds key-administration actions is not known: ${unreadable?.reason ?? ''}`, unreadable?.line);
}

function judge(terraform: TerraformFacts): Judged[] {
  const judged: Judged[] = [];
  const separatePolicies = managed(terraform, 'aws_kms_key_policy');
  for (const key of managed(terraform, 'aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key')) {
    judged.push({ resource: key, verdict: keyPolicyVerdict(keyPolicy(key, separatePolicies), key) });
  }
  for (const policy of managed(terraform, ...POLICY_TYPES)) {
    judged.push({ resource: policy, verdict: grantVerdict(policyStatements(policy.attributes.policy?.value), policy.attributes.policy, 'the policy') });
  }
  for (const role of managed(terraform, 'aws_iam_role')) {
    let verdict: Verdict = PASS;
    for (const inline of blocksOf(role, 'inline_policy')) {
      verdict = grantVerdict(policyStatements(inline.attributes.policy?.value), inline.attributes.policy, 'inline_policy');
      if (verdict.outcome !== 'pass') break;
    }
    if (verdict.outcome === 'pass') verdict = workloadRoleVerdict(terraform, role);
    judged.push({ resource: role, verdict });
  }
  return judged;
}

export default defineControl({
  meta: {
    id: ID,
    title: 'KMS keys and key grants are restricted',
    domain: 'terraform',
    severity: 'high',
    rationale:
      'Encryption protects data only as far as the key is guarded: a key policy open to "*", IAM grants of kms:Decrypt on every key, or a workload role that can rewrite key policies or schedule key deletion hand the data to whoever holds those credentials.',
    remediation:
      'Give every aws_kms_key an explicit policy naming its administrators and users (conditions on any "*" principal); list key ARNs in kms:Decrypt/Encrypt grants; keep kms:CreateKey, PutKeyPolicy, ScheduleKeyDeletion, ImportKeyMaterial and DisableKey for administrator roles, not service roles.',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    return outcomeOf(ID, terraform, judge(terraform), 'no KMS keys, IAM policies or roles in the Terraform configuration');
  },
});
