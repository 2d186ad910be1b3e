import { defineControl, judgeEach } from '../../engine/control.js';
import { dockerfileFacts, stageChain } from '../../facts/containers/dockerfiles.js';
import { parseImageReference } from '../../facts/containers/image-reference.js';
import { withoutDockerfiles } from './without-dockerfiles.js';

/** Repositories that are minimal whatever the tag: distroless, Chainguard/Wolfi, UBI micro/minimal, BusyBox. */
const MINIMAL_REPOSITORIES = [/(^|\/)distroless\//, /^cgr\.dev\/chainguard\//, /(^|\/)(alpine|busybox)$/, /(^|\/)ubi\d*-(micro|minimal)$/, /(^|\/)static$/];
/** Tags that name a minimal variant: `-slim`, `-alpine`, `-distroless`, `-minimal`, `-micro`. */
const MINIMAL_TAG = /(^|[-_.])(slim|alpine\d*(?:\.\d+)*|distroless|minimal|micro|chiseled)([-_.]|$)/i;

export default defineControl({
  meta: {
    id: 'dockerfile-base-image-minimal',
    title: 'The final stage builds on a minimal base image',
    domain: 'containers',
    severity: 'low',
    rationale: 'Every package in the runtime image is attack surface and a source of vulnerability reports; compilers, shells and package managers belong in build stages only.',
    remediation: 'Build in a full image, then copy the result into `scratch`, a distroless image, Alpine or a `-slim` variant in the final stage.',
    params: {
      allowedImages: { type: 'string[]', default: [], description: 'Further image repositories (e.g. `registry.example.com/base/minimal`) accepted as minimal.' },
    },
  },
  facts: { dockerfiles: dockerfileFacts },
  check({ dockerfiles }, { params }) {
    return judgeEach(dockerfiles.dockerfiles, (dockerfile, report) => {
      const chain = stageChain(dockerfile, dockerfile.final);
      const origin = chain[chain.length - 1] ?? dockerfile.final;
      const { base } = origin;
      const label = dockerfile.final.label;
      if (base.kind === 'unknown') {
        report({ subject: dockerfile.final, message: `the final stage (${label}) has an unknown base: ${base.reason}`, line: origin.stage.line, key: origin.stage.image, outcome: 'unknown' });
      } else if (base.kind === 'image' && !isMinimal(base.reference, params.allowedImages)) {
        report({ subject: dockerfile.final, message: `the final stage (${label}) builds on ${base.reference}, which is not scratch, distroless, Alpine or a -slim variant`, line: origin.stage.line, key: parseImageReference(base.reference).repository, evidence: base.reference });
      }
    }, () => withoutDockerfiles(dockerfiles));
  },
});

function isMinimal(reference: string, allowed: readonly string[]): boolean {
  const image = parseImageReference(reference);
  if (allowed.includes(image.repository)) return true;
  return MINIMAL_REPOSITORIES.some((pattern) => pattern.test(image.repository)) || MINIMAL_TAG.test(image.tag ?? '');
}
