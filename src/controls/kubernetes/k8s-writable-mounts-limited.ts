import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { isObject, isPlaceholder, kubernetesFacts, type KubeWorkload } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, containerPath, securitySetting, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-writable-mounts-limited';
/** Volume types the kubelet always mounts read-only, whatever the mount says. */
const ALWAYS_READ_ONLY = ['configMap', 'secret', 'downwardAPI', 'projected'];

export default defineControl({
  meta: {
    id: ID,
    title: 'Containers with a read-only root filesystem have at most the allowed number of writable mounts',
    domain: 'kubernetes',
    severity: 'low',
    rationale: 'A read-only root filesystem confines writes to the mounted volumes; each extra writable mount widens where an intruder, or a buggy job, can write.',
    remediation: 'Mark every mount the container only reads `readOnly: true`, and keep one writable volume (e.g. an `emptyDir` for output or /tmp).',
    params: {
      maxWritableMounts: { type: 'number', default: 1, minimum: 0, description: 'The most writable volume mounts a container with a read-only root filesystem may have.' },
    },
    facts: ['kubernetes'],
  },
  async check({ facts, params }) {
    const kube = await facts(kubernetesFacts);
    if (kube.workloads.length === 0) return withoutSubjects(kube, 'workload');
    const findings: FindingInput[] = [];
    let subjects = 0;
    for (const workload of kube.workloads) {
      for (const container of workload.containers) {
        // Containers with a writable root are k8s-read-only-root-filesystem's finding, not this one's.
        if (securitySetting(workload, container, 'readOnlyRootFilesystem', false)?.value !== true) continue;
        subjects++;
        const mounts = Array.isArray(container.value.volumeMounts) ? container.value.volumeMounts : [];
        const writable: string[] = [];
        let dynamic: string | undefined;
        mounts.forEach((mount) => {
          if (!isObject(mount)) return;
          const name = typeof mount.name === 'string' ? mount.name : '?';
          const where = typeof mount.mountPath === 'string' ? mount.mountPath : name;
          if (mount.readOnly === true || alwaysReadOnly(workload, name)) return;
          if (isPlaceholder(mount.readOnly)) dynamic = where;
          else writable.push(where);
        });
        const path = containerPath(container, 'volumeMounts');
        if (writable.length > params.maxWritableMounts) {
          findings.push(containerFinding(ID, workload, container, { message: `has ${writable.length} writable volume mounts (${writable.join(', ')}); at most ${params.maxWritableMounts} allowed, the rest should be readOnly: true`, path, key: writable.join(',') }));
        } else if (dynamic !== undefined && writable.length + 1 > params.maxWritableMounts) {
          findings.push(containerFinding(ID, workload, container, { message: `whether the mount at ${dynamic} is read-only is known only at deploy time`, path, key: 'dynamic', outcome: 'unknown' }));
        }
      }
    }
    if (subjects === 0) return notApplicable('no container has a read-only root filesystem (see k8s-read-only-root-filesystem)');
    return evaluated(findings);
  },
});

function alwaysReadOnly(workload: KubeWorkload, volumeName: string): boolean {
  const volumes = Array.isArray(workload.podSpec.volumes) ? workload.podSpec.volumes : [];
  const volume = volumes.find((candidate) => isObject(candidate) && candidate.name === volumeName);
  return isObject(volume) && ALWAYS_READ_ONLY.some((type) => volume[type] !== undefined);
}
