import { defineControl, judgeEach } from '../../engine/control.js';
import { chainInstructions, dockerfileFacts, stageChain } from '../../facts/containers/dockerfiles.js';
import { withoutDockerfiles } from './without-dockerfiles.js';

export default defineControl({
  meta: {
    id: 'dockerfile-healthcheck-defined',
    title: 'The final stage declares a HEALTHCHECK',
    domain: 'containers',
    severity: 'low',
    rationale: 'Without a health check a hung process looks healthy to Docker, Compose and Swarm, so nothing restarts it or takes it out of service.',
    remediation: 'Add `HEALTHCHECK CMD <command that fails when the service is unhealthy>` to the final stage (Kubernetes users: define probes instead and waive this with a reason).',
  },
  facts: { dockerfiles: dockerfileFacts },
  check({ dockerfiles }) {
    return judgeEach(dockerfiles.dockerfiles, (dockerfile, report) => {
      const { final } = dockerfile;
      const healthcheck = chainInstructions(stageChain(dockerfile, final)).filter((instruction) => instruction.keyword === 'HEALTHCHECK').pop();
      if (!healthcheck) {
        report({ subject: final, message: `the final stage (${final.label}) declares no HEALTHCHECK`, key: 'missing' });
      } else if (healthcheck.args[0]?.toUpperCase() === 'NONE') {
        report({ subject: final, message: `the final stage (${final.label}) disables the health check (HEALTHCHECK NONE)`, line: healthcheck.line, key: 'none' });
      }
    }, () => withoutDockerfiles(dockerfiles));
  },
});
