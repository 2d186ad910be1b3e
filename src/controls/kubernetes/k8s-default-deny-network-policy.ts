import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { at, isObject, isPlaceholder, kubernetesFacts, type KubeResource, type KubeWorkload } from '../../facts/kubernetes/kubernetes.js';
import { resourceFinding, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-default-deny-network-policy';
const DIRECTIONS = ['Ingress', 'Egress'] as const;
type Direction = (typeof DIRECTIONS)[number];

export default defineControl({
  meta: {
    id: ID,
    title: 'Every namespace with workloads has a default-deny NetworkPolicy for ingress and egress',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'Without a policy selecting every pod, any pod may talk to any other: one compromised pod reaches every service in the cluster, the "inside" that zero trust says does not exist.',
    remediation: 'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress, Egress]` to each namespace, then allow the traffic each workload needs with narrower policies.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    if (kube.workloads.length === 0) return withoutSubjects(kube, 'workload');
    const byNamespace = new Map<string, KubeWorkload[]>();
    for (const workload of kube.workloads) byNamespace.set(workload.resource.namespace, [...(byNamespace.get(workload.resource.namespace) ?? []), workload]);
    const policies = kube.resources.filter((resource) => resource.kind === 'NetworkPolicy');
    // A policy left in an unread template may be the one missing here.
    const unread = kube.helmTemplates.length + kube.malformed.length > 0;
    const findings: FindingInput[] = [];
    for (const [namespace, workloads] of byNamespace) {
      const first = workloads[0];
      if (!first) continue;
      const inNamespace = policies.filter((policy) => policy.namespace === namespace);
      const covered = new Set(inNamespace.flatMap(deniedByDefault));
      const missing = DIRECTIONS.filter((direction) => !covered.has(direction));
      if (missing.length === 0) continue;
      const dynamic = isPlaceholder(namespace) || inNamespace.some((policy) => isPlaceholder(at(policy.value, ['spec', 'policyTypes'])));
      const what = `namespace '${namespace}' (${workloads.length} workload(s)) has no default-deny NetworkPolicy for ${missing.join(' and ')}`;
      const anchor = inNamespace.find((policy) => selectsAllPods(policy)) ?? first.resource;
      findings.push(resourceFinding(ID, anchor, {
        message: dynamic ? `${what}; its namespace or policy types are known only at deploy time` : unread ? `${what} in the manifests read; some were not analysed (see errors)` : what,
        path: anchor === first.resource ? undefined : ['spec', 'policyTypes'],
        key: `namespace:${namespace}`,
        ...(dynamic || unread ? { outcome: 'unknown' as const } : {}),
      }));
    }
    return evaluated(findings);
  },
});

/**
 * `podSelector: {}` (or with empty matchLabels/matchExpressions) selects every pod of the namespace;
 * so does a null or omitted selector, which the API server decodes to the empty one.
 */
function selectsAllPods(policy: KubeResource): boolean {
  const selector = at(policy.value, ['spec', 'podSelector']);
  if (selector === undefined || selector === null) return true;
  if (!isObject(selector)) return false;
  return Object.values(selector).every((value) => value === null || (Array.isArray(value) ? value.length === 0 : isObject(value) && Object.keys(value).length === 0));
}

/**
 * The directions a policy denies by default: it selects every pod, lists the direction in its
 * policyTypes (Ingress implied when absent, Egress when an egress section exists), and has no rule
 * allowing everything (`- {}`). Narrow allow rules keep it a default-deny with exceptions.
 */
function deniedByDefault(policy: KubeResource): Direction[] {
  if (!selectsAllPods(policy)) return [];
  const spec = at(policy.value, ['spec']);
  if (!isObject(spec)) return [];
  const declared = Array.isArray(spec.policyTypes) ? spec.policyTypes.filter((type): type is string => typeof type === 'string') : spec.egress === undefined ? ['Ingress'] : ['Ingress', 'Egress'];
  return DIRECTIONS.filter((direction) => {
    if (!declared.includes(direction)) return false;
    const rules = spec[direction.toLowerCase()];
    return !(Array.isArray(rules) && rules.some((rule) => isObject(rule) && Object.keys(rule).length === 0));
  });
}
