import { at, isPlaceholder, type KubeResource } from '../../facts/kubernetes/kubernetes.js';

/** HorizontalPodAutoscalers by the workload they target: `namespace/Kind/name` of scaleTargetRef. */
export type AutoscalerIndex = ReadonlyMap<string, KubeResource>;

export function indexAutoscalers(resources: readonly KubeResource[]): AutoscalerIndex {
  const index = new Map<string, KubeResource>();
  for (const resource of resources) {
    if (resource.kind !== 'HorizontalPodAutoscaler') continue;
    const kind = at(resource.value, ['spec', 'scaleTargetRef', 'kind']);
    const name = at(resource.value, ['spec', 'scaleTargetRef', 'name']);
    if (typeof kind === 'string' && typeof name === 'string') index.set(`${resource.namespace}/${kind}/${name}`, resource);
  }
  return index;
}

export type ReplicaCount = { known: true; min: number; max: number; source: string } | { known: false; reason: string };

/**
 * How many replicas a workload runs: its autoscaler's bounds when one targets it (same namespace,
 * scaleTargetRef kind and name; minReplicas defaults to 1), else `spec.replicas` (default 1).
 */
export function replicasOf(autoscalers: AutoscalerIndex, workload: KubeResource): ReplicaCount {
  const autoscaler = autoscalers.get(`${workload.namespace}/${workload.kind}/${workload.name}`);
  if (autoscaler) {
    const min = at(autoscaler.value, ['spec', 'minReplicas']) ?? 1;
    const max = at(autoscaler.value, ['spec', 'maxReplicas']);
    if (typeof min !== 'number' || typeof max !== 'number') return { known: false, reason: `${autoscaler.address} has replica bounds known only at deploy time` };
    return { known: true, min, max, source: autoscaler.address };
  }
  const replicas = at(workload.value, ['spec', 'replicas']) ?? 1;
  if (typeof replicas !== 'number') {
    return { known: false, reason: isPlaceholder(replicas) ? `replicas ${replicas} is known only at deploy time` : `replicas is not a number (${String(replicas)})` };
  }
  return { known: true, min: replicas, max: replicas, source: 'spec.replicas' };
}
