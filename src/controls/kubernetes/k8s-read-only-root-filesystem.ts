import { defineControl } from '../../engine/control.js';
import { isPlaceholder, kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, securitySetting, judgeEachContainer } from './workload-finding.js';

const ID = 'k8s-read-only-root-filesystem';

export default defineControl({
  meta: {
    id: ID,
    title: 'Every container has a read-only root filesystem',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'A writable root filesystem lets an intruder drop tools, alter binaries and persist for the life of the container.',
    remediation: 'Set `securityContext.readOnlyRootFilesystem: true` on each container and mount an `emptyDir` where the application must write (e.g. /tmp).',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    return judgeEachContainer(kube, (workload, container, report) => {
      // A pod securityContext has no such field: each container must say it.
      const setting = securitySetting(workload, container, 'readOnlyRootFilesystem', false);
      if (setting?.value === true) return;
      if (isPlaceholder(setting?.value)) {
        report(containerFinding(ID, workload, container, { message: `readOnlyRootFilesystem is ${setting.value}, known only at deploy time`, path: setting.path, key: 'dynamic', outcome: 'unknown' }));
      } else {
        report(containerFinding(ID, workload, container, { message: setting ? `readOnlyRootFilesystem is ${String(setting.value)}` : 'readOnlyRootFilesystem is not set to true', path: setting?.path, key: 'writable' }));
      }
    });
  },
});
