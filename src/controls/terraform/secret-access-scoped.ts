import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { Unknown, terraformFacts, type TfAttribute } from '../../facts/terraform/terraform.js';
import { parseVaultPolicy, vaultPoliciesFacts, type VaultRule } from '../../facts/terraform/vault-policies.js';
import { at, kubernetesFacts, type KubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding } from '../kubernetes/workload-finding.js';
import { POLICY_TYPES, grantedActions } from '../../facts/terraform/iam.js';
import { PASS, cannotJudge, fail, judgedFindings, remoteModulesNote, type Judged, type Verdict } from './judge.js';
import { blocksOf, managed } from '../../facts/terraform/query.js';
import { policyStatements } from '../../facts/terraform/policies.js';
import { unscopedResource, vaultPathUnscoped } from './secret-grants.js';

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

/** Vault rules that read everything or a whole mount, or cannot be judged. */
function vaultProblems(rules: readonly VaultRule[]): { wide: VaultRule[]; unclear: VaultRule[] } {
  const wide: VaultRule[] = [];
  const unclear: VaultRule[] = [];
  for (const rule of rules) {
    if (!vaultPathUnscoped(rule.path)) continue;
    if (!rule.capabilities) unclear.push(rule);
    else if (rule.capabilities.includes('read') && !rule.capabilities.includes('deny')) wide.push(rule);
  }
  return { wide, unclear };
}

const wideMessage = (wide: readonly VaultRule[]): string => `grants read on ${wide.map((rule) => `path "${rule.path}"`).join(', ')}: every secret of the mount (or of Vault)`;

/** A vault_policy resource: its policy text parsed as a Vault policy. */
function vaultPolicyResource(policy: TfAttribute | undefined): Verdict {
  const text = policy?.value;
  if (text instanceof Unknown) return cannotJudge(`the policy is not known statically: ${text.reason}`, policy?.line);
  if (typeof text !== 'string') return cannotJudge('the policy is not text tenet can read', policy?.line);
  let rules: VaultRule[];
  try {
    rules = parseVaultPolicy(text);
  } catch {
    return cannotJudge('the policy text is not valid HCL', policy?.line);
  }
  const { wide, unclear } = vaultProblems(rules);
  if (wide.length > 0) return fail(wideMessage(wide), policy?.line, `vault:${wide.map((rule) => rule.path).join(',')}`);
  return unclear.length > 0 ? cannotJudge(`capabilities of path "${unclear[0]?.path ?? ''}" are not a literal list`, policy?.line) : PASS;
}

/** Containers that import every key of a Secret (`envFrom: secretRef`) instead of the keys they need. */
function wholeSecretImports(kube: KubernetesFacts): FindingInput[] {
  const findings: FindingInput[] = [];
  for (const workload of kube.workloads) {
    for (const container of workload.containers) {
      const sources = at(container.value, ['envFrom']);
      if (!Array.isArray(sources)) continue;
      sources.forEach((source, index) => {
        const name = at(source, ['secretRef', 'name']);
        if (name === undefined) return;
        findings.push(
          containerFinding(ID, workload, container, {
            message: `takes every key of Secret '${String(name)}' (envFrom secretRef): reference the keys it needs with secretKeyRef`,
            path: [...container.path, 'envFrom', index, 'secretRef'],
            key: `envFrom:${String(name)}`,
          }),
        );
      });
    }
  }
  return findings;
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
      'List the ARNs (or a path prefix such as parameter/app/*) of the secrets each principal needs in statements granting secretsmanager:GetSecretValue, ssm:GetParameter* and kms:Decrypt, instead of "*"; give Vault policies read on the paths an application needs, not "*" or a whole mount; in Kubernetes, take single keys with secretKeyRef rather than envFrom a whole Secret.',
    facts: ['terraform', 'vault-policies', 'kubernetes'],
  },
  async check({ facts }) {
    const [terraform, vault, kube] = await Promise.all([facts(terraformFacts), facts(vaultPoliciesFacts), facts(kubernetesFacts)]);
    const judged: Judged[] = managed(terraform, ...POLICY_TYPES).map((resource) => ({ resource, verdict: readScope(resource.attributes.policy, 'the policy') }));
    for (const role of managed(terraform, 'aws_iam_role')) {
      const inline = blocksOf(role, 'inline_policy');
      if (inline.length === 0) continue;
      const verdicts = inline.map((block) => readScope(block.attributes.policy, 'inline_policy'));
      judged.push({ resource: role, verdict: verdicts.find((verdict) => verdict.outcome === 'fail') ?? verdicts.find((verdict) => verdict.outcome === 'unknown') ?? PASS });
    }
    judged.push(...managed(terraform, 'vault_policy').map((resource) => ({ resource, verdict: vaultPolicyResource(resource.attributes.policy) })));
    const findings: FindingInput[] = judgedFindings(ID, terraform, judged);
    for (const policy of vault.policies) {
      const { wide, unclear } = vaultProblems(policy.rules);
      const first = wide[0] ?? unclear[0];
      if (!first) continue;
      const finding: FindingInput = wide.length > 0
        ? { message: `${policy.file}: ${wideMessage(wide)}`, key: `vault:${wide.map((rule) => rule.path).join(',')}` }
        : { message: `${policy.file}: capabilities of path "${first.path}" are not a literal list`, key: 'vault-unknown', outcome: 'unknown' };
      const suppressed = policy.waiver(ID, first.line);
      findings.push({ ...finding, file: policy.file, line: first.line, resource: policy.file, ...(suppressed ? { suppressed } : {}) });
    }
    findings.push(...wholeSecretImports(kube));
    const subjects = judged.length + vault.policies.length + kube.workloads.length;
    if (subjects === 0) return notApplicable('no IAM or Vault policies and no Kubernetes workloads in the repository');
    return evaluated(findings, `${judged.length} Terraform resource(s), ${vault.policies.length} Vault policy file(s) and ${kube.workloads.length} Kubernetes workload(s) judged${remoteModulesNote(terraform)}`);
  },
});
