import { notApplicable, unknown, type ControlOutcome } from '../../engine/control.js';
import type { DockerfilesFacts } from '../../facts/containers/dockerfiles.js';

/** The outcome when no Dockerfile could be read: not applicable, or unknown when some were malformed. */
export function withoutDockerfiles({ malformed }: DockerfilesFacts): ControlOutcome {
  if (malformed.length > 0) return unknown(`no Dockerfile could be parsed (${malformed.join(', ')}; see errors)`);
  return notApplicable('no Dockerfile or Containerfile in the repository');
}
