import { defineControl } from '../../engine/control.js';
import { chainInstructions, dockerfileFacts, resolveInStage, stageChain } from '../../facts/containers/dockerfiles.js';
import { parseImageReference } from '../../facts/containers/image-reference.js';
import { judgeEachDockerfile, stageFinding, stageLabel } from './stage-finding.js';

const ID = 'dockerfile-runs-as-non-root';

export default defineControl({
  meta: {
    id: ID,
    title: 'The final stage of every Dockerfile sets a non-root USER',
    domain: 'containers',
    severity: 'high',
    rationale: 'A process that runs as root inside a container is one kernel or runtime flaw away from root on the host, and can rewrite everything in its image.',
    remediation: 'Add `USER <non-root user or uid>` to the final stage (after the steps that need root), e.g. `USER node` or `USER 10001`.',
    facts: ['dockerfiles'],
  },
  async check({ facts }) {
    const dockerfileSet = await facts(dockerfileFacts);
    return judgeEachDockerfile(dockerfileSet, (dockerfile, report) => {
      const { final } = dockerfile;
      const chain = stageChain(dockerfile, final);
      const user = chainInstructions(chain).filter((instruction) => instruction.keyword === 'USER').pop();
      if (!user) {
        const origin = chain[chain.length - 1]?.base;
        if (origin?.kind === 'image' && /nonroot/i.test(parseImageReference(origin.reference).tag ?? '')) return;
        report(stageFinding(ID, dockerfile, final, { message: `${stageLabel(final)} (the final stage) sets no USER, so it runs as the base image's user, root unless the image says otherwise`, key: 'no-user' }));
        return;
      }
      const resolved = resolveInStage(dockerfile, chain, user, user.args[0] ?? '');
      if ('unresolved' in resolved) {
        report(stageFinding(ID, dockerfile, final, { message: `USER ${user.text} in ${stageLabel(final)} depends on ${resolved.unresolved.join(', ')}, known only at build time`, line: user.line, key: 'dynamic-user', outcome: 'unknown' }));
        return;
      }
      const name = resolved.value.split(':')[0] ?? '';
      if (name === 'root' || /^0+$/.test(name)) {
        report(stageFinding(ID, dockerfile, final, { message: `the final stage (${stageLabel(final)}) runs as root (USER ${user.text})`, line: user.line, key: 'root-user' }));
      }
    });
  },
});
