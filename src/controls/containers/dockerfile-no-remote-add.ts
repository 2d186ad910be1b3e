import { defineControl, judgeEach } from '../../engine/control.js';
import { redactUrlCredentials } from '../../core/redact.js';
import { dockerfileFacts, resolveInStage, stageChain } from '../../facts/containers/dockerfiles.js';
import { withoutDockerfiles } from './without-dockerfiles.js';

const HTTP_URL = /^(?:https?|ftp):\/\//i;
const GIT_SOURCE = /^(?:git@|git:\/\/|ssh:\/\/)|\.git(?:#[^\s]{0,500})?$/i;

export default defineControl({
  meta: {
    id: 'dockerfile-no-remote-add',
    title: 'No ADD downloads from a URL',
    domain: 'containers',
    severity: 'medium',
    rationale: 'ADD fetches whatever the server returns at build time, unverified: a compromised or changed download ends up in the image silently.',
    remediation: 'Download with a verified step instead (`ADD --checksum=sha256:<digest> <url>`, or `RUN curl … && echo "<sha256>  file" | sha256sum -c`), or COPY the file from the build context.',
  },
  facts: { dockerfiles: dockerfileFacts },
  check({ dockerfiles }) {
    return judgeEach(dockerfiles.dockerfiles, (dockerfile, report) => {
      for (const stage of dockerfile.stages) {
        for (const instruction of stage.stage.instructions) {
          if (instruction.keyword !== 'ADD') continue;
          const verified = instruction.flags.get('checksum') !== undefined;
          for (const written of instruction.args.slice(0, -1)) {
            const resolved = written.includes('$') ? resolveInStage(dockerfile, stageChain(dockerfile, stage), instruction, written) : { value: written };
            if ('unresolved' in resolved) {
              if (!verified) report({ subject: stage, message: `${stage.label} ADDs ${written}, which depends on ${resolved.unresolved.join(', ')}, known only at build time`, line: instruction.line, key: written, outcome: 'unknown' });
              continue;
            }
            const source = resolved.value;
            const isHttp = HTTP_URL.test(source);
            if (!(isHttp && !verified) && !GIT_SOURCE.test(source)) continue;
            const shown = redactUrlCredentials(source);
            report({ subject: stage, message: `${stage.label} ADDs ${shown} without verifying it${isHttp ? ' (no --checksum)' : ''}`, line: instruction.line, key: shown, evidence: shown });
          }
        }
      }
    }, () => withoutDockerfiles(dockerfiles));
  },
});
