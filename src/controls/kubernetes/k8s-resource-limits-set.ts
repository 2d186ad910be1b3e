import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { at, kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, containerPath, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-resource-limits-set';
const REQUIRED = [['requests', 'cpu'], ['requests', 'memory'], ['limits', 'cpu'], ['limits', 'memory']] as const;

export default defineControl({
  meta: {
    id: ID,
    title: 'Every container sets CPU and memory requests and limits',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'A container without limits can starve its neighbours on the node (a noisy neighbour or a denial of service); without requests the scheduler cannot place it sensibly.',
    remediation: 'Set `resources.requests.cpu`, `resources.requests.memory`, `resources.limits.cpu` and `resources.limits.memory` on every container and init container.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    if (kube.workloads.length === 0) return withoutSubjects(kube, 'workload');
    const findings: FindingInput[] = [];
    for (const workload of kube.workloads) {
      // Ephemeral (debug) containers cannot declare resources: the API rejects them.
      for (const container of workload.containers.filter((candidate) => candidate.kind !== 'ephemeralContainer')) {
        const missing = REQUIRED.filter((path) => {
          const value = at(container.value, ['resources', ...path]);
          return value === undefined || value === null || value === '';
        }).map((path) => path.join('.'));
        if (missing.length === 0) continue;
        const hasResources = at(container.value, ['resources']) !== undefined;
        findings.push(containerFinding(ID, workload, container, {
          message: `no ${missing.join(', ')}`,
          path: hasResources ? containerPath(container, 'resources') : undefined,
          key: missing.join(','),
        }));
      }
    }
    return evaluated(findings);
  },
});
