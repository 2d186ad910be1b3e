import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { isPlaceholder, kubernetesFacts } from '../../facts/kubernetes.js';
import { containerFinding, securitySetting, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-no-privilege-escalation';

export default defineControl({
  meta: {
    id: ID,
    title: 'No container is privileged or may escalate privileges',
    domain: 'kubernetes',
    severity: 'high',
    rationale: 'A privileged container has every capability and the host devices; allowing privilege escalation lets setuid binaries regain what the container was denied.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on each container and remove `privileged: true`.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    if (kube.workloads.length === 0) return withoutSubjects(kube, 'workload');
    const findings: FindingInput[] = [];
    for (const workload of kube.workloads) {
      for (const container of workload.containers) {
        const privileged = securitySetting(workload, container, 'privileged', false);
        const escalation = securitySetting(workload, container, 'allowPrivilegeEscalation', false);
        const dynamic = [privileged, escalation].find((setting) => isPlaceholder(setting?.value));
        if (privileged?.value === true) {
          findings.push(containerFinding(ID, workload, container, { message: 'runs privileged (privileged: true)', path: privileged.path, key: 'privileged' }));
        } else if (dynamic) {
          findings.push(containerFinding(ID, workload, container, { message: `${String(dynamic.path[dynamic.path.length - 1])} is ${String(dynamic.value)}, known only at deploy time`, path: dynamic.path, key: 'dynamic', outcome: 'unknown' }));
        } else if (escalation?.value !== false) {
          findings.push(containerFinding(ID, workload, container, { message: escalation ? `allowPrivilegeEscalation is ${String(escalation.value)}` : 'allowPrivilegeEscalation is not set to false', path: escalation?.path, key: 'escalation' }));
        }
      }
    }
    return evaluated(findings);
  },
});
