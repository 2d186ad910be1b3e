import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { isPlaceholder, kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { resourceFinding, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-no-host-namespaces';
const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export default defineControl({
  meta: {
    id: ID,
    title: 'No pod shares the host network, PID or IPC namespace',
    domain: 'kubernetes',
    severity: 'high',
    rationale: "A pod in the host's namespaces sees and can signal the node's processes, sniff its network traffic and reach services bound to localhost.",
    remediation: 'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false) from the pod spec.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    if (kube.workloads.length === 0) return withoutSubjects(kube, 'workload');
    const findings: FindingInput[] = [];
    for (const workload of kube.workloads) {
      const shared = HOST_NAMESPACES.filter((field) => workload.podSpec[field] === true);
      const dynamic = HOST_NAMESPACES.filter((field) => isPlaceholder(workload.podSpec[field]));
      const first = shared[0] ?? dynamic[0];
      if (first === undefined) continue;
      findings.push(resourceFinding(ID, workload.resource, {
        message: shared.length > 0 ? `the pod shares the host's namespaces (${shared.map((field) => `${field}: true`).join(', ')})` : `${dynamic.join(', ')} known only at deploy time`,
        path: [...workload.podSpecPath, first],
        key: shared.length > 0 ? shared.join(',') : 'dynamic',
        outcome: shared.length > 0 ? 'fail' : 'unknown',
      }));
    }
    return evaluated(findings);
  },
});
