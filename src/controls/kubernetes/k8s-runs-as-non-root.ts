import { defineControl } from '../../engine/control.js';
import { isPlaceholder, kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, securitySetting, judgeEachContainer } from './workload-finding.js';

const ID = 'k8s-runs-as-non-root';

export default defineControl({
  meta: {
    id: ID,
    title: 'Every container runs as a non-root user',
    domain: 'kubernetes',
    severity: 'high',
    rationale: 'A container process running as root is one container escape away from root on the node, and can modify its own filesystem and binaries.',
    remediation: 'Set `securityContext.runAsNonRoot: true` (and a non-zero `runAsUser`) on the pod, or on each container, init containers included.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    return judgeEachContainer(kube, (workload, container, report) => {
      const nonRoot = securitySetting(workload, container, 'runAsNonRoot');
      const user = securitySetting(workload, container, 'runAsUser');
      const dynamic = [nonRoot, user].find((setting) => isPlaceholder(setting?.value));
      if (dynamic) {
        report(containerFinding(ID, workload, container, { message: `runs as ${String(dynamic.value)}, known only at deploy time`, path: dynamic.path, key: 'dynamic', outcome: 'unknown' }));
      } else if (user?.value === 0 || user?.value === '0') {
        report(containerFinding(ID, workload, container, { message: 'runs as root (runAsUser: 0)', path: user.path, key: 'uid-0' }));
      } else if (nonRoot?.value !== true && !(typeof user?.value === 'number' && user.value > 0)) {
        report(containerFinding(ID, workload, container, {
          message: nonRoot?.value === false ? 'runAsNonRoot is false and no non-root runAsUser is set' : 'neither runAsNonRoot: true nor a non-root runAsUser is set (pod or container securityContext)',
          path: nonRoot?.path,
          key: 'not-enforced',
        }));
      }
    });
  },
});
