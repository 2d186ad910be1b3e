import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { ipAccessFacts } from '../../facts/code/ip-access/ip-access.js';
import { kubernetesFacts, type KubeResource } from '../../facts/kubernetes/kubernetes.js';
import { TEST_FILE } from '../../facts/code/source-files.js';

const ID = 'no-ip-only-access-control';
const ALLOW_LIST = /^(nginx\.ingress\.kubernetes\.io\/(whitelist|allowlist)-source-range|alb\.ingress\.kubernetes\.io\/inbound-cidrs)$/;
const AUTHENTICATION = /^(nginx\.ingress\.kubernetes\.io\/(auth-url|auth-type|auth-tls-secret|auth-signin)|alb\.ingress\.kubernetes\.io\/auth-type)$/;

export default defineControl({
  meta: {
    id: ID,
    title: 'No access gate relies on the source IP alone',
    domain: 'code',
    severity: 'medium',
    rationale: 'An address allow-list is not an identity: addresses are shared (NAT, VPN, cloud egress), reassigned and spoofable from inside the network, so a gate that checks nothing else lets in everyone who shares them.',
    remediation: 'Put authentication in front of the resource (auth_request/auth_basic, Require valid-user, the ingress auth-url/auth-type annotations, IAM principals in resource policies) and keep the address list as a second layer.',
    facts: ['ip-access', 'kubernetes'],
  },
  async check({ facts }) {
    const { webServerConfigs, policyDocuments, gates } = await facts(ipAccessFacts);
    // Test fixtures hold bad examples on purpose, as for the source patterns.
    const ingresses = (await facts(kubernetesFacts)).resources.filter((resource) => resource.kind === 'Ingress' && !TEST_FILE.test(resource.file));
    if (webServerConfigs === 0 && policyDocuments === 0 && ingresses.length === 0) {
      return notApplicable('no nginx or Apache configuration, Ingress, or JSON resource policy naming aws:SourceIp (Terraform HCL policies are not read by this control)');
    }
    const findings: FindingInput[] = gates.map((gate) => ({
      message: `${gate.kind} ${gate.subject} admits by source address only (${gate.addresses}) with no authentication`,
      file: gate.file,
      line: gate.line,
      key: `${gate.kind}:${gate.subject}`,
      properties: { rule: gate.kind },
    }));
    for (const ingress of ingresses) {
      const finding = ingressAllowListOnly(ingress);
      if (finding) findings.push(finding);
    }
    return evaluated(findings, `${webServerConfigs} web-server configs, ${ingresses.length} Ingress objects, ${policyDocuments} JSON resource policies examined (Terraform HCL policies are not read by this control)`);
  },
});

function ingressAllowListOnly(ingress: KubeResource): FindingInput | undefined {
  const metadata = ingress.value.metadata;
  const annotations = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? (metadata as Record<string, unknown>).annotations : undefined;
  if (typeof annotations !== 'object' || annotations === null) return undefined;
  const names = Object.keys(annotations);
  const allowList = names.find((name) => ALLOW_LIST.test(name));
  if (!allowList || names.some((name) => AUTHENTICATION.test(name) && (annotations as Record<string, unknown>)[name] !== 'none')) return undefined;
  const line = ingress.lineOf(['metadata', 'annotations', allowList]) ?? ingress.line;
  const finding: FindingInput = { message: `Ingress ${ingress.name} admits by source address only (${allowList}) with no auth annotation`, file: ingress.file, line, resource: ingress.address, key: allowList, properties: { rule: 'ingress' } };
  const waiver = ingress.waiver(ID, [line]);
  if (waiver) finding.suppressed = waiver;
  return finding;
}
