import { defineControl, judgeEach } from '../../engine/control.js';
import { isCredentialName, isLiteralCredential, isReference } from '../../facts/secrets/credential-names.js';
import { dockerBuildSecretFacts, type CopiedFileVerdict } from '../../facts/containers/docker-build-secrets.js';
import { dockerfileFacts } from '../../facts/containers/dockerfiles.js';
import { withoutDockerfiles } from './without-dockerfiles.js';

const COPIED: Record<CopiedFileVerdict, string> = {
  'key-file': 'a key or credential file',
  'holds-secret': 'a file that holds a credential',
  'not-in-repository': 'a credential-bearing config file that is not in the repository, so its content cannot be checked',
};

export default defineControl({
  meta: {
    id: 'dockerfile-no-secrets-in-build',
    title: 'No ENV, ARG, COPY or ADD puts a credential into the image',
    domain: 'containers',
    severity: 'high',
    rationale: 'ENV and ARG values and copied files stay in the image layers and its history for anyone who can pull it, even when a later step deletes them.',
    remediation: 'Pass build credentials with `RUN --mount=type=secret,id=…` (BuildKit secrets) and runtime credentials through the orchestrator; never COPY keys, .env files or token-bearing .npmrc files.',
  },
  facts: { dockerfiles: dockerfileFacts, dockerBuildSecrets: dockerBuildSecretFacts },
  check({ dockerfiles, dockerBuildSecrets }) {
    const { copied } = dockerBuildSecrets;
    const copiedAt = new Map<string, typeof copied>();
    for (const entry of copied) {
      const key = `${entry.dockerfile}:${entry.line}`;
      const atLine = copiedAt.get(key);
      if (atLine) atLine.push(entry);
      else copiedAt.set(key, [entry]);
    }
    return judgeEach(dockerfiles.dockerfiles, (dockerfile, report) => {
      for (const stage of dockerfile.stages) {
        for (const instruction of stage.stage.instructions) {
          if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
            for (const property of instruction.properties) {
              const finding = assignmentFinding(instruction.keyword, property.name, property.value);
              if (finding) report({ subject: stage, ...finding, message: `${finding.message} (${stage.label})`, line: property.line, key: property.name });
            }
          }
          for (const copy of copiedAt.get(`${dockerfile.file}:${instruction.line}`) ?? []) {
            report({
              subject: stage,
              message: `${instruction.keyword} ${copy.source} in ${stage.label} copies ${COPIED[copy.verdict]} into the image`,
              line: instruction.line,
              key: copy.source,
              outcome: copy.verdict === 'not-in-repository' ? 'unknown' : 'fail',
            });
          }
        }
      }
    }, () => withoutDockerfiles(dockerfiles));
  },
});

/**
 * A credential-named ENV or ARG with a literal value (already redacted by the collector), or an ENV
 * that copies a build argument into the image's environment, where `docker inspect` shows it.
 */
function assignmentFinding(keyword: string, name: string, value: string | undefined): { message: string; evidence: string } | undefined {
  if (isLiteralCredential(name, value)) return { message: `${keyword} ${name} bakes a literal credential into the image`, evidence: `${name}=${value}` };
  if (keyword === 'ENV' && value !== undefined && isReference(value) && isCredentialName(name)) {
    return { message: `ENV ${name}=${value} keeps a build-time credential in the image's environment`, evidence: `${name}=${value}` };
  }
  return undefined;
}
