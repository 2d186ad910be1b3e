import { defineControl } from '../../engine/control.js';
import { Ref, Unknown, terraformFacts, type TerraformFacts, type TfAttribute, type TfResource, type Value } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, outcomeOf, type Verdict } from './judge.js';
import { blocksOf, findResource, managed, typeOfAddress } from '../../facts/terraform/query.js';
import { gcpLeastPrivilege } from './gcp.js';
import { all, effectIs, includesStar, policyStatements, servicePrincipals } from '../../facts/terraform/policies.js';

const POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];
const ADMIN_ARN = /^arn:aws[a-z-]{0,20}:iam::aws:policy\/AdministratorAccess$/;

function policyVerdict(policy: TfAttribute | undefined, fallbackLine: number, where = 'policy'): Verdict {
  if (!policy) return PASS;
  const statements = policyStatements(policy.value);
  if (statements instanceof Unknown) return cannotJudge(`${where}: ${statements.reason}`, policy.line);
  const grants = statements.map((statement) => all(effectIs(statement, 'Allow'), includesStar(statement.actions), includesStar(statement.resources)));
  if (grants.includes(true)) return fail(`${where} allows every action ("*") on every resource ("*")`, policy.line ?? fallbackLine, 'star-star');
  const unknown = grants.find((grant): grant is Unknown => grant instanceof Unknown);
  return unknown ? cannotJudge(`${where} may allow "*" on "*": ${unknown.reason}`, policy.line) : PASS;
}

/** Whether a policy ARN names AdministratorAccess (literally or through a data.aws_iam_policy). */
function isAdministratorAccess(value: Value | undefined, facts: TerraformFacts): boolean | Unknown {
  if (typeof value === 'string') return ADMIN_ARN.test(value);
  if (value instanceof Unknown) return value;
  if (value instanceof Ref && typeOfAddress(value.address) === 'data.aws_iam_policy') {
    const source = findResource(facts, value.address);
    const name = source?.attributes.name?.value ?? source?.attributes.arn?.value;
    if (typeof name === 'string') return name === 'AdministratorAccess' || ADMIN_ARN.test(name);
    return name instanceof Unknown ? name : new Unknown(`${value.address} is not known statically`);
  }
  return false;
}

function anyAdministratorAccess(value: Value | undefined, facts: TerraformFacts): boolean | Unknown {
  if (!Array.isArray(value)) return isAdministratorAccess(value, facts);
  const verdicts = value.map((item) => isAdministratorAccess(item, facts));
  return verdicts.includes(true) || (verdicts.find((verdict): verdict is Unknown => verdict instanceof Unknown) ?? false);
}

/** The roles an attachment's `role`/`roles` argument names, or why that is not known. */
function rolesNamed(value: Value | undefined, roles: readonly TfResource[]): TfResource[] | Unknown {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const found: TfResource[] = [];
  for (const item of items) {
    if (item instanceof Unknown) return item;
    const role = item instanceof Ref ? roles.find((candidate) => candidate.blockAddress === item.address) : roles.find((candidate) => typeof item === 'string' && candidate.attributes.name?.value === item);
    if (!role) return new Unknown(`role ${item instanceof Ref ? item.text : String(item)} is not declared in this configuration`);
    found.push(role);
  }
  return found;
}

function adminAttachments(facts: TerraformFacts, roles: readonly TfResource[]): { byRole: Map<TfResource, { line: number; via: string }>; unknown: { resource: TfResource; verdict: Verdict }[] } {
  const byRole = new Map<TfResource, { line: number; via: string }>();
  const unknown: { resource: TfResource; verdict: Verdict }[] = [];
  for (const attachment of managed(facts, 'aws_iam_role_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_role_policy_attachments_exclusive')) {
    const arn = attachment.attributes.policy_arn ?? attachment.attributes.policy_arns;
    const admin = anyAdministratorAccess(arn?.value, facts);
    if (admin === false) continue;
    const targets = rolesNamed(attachment.attributes.role?.value ?? attachment.attributes.roles?.value ?? attachment.attributes.role_name?.value, roles);
    if (admin instanceof Unknown || targets instanceof Unknown) {
      const reason = admin instanceof Unknown ? `policy_arn: ${admin.reason}` : `which role gets AdministratorAccess: ${(targets as Unknown).reason}`;
      unknown.push({ resource: attachment, verdict: cannotJudge(reason, arn?.line) });
      continue;
    }
    for (const role of targets) byRole.set(role, { line: role.line, via: attachment.address });
  }
  for (const role of roles) {
    for (const name of ['managed_policy_arns']) {
      const list = role.attributes[name];
      const items = Array.isArray(list?.value) ? list.value : [];
      if (items.some((item) => isAdministratorAccess(item, facts) === true)) byRole.set(role, { line: list?.line ?? role.line, via: name });
    }
  }
  return { byRole, unknown };
}

function roleVerdict(role: TfResource, admin: { line: number; via: string } | undefined): Verdict {
  for (const inline of blocksOf(role, 'inline_policy')) {
    const verdict = policyVerdict(inline.attributes.policy, inline.line, 'inline_policy');
    if (verdict.outcome !== 'pass') return verdict;
  }
  if (!admin) return PASS;
  const trust = policyStatements(role.attributes.assume_role_policy?.value);
  if (trust instanceof Unknown) return cannotJudge(`AdministratorAccess is attached (${admin.via}) and who assumes the role is not known statically: ${trust.reason}`, role.attributes.assume_role_policy?.line);
  const services = servicePrincipals(trust);
  if (services instanceof Unknown) return cannotJudge(`AdministratorAccess is attached (${admin.via}) and who assumes the role is not known statically: ${services.reason}`, role.attributes.assume_role_policy?.line);
  if (services.length === 0) return PASS;
  return fail(`AdministratorAccess is attached (${admin.via}) to a role assumed by ${services.join(', ')}`, admin.line, 'service-admin');
}

export default defineControl({
  meta: {
    id: 'tf-iam-least-privilege',
    title: 'IAM policies grant least privilege',
    domain: 'terraform',
    severity: 'critical',
    rationale: 'A policy that allows every action on every resource, or AdministratorAccess on a role that a compromised workload can assume, turns any foothold into full account takeover.',
    remediation: 'List the actions and resources each principal needs instead of "*"; give service roles scoped policies rather than AdministratorAccess.',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const judged: { resource: TfResource; verdict: Verdict }[] = [];
    for (const policy of managed(terraform, ...POLICY_TYPES)) judged.push({ resource: policy, verdict: policyVerdict(policy.attributes.policy, policy.line) });
    const roles = managed(terraform, 'aws_iam_role');
    const { byRole, unknown } = adminAttachments(terraform, roles);
    for (const role of roles) judged.push({ resource: role, verdict: roleVerdict(role, byRole.get(role)) });
    judged.push(...unknown, ...gcpLeastPrivilege(terraform));
    return outcomeOf('tf-iam-least-privilege', terraform, judged, 'no IAM policies or roles in the Terraform configuration');
  },
});
