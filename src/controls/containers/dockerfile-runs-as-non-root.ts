import { defineControl, judgeEach } from '../../engine/control.js';
import { chainInstructions, dockerfileFacts, resolveInStage, stageChain } from '../../facts/containers/dockerfiles.js';
import { parseImageReference } from '../../facts/containers/image-reference.js';
import { withoutDockerfiles } from './without-dockerfiles.js';

export default defineControl({
  meta: {
    id: 'dockerfile-runs-as-non-root',
    title: 'The final stage of every Dockerfile sets a non-root USER',
    domain: 'containers',
    severity: 'high',
    rationale: 'A process that runs as root inside a container is one kernel or runtime flaw away from root on the host, and can rewrite everything in its image.',
    remediation: 'Add `USER <non-root user or uid>` to the final stage (after the steps that need root), e.g. `USER node` or `USER 10001`.',
  },
  facts: { dockerfiles: dockerfileFacts },
  check({ dockerfiles }) {
    return judgeEach(dockerfiles.dockerfiles, (dockerfile, report) => {
      const { final } = dockerfile;
      const chain = stageChain(dockerfile, final);
      const user = chainInstructions(chain).filter((instruction) => instruction.keyword === 'USER').pop();
      if (!user) {
        const origin = chain[chain.length - 1]?.base;
        if (origin?.kind === 'image' && /nonroot/i.test(parseImageReference(origin.reference).tag ?? '')) return;
        report({ subject: final, message: `${final.label} (the final stage) sets no USER, so it runs as the base image's user, root unless the image says otherwise`, key: 'no-user' });
        return;
      }
      const resolved = resolveInStage(dockerfile, chain, user, user.args[0] ?? '');
      if ('unresolved' in resolved) {
        report({ subject: final, message: `USER ${user.text} in ${final.label} depends on ${resolved.unresolved.join(', ')}, known only at build time`, line: user.line, key: 'dynamic-user', outcome: 'unknown' });
        return;
      }
      const name = resolved.value.split(':')[0] ?? '';
      if (name === 'root' || /^0+$/.test(name)) {
        report({ subject: final, message: `the final stage (${final.label}) runs as root (USER ${user.text})`, line: user.line, key: 'root-user' });
      }
    }, () => withoutDockerfiles(dockerfiles));
  },
});
