import { defineControl } from '../../engine/control.js';
import { isPlaceholder, kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, securitySetting, judgeEachContainer } from './workload-finding.js';

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
    return judgeEachContainer(kube, (workload, container, report) => {
      const privileged = securitySetting(workload, container, 'privileged', false);
      const escalation = securitySetting(workload, container, 'allowPrivilegeEscalation', false);
      const dynamic = [privileged, escalation].find((setting) => isPlaceholder(setting?.value));
      if (privileged?.value === true) {
        report(containerFinding(ID, workload, container, { message: 'runs privileged (privileged: true)', path: privileged.path, key: 'privileged' }));
      } else if (dynamic) {
        report(containerFinding(ID, workload, container, { message: `${String(dynamic.path[dynamic.path.length - 1])} is ${String(dynamic.value)}, known only at deploy time`, path: dynamic.path, key: 'dynamic', outcome: 'unknown' }));
      } else if (escalation?.value !== false) {
        report(containerFinding(ID, workload, container, { message: escalation ? `allowPrivilegeEscalation is ${String(escalation.value)}` : 'allowPrivilegeEscalation is not set to false', path: escalation?.path, key: 'escalation' }));
      }
    });
  },
});
