import { defineControl, judgeEach } from '../../engine/control.js';
import { chainInstructions, dockerfileFacts, resolveInStage, stageChain, type StageFacts } from '../../facts/containers/dockerfiles.js';
import { withoutDockerfiles } from './without-dockerfiles.js';

const INSTALL = /\b(?:apt-get|apt|yum|dnf|microdnf|zypper)[ \t]{1,20}(?:[^\n;&|]{0,300}[ \t])?(?:install|in)\b|\bapk[ \t]{1,20}(?:[^\n;&|]{0,300}[ \t])?add\b/;
const SSH_SERVER_PACKAGES = new Set(['openssh-server', 'openssh', 'dropbear', 'ssh', 'openssh-server-pam']);

export default defineControl({
  meta: {
    id: 'dockerfile-no-ssh-exposed',
    title: 'The image neither exposes SSH nor installs an SSH server',
    domain: 'containers',
    severity: 'medium',
    rationale: 'An SSH daemon in a container is a second, long-lived way in, with its own keys to leak; containers are debugged with `exec`, not logged into.',
    remediation: 'Remove `EXPOSE 22` and the openssh-server/dropbear package from the final image; use `kubectl exec` or `docker exec` to debug.',
  },
  facts: { dockerfiles: dockerfileFacts },
  check({ dockerfiles }) {
    return judgeEach(dockerfiles.dockerfiles, (dockerfile, report) => {
      const chain = stageChain(dockerfile, dockerfile.final);
      for (const instruction of chainInstructions(chain)) {
        const stage: StageFacts = chain.find((facts) => facts.stage.instructions.includes(instruction)) ?? dockerfile.final;
        if (instruction.keyword === 'EXPOSE') {
          for (const port of instruction.args) {
            const resolved = resolveInStage(dockerfile, chain, instruction, port);
            if ('unresolved' in resolved) {
              report({ subject: stage, message: `EXPOSE ${port} in ${stage.label} depends on ${resolved.unresolved.join(', ')}, known only at build time`, line: instruction.line, key: port, outcome: 'unknown' });
            } else if (includesPort22(resolved.value)) {
              report({ subject: stage, message: `${stage.label} exposes the SSH port (EXPOSE ${port})`, line: instruction.line, key: `expose:${resolved.value}` });
            }
          }
        } else if (instruction.keyword === 'RUN' && INSTALL.test(instruction.text)) {
          const packages = instruction.text.split(/[\s;&|()\\]+/).filter((word) => SSH_SERVER_PACKAGES.has(word.split('=')[0] ?? ''));
          if (packages.length > 0) {
            report({ subject: stage, message: `${stage.label} installs an SSH server (${packages.join(', ')}) into the final image`, line: instruction.line, key: `install:${packages.join(',')}` });
          }
        }
      }
    }, () => withoutDockerfiles(dockerfiles));
  },
});

function includesPort22(spec: string): boolean {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(?:tcp|udp|sctp))?$/i.exec(spec.trim());
  if (!match) return false;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= 22 && 22 <= high;
}
