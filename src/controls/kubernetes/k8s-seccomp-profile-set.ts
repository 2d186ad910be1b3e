import { defineControl } from '../../engine/control.js';
import { at, isPlaceholder, kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, securitySetting, judgeEachContainer } from './workload-finding.js';

const ID = 'k8s-seccomp-profile-set';
const CONFINED_TYPES = new Set(['RuntimeDefault', 'Localhost']);
/** The annotations Kubernetes honoured before securityContext.seccompProfile (removed in 1.27, still common). */
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

export default defineControl({
  meta: {
    id: ID,
    title: 'Every container runs under a RuntimeDefault or Localhost seccomp profile',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'Without a seccomp profile a container can make every system call, including the rarely used ones behind most kernel privilege-escalation exploits.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (or `Localhost` with a profile) so that every container inherits it.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    return judgeEachContainer(kube, (workload, container, report) => {
      const profile = securitySetting(workload, container, 'seccompProfile');
      if (profile) {
        const type = at(profile.value, ['type']);
        if (typeof type === 'string' && CONFINED_TYPES.has(type)) return;
        const path = [...profile.path, 'type'];
        if (isPlaceholder(type)) report(containerFinding(ID, workload, container, { message: `seccompProfile type ${type} is known only at deploy time`, path, key: 'dynamic', outcome: 'unknown' }));
        else report(containerFinding(ID, workload, container, { message: `seccompProfile type is ${String(type)}`, path, key: String(type) }));
        return;
      }
      const annotation = [CONTAINER_ANNOTATION + container.name, POD_ANNOTATION].find((key) => workload.podAnnotations[key] !== undefined);
      const legacy = annotation === undefined ? undefined : workload.podAnnotations[annotation];
      if (legacy !== undefined && /^(?:runtime\/default|docker\/default|localhost\/.+)$/.test(legacy)) return;
      report(containerFinding(ID, workload, container, {
        message: legacy === undefined ? 'no seccomp profile (pod or container securityContext.seccompProfile, or the legacy annotations)' : `seccomp annotation ${annotation ?? ''} is ${legacy}`,
        path: annotation === undefined ? undefined : [...workload.podMetadataPath, 'annotations', annotation],
        key: legacy ?? 'missing',
      }));
    });
  },
});
