import { defineControl } from '../../engine/control.js';
import { unpinnedReason } from '../../facts/containers/image-reference.js';
import { kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, containerPath, judgeEachContainer } from './workload-finding.js';

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
    return judgeEachContainer(kube, (workload, container, report) => {
      const image = container.value.image;
      const path = containerPath(container, 'image');
      if (typeof image !== 'string' || image.trim() === '') {
        report(containerFinding(ID, workload, container, { message: 'names no image (set by an overlay or at deploy time?)', key: 'no-image', outcome: 'unknown' }));
      } else if (/\$|\{\{/.test(image)) {
        report(containerFinding(ID, workload, container, { message: `image ${image} is known only at deploy time`, path, key: image, outcome: 'unknown' }));
      } else {
        const reason = unpinnedReason(image.trim(), params.allowTag);
        if (reason) report(containerFinding(ID, workload, container, { message: `image ${image}: ${reason}`, path, key: image, evidence: image }));
      }
    });
  },
});
