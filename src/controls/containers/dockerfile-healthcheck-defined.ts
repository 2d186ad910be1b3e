import { defineControl } from '../../engine/control.js';
import { chainInstructions, dockerfileFacts, stageChain } from '../../facts/containers/dockerfiles.js';
import { judgeEachDockerfile, stageFinding, stageLabel } from './stage-finding.js';

const ID = 'dockerfile-healthcheck-defined';

export default defineControl({
  meta: {
    id: ID,
    title: 'The final stage declares a HEALTHCHECK',
    domain: 'containers',
    severity: 'low',
    rationale: 'Without a health check a hung process looks healthy to Docker, Compose and Swarm, so nothing restarts it or takes it out of service.',
    remediation: 'Add `HEALTHCHECK CMD <command that fails when the service is unhealthy>` to the final stage (Kubernetes users: define probes instead and waive this with a reason).',
    facts: ['dockerfiles'],
  },
  async check({ facts }) {
    const dockerfileSet = await facts(dockerfileFacts);
    return judgeEachDockerfile(dockerfileSet, (dockerfile, report) => {
      const { final } = dockerfile;
      const healthcheck = chainInstructions(stageChain(dockerfile, final)).filter((instruction) => instruction.keyword === 'HEALTHCHECK').pop();
      if (!healthcheck) {
        report(stageFinding(ID, dockerfile, final, { message: `the final stage (${stageLabel(final)}) declares no HEALTHCHECK`, key: 'missing' }));
      } else if (healthcheck.args[0]?.toUpperCase() === 'NONE') {
        report(stageFinding(ID, dockerfile, final, { message: `the final stage (${stageLabel(final)}) disables the health check (HEALTHCHECK NONE)`, line: healthcheck.line, key: 'none' }));
      }
    });
  },
});
