import { at, isPlaceholder, type KubeResource } from '../../facts/kubernetes.js';

/** The HorizontalPodAutoscaler that scales a workload, matched by namespace and scaleTargetRef kind and name. */
export function autoscalerOf(resources: readonly KubeResource[], workload: KubeResource): KubeResource | undefined {
  return resources.find(
    (resource) =>
      resource.kind === 'HorizontalPodAutoscaler' &&
      resource.namespace === workload.namespace &&
      at(resource.value, ['spec', 'scaleTargetRef', 'kind']) === workload.kind &&
      at(resource.value, ['spec', 'scaleTargetRef', 'name']) === workload.name,
  );
}

export type ReplicaCount = { known: true; min: number; max: number; source: string } | { known: false; reason: string };

/**
 * How many replicas a workload runs: its autoscaler's bounds when one targets it (minReplicas
 * defaults to 1), else `spec.replicas` (default 1).
 */
export function replicasOf(resources: readonly KubeResource[], workload: KubeResource): ReplicaCount {
  const autoscaler = autoscalerOf(resources, workload);
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
