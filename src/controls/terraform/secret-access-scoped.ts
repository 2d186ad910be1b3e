import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts, type TfAttribute } from '../../facts/terraform.js';
import { POLICY_TYPES, grantedActions } from './iam.js';
import { PASS, blocksOf, cannotJudge, fail, managed, outcomeOf, type Judged, type Verdict } from './judge.js';
import { policyStatements } from './policies.js';
import { unscopedResource } from './secret-grants.js';

const ID = 'secret-access-scoped';
const SECRET_READS = ['secretsmanager:GetSecretValue', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'kms:Decrypt'];

/** Fails a policy that lets its holder read every secret, parameter or key of the account. */
function readScope(policy: TfAttribute | undefined, where: string): Verdict {
  const statements = policyStatements(policy?.value);
  if (statements instanceof Unknown) return cannotJudge(`${where} is not known statically: ${statements.reason}`, policy?.line);
  let unknown: Unknown | undefined;
  for (const statement of statements) {
    const { granted, unknown: maybe } = grantedActions(statement, SECRET_READS);
    if (granted.length === 0) {
      unknown ??= maybe;
      continue;
    }
    const scope = unscopedResource(statement);
    if (scope === true) return fail(`${where} grants ${granted.join(', ')} on every resource ("*" or a whole-account wildcard)`, policy?.line, `unscoped:${granted.join(',')}`);
    if (scope instanceof Unknown) unknown ??= scope;
  }
  return unknown ? cannotJudge(`${where} may grant secret reads on every resource: ${unknown.reason}`, policy?.line) : PASS;
}

export default defineControl({
  meta: {
    id: ID,
    title: 'Secret reads are granted on specific secrets',
    domain: 'terraform',
    severity: 'high',
    rationale:
      'A workload that may read every secret, parameter or key in the account turns one compromised service into the compromise of all of them; grants that name the secrets a service needs keep the blast radius to that service.',
    remediation:
      'List the ARNs (or a path prefix such as parameter/app/*) of the secrets each principal needs in statements granting secretsmanager:GetSecretValue, ssm:GetParameter* and kms:Decrypt, instead of "*".',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const judged: Judged[] = managed(terraform, ...POLICY_TYPES).map((resource) => ({ resource, verdict: readScope(resource.attributes.policy, 'the policy') }));
    for (const role of managed(terraform, 'aws_iam_role')) {
      const inline = blocksOf(role, 'inline_policy');
      if (inline.length === 0) continue;
      const verdicts = inline.map((block) => readScope(block.attributes.policy, 'inline_policy'));
      judged.push({ resource: role, verdict: verdicts.find((verdict) => verdict.outcome === 'fail') ?? verdicts.find((verdict) => verdict.outcome === 'unknown') ?? PASS });
    }
    return outcomeOf(ID, terraform, judged, 'no IAM policies in the Terraform configuration (Vault policies and Kubernetes secret references are not read by this control)');
  },
});
