import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { unpinnedReason } from '../../facts/image-reference.js';
import { kubernetesFacts } from '../../facts/kubernetes.js';
import { containerFinding, containerPath, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-images-pinned';

export default defineControl({
  meta: {
    id: ID,
    title: 'Every container image is pinned by digest',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'A tag can be re-pointed at different content; a pod that pulls `latest` or a floating tag may run code nobody reviewed, and differently on each node.',
    remediation: 'Reference images by digest (`registry/app:1.4.2@sha256:<digest>`), set by the release pipeline or kept current by Renovate.',
    params: {
      allowTag: { type: 'boolean', default: false, description: 'Accept an explicit tag other than `latest` instead of a digest.' },
    },
    facts: ['kubernetes'],
  },
  async check({ facts, params }) {
    const kube = await facts(kubernetesFacts);
    if (kube.workloads.length === 0) return withoutSubjects(kube, 'workload');
    const findings: FindingInput[] = [];
    for (const workload of kube.workloads) {
      for (const container of workload.containers) {
        const image = container.value.image;
        const path = containerPath(container, 'image');
        if (typeof image !== 'string' || image.trim() === '') {
          findings.push(containerFinding(ID, workload, container, { message: 'names no image (set by an overlay or at deploy time?)', key: 'no-image', outcome: 'unknown' }));
        } else if (/\$|\{\{/.test(image)) {
          findings.push(containerFinding(ID, workload, container, { message: `image ${image} is known only at deploy time`, path, key: image, outcome: 'unknown' }));
        } else {
          const reason = unpinnedReason(image.trim(), params.allowTag);
          if (reason) findings.push(containerFinding(ID, workload, container, { message: `image ${image}: ${reason}`, path, key: image, evidence: image }));
        }
      }
    }
    return evaluated(findings);
  },
});
