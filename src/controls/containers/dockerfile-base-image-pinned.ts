import { defineControl } from '../../engine/control.js';
import { dockerfileFacts } from '../../facts/containers/dockerfiles.js';
import { unpinnedReason } from '../../facts/containers/image-reference.js';
import { judgeEachDockerfile, stageFinding, stageLabel } from './stage-finding.js';

const ID = 'dockerfile-base-image-pinned';

export default defineControl({
  meta: {
    id: ID,
    title: 'Every FROM pins its base image by digest',
    domain: 'containers',
    severity: 'medium',
    rationale: 'A tag can be moved to different content at any time; a build from `latest` or a floating tag is neither reproducible nor protected from a compromised or changed upstream image.',
    remediation: 'Pin every external base image by digest, e.g. `FROM node:20.11-slim@sha256:<digest>`, and let Dependabot or Renovate update the digest.',
    params: {
      allowTag: { type: 'boolean', default: false, description: 'Accept an explicit tag other than `latest` instead of a digest.' },
    },
    facts: ['dockerfiles'],
  },
  async check({ facts, params }) {
    const dockerfileSet = await facts(dockerfileFacts);
    return judgeEachDockerfile(dockerfileSet, (dockerfile, report) => {
      for (const stage of dockerfile.stages) {
        const { base } = stage;
        if (base.kind === 'unknown') {
          report(stageFinding(ID, dockerfile, stage, { message: `${stageLabel(stage)}: ${base.reason}`, key: stage.stage.image, outcome: 'unknown' }));
        } else if (base.kind === 'image') {
          const reason = unpinnedReason(base.reference, params.allowTag);
          if (reason) report(stageFinding(ID, dockerfile, stage, { message: `${stageLabel(stage)} FROM ${base.reference}: ${reason}`, key: base.reference, evidence: base.reference }));
        }
      }
    });
  },
});
