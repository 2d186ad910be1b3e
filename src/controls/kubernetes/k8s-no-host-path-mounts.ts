import { posix } from 'node:path';
import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { at, isObject, isPlaceholder, kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { resourceFinding, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-no-host-path-mounts';

export default defineControl({
  meta: {
    id: ID,
    title: 'No pod mounts a hostPath volume outside the allowed paths',
    domain: 'kubernetes',
    severity: 'high',
    rationale: "A hostPath volume exposes the node's filesystem to the pod: the container runtime socket, kubelet credentials or /etc are a short step to owning the node.",
    remediation: 'Replace hostPath volumes with emptyDir, configMap, secret or persistent volumes; if a node agent truly needs one, allow its path by parameter or waive it with a reason.',
    params: {
      allowedPaths: { type: 'string[]', default: [], description: 'Host paths (and the paths beneath them) that pods may mount, e.g. `/var/log` for a log shipper.' },
    },
    facts: ['kubernetes'],
  },
  async check({ facts, params }) {
    const kube = await facts(kubernetesFacts);
    if (kube.workloads.length === 0) return withoutSubjects(kube, 'workload');
    const findings: FindingInput[] = [];
    for (const workload of kube.workloads) {
      const volumes = workload.podSpec.volumes;
      if (!Array.isArray(volumes)) continue;
      volumes.forEach((volume: unknown, index) => {
        if (!isObject(volume) || !isObject(volume.hostPath)) return;
        const hostPath = at(volume, ['hostPath', 'path']);
        const name = typeof volume.name === 'string' ? volume.name : `#${index}`;
        const path = [...workload.podSpecPath, 'volumes', index, 'hostPath'];
        if (isPlaceholder(hostPath)) {
          findings.push(resourceFinding(ID, workload.resource, { message: `volume '${name}' mounts host path ${hostPath}, known only at deploy time`, path, key: name, outcome: 'unknown' }));
        } else if (typeof hostPath !== 'string' || !isAllowed(hostPath, params.allowedPaths)) {
          findings.push(resourceFinding(ID, workload.resource, { message: `volume '${name}' mounts the host path ${String(hostPath)}`, path, key: `${name}:${String(hostPath)}`, evidence: String(hostPath) }));
        }
      });
    }
    return evaluated(findings);
  },
});

function isAllowed(hostPath: string, allowed: readonly string[]): boolean {
  // Normalised first, so that `/var/log/../../etc` is judged as `/etc`.
  const normalised = posix.normalize(hostPath).replace(/\/+$/, '') || '/';
  return allowed.some((prefix) => {
    const base = prefix.replace(/\/+$/, '');
    return normalised === (base || '/') || normalised.startsWith(`${base}/`);
  });
}
