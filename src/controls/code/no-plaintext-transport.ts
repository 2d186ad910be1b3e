import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { codeScanFacts } from '../../facts/code/code-scan.js';
import { kubernetesFacts, type KubeResource } from '../../facts/kubernetes/kubernetes.js';
import { TEST_FILE } from '../../facts/code/source-files.js';
import { hitFinding } from './code-scan-outcome.js';

const ID = 'no-plaintext-transport';
/** Annotations by which a cloud load balancer terminates TLS for an Ingress that lists no `tls`. */
const TLS_AT_LOAD_BALANCER = /^(alb\.ingress\.kubernetes\.io\/certificate-arn|networking\.gke\.io\/managed-certificates|ingress\.gcp\.kubernetes\.io\/pre-shared-cert|service\.beta\.kubernetes\.io\/aws-load-balancer-ssl-cert|appgw\.ingress\.kubernetes\.io\/appgw-ssl-certificate|kubernetes\.digitalocean\.com\/certificate-id)$/;

export default defineControl({
  meta: {
    id: ID,
    title: 'Traffic is encrypted in transit and certificates are verified',
    domain: 'code',
    severity: 'high',
    rationale: 'Plaintext endpoints (http://, ws://, redis://, amqp:// …), TLS switched off and certificate verification disabled let anyone on the path read or change the traffic, credentials included.',
    remediation: 'Use https://, wss://, rediss://, amqps:// and sslmode=verify-full for every non-local endpoint; never disable certificate verification (trust the private CA instead); give every Ingress a tls section (or a load-balancer certificate annotation).',
    facts: ['code-scan', 'kubernetes'],
  },
  async check({ facts }) {
    const scan = (await facts(codeScanFacts))[ID];
    // Test fixtures hold bad examples on purpose, as for the source patterns.
    const ingresses = (await facts(kubernetesFacts)).resources.filter((resource) => resource.kind === 'Ingress' && !TEST_FILE.test(resource.file));
    if ((!scan || scan.filesExamined === 0) && ingresses.length === 0) return notApplicable('no source, configuration or Ingress to examine');
    const findings: FindingInput[] = (scan?.hits ?? []).map((hit) => hitFinding(hit));
    for (const ingress of ingresses) {
      const finding = ingressWithoutTls(ingress);
      if (finding) findings.push(finding);
    }
    return evaluated(findings, `${scan?.filesExamined ?? 0} files and ${ingresses.length} Ingress objects examined`);
  },
});

function ingressWithoutTls(ingress: KubeResource): FindingInput | undefined {
  const spec = ingress.value.spec;
  const tls = typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? (spec as Record<string, unknown>).tls : undefined;
  if (Array.isArray(tls) && tls.length > 0) return undefined;
  const metadata = ingress.value.metadata;
  const annotations = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? (metadata as Record<string, unknown>).annotations : undefined;
  if (typeof annotations === 'object' && annotations !== null && Object.keys(annotations).some((name) => TLS_AT_LOAD_BALANCER.test(name))) return undefined;
  const line = ingress.lineOf(['spec']) ?? ingress.line;
  const finding: FindingInput = { message: `Ingress ${ingress.name} serves plain HTTP: it has no spec.tls`, file: ingress.file, line, resource: ingress.address, key: 'ingress-without-tls', properties: { rule: 'ingress-without-tls' } };
  const waiver = ingress.waiver(ID, [line]);
  if (waiver) finding.suppressed = waiver;
  return finding;
}
