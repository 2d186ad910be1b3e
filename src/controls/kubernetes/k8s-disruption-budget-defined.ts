import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { at, isObject, kubernetesFacts, type KubeResource } from '../../facts/kubernetes/kubernetes.js';
import { indexAutoscalers, replicasOf } from './scaling.js';
import { resourceFinding, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-disruption-budget-defined';
const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

export default defineControl({
  meta: {
    id: ID,
    title: 'Every multi-replica workload has a PodDisruptionBudget that allows a disruption',
    domain: 'kubernetes',
    severity: 'low',
    rationale: 'Without a budget a node drain can evict every replica at once; a budget that allows no disruption blocks drains and upgrades altogether.',
    remediation: 'Add a PodDisruptionBudget (policy/v1) whose selector matches the pod labels, with `maxUnavailable: 1` or a `minAvailable` below the replica count.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    const autoscalers = indexAutoscalers(kube.resources);
    const budgetsByNamespace = new Map<string, KubeResource[]>();
    for (const budget of kube.resources.filter((resource) => resource.kind === 'PodDisruptionBudget')) {
      const inNamespace = budgetsByNamespace.get(budget.namespace);
      if (inNamespace) inNamespace.push(budget);
      else budgetsByNamespace.set(budget.namespace, [budget]);
    }
    const findings: FindingInput[] = [];
    let applicable = 0;
    for (const workload of kube.workloads.filter((candidate) => REPLICATED.has(candidate.resource.kind))) {
      const { resource } = workload;
      const replicas = replicasOf(autoscalers, resource);
      if (replicas.known && replicas.max < 2) continue;
      applicable++;
      const matching = (budgetsByNamespace.get(resource.namespace) ?? []).filter((budget) => selects(at(budget.value, ['spec', 'selector']), workload.podLabels));
      if (matching.length === 0) {
        findings.push(resourceFinding(ID, resource, { message: `no PodDisruptionBudget in namespace ${resource.namespace} selects its pods`, key: 'missing' }));
        continue;
      }
      if (!replicas.known) {
        findings.push(resourceFinding(ID, resource, { message: `cannot tell whether ${matching[0]?.address ?? 'its budget'} allows a disruption: ${replicas.reason}`, key: 'dynamic', outcome: 'unknown' }));
        continue;
      }
      const verdicts = matching.map((budget) => ({ budget, allowed: allowedDisruptions(budget, replicas.min) }));
      if (verdicts.some((verdict) => verdict.allowed === undefined || verdict.allowed >= 1)) {
        if (verdicts.every((verdict) => verdict.allowed === undefined)) {
          findings.push(resourceFinding(ID, resource, { message: `${verdicts.map((verdict) => verdict.budget.address).join(', ')} has a budget known only at deploy time`, key: 'dynamic', outcome: 'unknown' }));
        }
        continue;
      }
      const budget = matching[0] as KubeResource;
      findings.push(resourceFinding(ID, resource, {
        message: `${matching.map((entry) => `${entry.address} (${entry.file}:${entry.line})`).join(', ')} allows no voluntary disruption at ${replicas.min} replica(s)`,
        key: `blocking:${budget.address}`,
      }));
    }
    if (applicable === 0) return withoutSubjects(kube, 'multi-replica workload');
    return evaluated(findings);
  },
});

/** Evictions a budget allows with `replicas` healthy pods, or undefined when its values are not static. */
function allowedDisruptions(budget: KubeResource, replicas: number): number | undefined {
  const maxUnavailable = at(budget.value, ['spec', 'maxUnavailable']);
  const minAvailable = at(budget.value, ['spec', 'minAvailable']);
  if (maxUnavailable !== undefined) {
    const count = scaled(maxUnavailable, replicas);
    return count === undefined ? undefined : Math.min(count, replicas);
  }
  if (minAvailable !== undefined) {
    const count = scaled(minAvailable, replicas);
    return count === undefined ? undefined : Math.max(0, replicas - count);
  }
  // policy/v1 with neither field defaults to minAvailable: 1.
  return Math.max(0, replicas - 1);
}

/** An int-or-percent value against a replica count; Kubernetes rounds PDB percentages up. */
function scaled(value: unknown, replicas: number): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const percent = /^(\d{1,3})%$/.exec(value.trim());
  if (!percent) return /^\d{1,9}$/.test(value.trim()) ? Number(value) : undefined;
  return Math.ceil((replicas * Number(percent[1])) / 100);
}

/** Whether a label selector (matchLabels and matchExpressions) selects pods with these labels. */
export function selects(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (labels[key] !== String(value)) return false;
  }
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const expression of expressions) {
    if (!isObject(expression) || typeof expression.key !== 'string') return false;
    const actual = labels[expression.key];
    const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
    switch (expression.operator) {
      case 'In':
        if (actual === undefined || !values.includes(actual)) return false;
        break;
      case 'NotIn':
        if (actual !== undefined && values.includes(actual)) return false;
        break;
      case 'Exists':
        if (actual === undefined) return false;
        break;
      case 'DoesNotExist':
        if (actual !== undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
