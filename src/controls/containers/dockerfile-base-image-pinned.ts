import { defineControl, judgeEach } from '../../engine/control.js';
import { dockerfileFacts } from '../../facts/containers/dockerfiles.js';
import { unpinnedReason } from '../../facts/containers/image-reference.js';
import { withoutDockerfiles } from './without-dockerfiles.js';

export default defineControl({
  meta: {
    id: 'dockerfile-base-image-pinned',
    title: 'Every FROM pins its base image by digest',
    domain: 'containers',
    severity: 'medium',
    rationale: 'A tag can be moved to different content at any time; a build from `latest` or a floating tag is neither reproducible nor protected from a compromised or changed upstream image.',
    remediation: 'Pin every external base image by digest, e.g. `FROM node:20.11-slim@sha256:<digest>`, and let Dependabot or Renovate update the digest.',
    params: {
      allowTag: { type: 'boolean', default: false, description: 'Accept an explicit tag other than `latest` instead of a digest.' },
    },
  },
  facts: { dockerfiles: dockerfileFacts },
  check({ dockerfiles }, { params }) {
    return judgeEach(dockerfiles.dockerfiles, (dockerfile, report) => {
      for (const stage of dockerfile.stages) {
        const { base } = stage;
        if (base.kind === 'unknown') {
          report({ subject: stage, message: `${stage.label}: ${base.reason}`, key: stage.stage.image, outcome: 'unknown' });
        } else if (base.kind === 'image') {
          const reason = unpinnedReason(base.reference, params.allowTag);
          if (reason) report({ subject: stage, message: `${stage.label} FROM ${base.reference}: ${reason}`, key: base.reference, evidence: base.reference });
        }
      }
    }, () => withoutDockerfiles(dockerfiles));
  },
});
