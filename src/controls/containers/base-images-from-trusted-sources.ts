import { defineControl, evaluated, notApplicable, unknown, type FindingInput } from '../../engine/control.js';
import type { Subject } from '../../core/subject.js';
import { composeImageFacts } from '../../facts/containers/compose-images.js';
import { dockerfileFacts, stageChain } from '../../facts/containers/dockerfiles.js';
import { kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { canonicalRepository, untrustedImageReason } from './image-sources.js';

const DYNAMIC = /\$|\{\{/;

export default defineControl({
  meta: {
    id: 'base-images-from-trusted-sources',
    title: 'Base and runtime images come from trusted publishers and trusted operating systems',
    domain: 'containers',
    severity: 'medium',
    rationale: 'An image is all of its publisher\'s software and build practice; the policy extends trust only to named vendors and operating systems, and never to Windows.',
    remediation: 'Build on official images of a trusted OS family (Debian, Ubuntu, …) or distroless; add your own registry to `trustedPublishers` for images this project builds; deviate anything else with a reason.',
    params: {
      trustedPublishers: {
        type: 'string[]',
        default: ['library/*', 'gentoo/*', 'hashicorp/*', 'gcr.io/distroless/*', 'quay.io/coreos/*', 'registry.k8s.io/*'],
        description: 'Image repositories trusted as publishers: `name` exactly or `prefix/*`; Docker Hub names as Docker reads them (`library/*` = official images, `hashicorp/*`). Add the registry of images this project builds.',
      },
      trustedOsFamilies: {
        type: 'string[]',
        default: ['debian', 'ubuntu', 'arch', 'gentoo', 'fedora', 'coreos', 'distroless'],
        description: 'OS families an image may reveal by its name or tag (alpine, centos, ubi8, amazonlinux, windows … are the others); images that reveal none are judged by publisher only.',
      },
    },
  },
  facts: { docker: dockerfileFacts, kube: kubernetesFacts, compose: composeImageFacts },
  check({ docker, kube, compose }, { params }) {
    const { trustedPublishers: publishers, trustedOsFamilies: families } = params;
    const findings: FindingInput[] = [];
    const judged: Subject[] = [];
    for (const dockerfile of docker.dockerfiles) {
      // The OS the image runs is the final stage's; earlier stages only need a trusted publisher.
      const runtime = stageChain(dockerfile, dockerfile.final);
      for (const stage of dockerfile.stages) {
        const { base } = stage;
        judged.push(stage);
        if (base.kind === 'unknown') {
          findings.push({ subject: stage, key: stage.stage.image, message: `${stage.label} has an unknown base: ${base.reason}`, outcome: 'unknown' });
        } else if (base.kind === 'image') {
          const reason = untrustedImageReason(base.reference, publishers, families, runtime.includes(stage));
          if (reason) findings.push({ subject: stage, key: canonicalRepository(base.reference), message: `${stage.label}: ${reason}`, evidence: base.reference });
        }
      }
    }
    for (const workload of kube.workloads) {
      for (const container of workload.containers) {
        const image = container.value.image;
        const path = [...container.path, 'image'];
        if (typeof image !== 'string' || image.trim() === '') continue;
        judged.push(container);
        if (DYNAMIC.test(image)) {
          findings.push({ subject: container, message: `${container.label}: image ${image} is known only at deploy time`, path, key: image, outcome: 'unknown' });
          continue;
        }
        const reason = untrustedImageReason(image, publishers, families, true);
        if (reason) findings.push({ subject: container, message: `${container.label}: ${reason}`, path, key: canonicalRepository(image), evidence: image });
      }
    }
    for (const service of compose) {
      judged.push(service);
      const dynamic = DYNAMIC.test(service.image);
      const reason = dynamic ? `image ${service.image} is known only at deploy time` : untrustedImageReason(service.image, publishers, families, true);
      if (!reason) continue;
      findings.push({ subject: service, message: `service '${service.service}': ${reason}`, key: dynamic ? service.image : canonicalRepository(service.image), evidence: service.image, outcome: dynamic ? 'unknown' : 'fail' });
    }
    if (docker.dockerfiles.length === 0 && kube.workloads.length === 0 && compose.length === 0) {
      const unread = docker.malformed.length + kube.helmTemplates.length + kube.malformed.length;
      return unread > 0 ? unknown('no Dockerfile, manifest or Compose file could be read (see errors)') : notApplicable('no Dockerfile, Kubernetes workload or Compose service with an image');
    }
    return evaluated(findings);
  },
});
