import { evaluated, notApplicable, unknown, type ControlOutcome, type FindingInput } from '../../engine/control.js';
import { type DockerfileFacts, type DockerfilesFacts, type StageFacts } from '../../facts/containers/dockerfiles.js';

/** The outcome when no Dockerfile could be read: not applicable, or unknown when some were malformed. */
export function withoutDockerfiles({ malformed }: DockerfilesFacts): ControlOutcome {
  if (malformed.length > 0) return unknown(`no Dockerfile could be parsed (${malformed.join(', ')}; see errors)`);
  return notApplicable('no Dockerfile or Containerfile in the repository');
}

/** Judges every parsed Dockerfile; `report` collects the findings. None parsed gives {@link withoutDockerfiles}'s outcome. */
export function judgeEachDockerfile(set: DockerfilesFacts, judge: (dockerfile: DockerfileFacts, report: (finding: FindingInput) => void) => void): ControlOutcome {
  if (set.dockerfiles.length === 0) return withoutDockerfiles(set);
  const findings: FindingInput[] = [];
  for (const dockerfile of set.dockerfiles) judge(dockerfile, (finding) => void findings.push(finding));
  return evaluated(findings);
}

/**
 * A finding about one build stage: addressed by the stage, at `line` (default: its FROM), and
 * suppressed by a `tenet:ignore` on or above that line or the stage's FROM.
 */
export function stageFinding(
  controlId: string,
  dockerfile: DockerfileFacts,
  stage: StageFacts,
  finding: Omit<FindingInput, 'file' | 'resource'>,
): FindingInput {
  const line = finding.line ?? stage.stage.line;
  const result: FindingInput = { ...finding, file: dockerfile.file, line, resource: stage.address };
  const suppressed = dockerfile.waiver(controlId, [line, stage.stage.line]);
  if (suppressed) result.suppressed = suppressed;
  return result;
}

/** How a stage is named in messages: `stage 'build'` or `stage 2`. */
export function stageLabel(stage: StageFacts): string {
  return stage.stage.name === undefined ? `stage ${stage.stage.index}` : `stage '${stage.stage.name}'`;
}
