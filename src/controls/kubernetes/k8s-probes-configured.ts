import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { kubernetesFacts, type KubeWorkload } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-probes-configured';
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

export default defineControl({
  meta: {
    id: ID,
    title: 'Long-running workloads define liveness and readiness probes',
    domain: 'kubernetes',
    severity: 'low',
    rationale: 'Without a readiness probe traffic reaches pods that cannot serve it; without a liveness probe a hung process is never restarted.',
    remediation: 'Add `livenessProbe` and `readinessProbe` (httpGet, tcpSocket, grpc or exec) to every container of Deployments, StatefulSets, DaemonSets and long-running Pods.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    const longRunning = kube.workloads.filter(isLongRunning);
    if (longRunning.length === 0) return withoutSubjects(kube, 'long-running workload');
    const findings: FindingInput[] = [];
    for (const workload of longRunning) {
      for (const container of workload.containers.filter((candidate) => candidate.kind === 'container')) {
        const missing = ['livenessProbe', 'readinessProbe'].filter((probe) => container.value[probe] === undefined || container.value[probe] === null);
        if (missing.length > 0) findings.push(containerFinding(ID, workload, container, { message: `no ${missing.join(' or ')}`, key: missing.join(',') }));
      }
    }
    return evaluated(findings);
  },
});

/** Jobs run to completion, and so do bare Pods that are not restarted: probes do not apply to them. */
function isLongRunning(workload: KubeWorkload): boolean {
  if (LONG_RUNNING.has(workload.resource.kind)) return true;
  if (workload.resource.kind !== 'Pod') return false;
  const restartPolicy = workload.podSpec.restartPolicy;
  return restartPolicy === undefined || restartPolicy === 'Always';
}
