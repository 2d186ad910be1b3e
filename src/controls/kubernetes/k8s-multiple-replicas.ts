import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { indexAutoscalers, replicasOf } from './scaling.js';
import { resourceFinding, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-multiple-replicas';
const REPLICATED = new Set(['Deployment', 'StatefulSet']);

export default defineControl({
  meta: {
    id: ID,
    title: 'Deployments and StatefulSets run several replicas or are autoscaled above one',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'A single replica is a single point of failure: every node drain, eviction, crash or rollout is an outage.',
    remediation: 'Set `spec.replicas` to at least the minimum, or target the workload with a HorizontalPodAutoscaler whose `minReplicas` is at least the minimum.',
    params: {
      minReplicas: { type: 'number', default: 2, minimum: 1, description: 'The fewest replicas a Deployment or StatefulSet may run.' },
    },
    facts: ['kubernetes'],
  },
  async check({ facts, params }) {
    const kube = await facts(kubernetesFacts);
    const workloads = kube.workloads.filter((workload) => REPLICATED.has(workload.resource.kind));
    if (workloads.length === 0) return withoutSubjects(kube, 'Deployment or StatefulSet');
    const autoscalers = indexAutoscalers(kube.resources);
    const findings: FindingInput[] = [];
    for (const { resource } of workloads) {
      const replicas = replicasOf(autoscalers, resource);
      const path = ['spec', 'replicas'];
      if (!replicas.known) {
        findings.push(resourceFinding(ID, resource, { message: replicas.reason, path, key: 'dynamic', outcome: 'unknown' }));
      } else if (replicas.min < params.minReplicas) {
        const how = replicas.source === 'spec.replicas' ? `runs ${replicas.min} replica(s)` : `is autoscaled by ${replicas.source} down to ${replicas.min} replica(s)`;
        findings.push(resourceFinding(ID, resource, { message: `${how}; at least ${params.minReplicas} required`, path, key: 'too-few' }));
      }
    }
    return evaluated(findings);
  },
});
