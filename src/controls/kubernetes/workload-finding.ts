import { evaluated, notApplicable, unknown, type ControlOutcome, type FindingInput } from '../../engine/control.js';
import { at, type KubeContainer, type KubeResource, type KubeWorkload, type KubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import type { PropertyPath } from '../../parsers/lines.js';

type FindingDetails = Omit<FindingInput, 'file' | 'resource' | 'line'> & { path?: PropertyPath };

/** The outcome when nothing applies: not applicable, or unknown when manifests went unread. */
export function withoutSubjects(facts: KubernetesFacts, what: string): ControlOutcome {
  const unread = [
    ...(facts.helmTemplates.length > 0 ? [`${facts.helmTemplates.length} Helm/Go template file(s) not analysed`] : []),
    ...(facts.malformed.length > 0 ? [`${facts.malformed.length} malformed manifest(s)`] : []),
  ];
  if (unread.length > 0) return unknown(`no ${what} found in plain manifests; ${unread.join(' and ')} (see errors)`);
  return notApplicable(`no ${what} in the repository's Kubernetes manifests`);
}

/**
 * Judges every container of every workload; `report` collects the findings. Nothing to judge gives
 * {@link withoutSubjects}'s outcome.
 */
export function judgeEachContainer(
  facts: KubernetesFacts,
  judge: (workload: KubeWorkload, container: KubeContainer, report: (finding: FindingInput) => void) => void,
): ControlOutcome {
  if (facts.workloads.length === 0) return withoutSubjects(facts, 'workload');
  const findings: FindingInput[] = [];
  const report = (finding: FindingInput): void => void findings.push(finding);
  for (const workload of facts.workloads) {
    for (const container of workload.containers) judge(workload, container, report);
  }
  return evaluated(findings);
}

/**
 * A finding about a resource, at the line of `path` (inside the resource) when given and present,
 * else at the resource; waived by a `tenet:ignore` on or above either.
 */
export function resourceFinding(controlId: string, resource: KubeResource, details: FindingDetails, fallbackLine?: number): FindingInput {
  const { path, ...finding } = details;
  const line = (path ? resource.lineOf(path) : undefined) ?? fallbackLine ?? resource.line;
  const result: FindingInput = { ...finding, file: resource.file, line, resource: resource.address };
  const suppressed = resource.waiver(controlId, fallbackLine === undefined ? [line] : [line, fallbackLine]);
  if (suppressed) result.suppressed = suppressed;
  return result;
}

/** A finding about one container: at its offending attribute, or at the container when the attribute is missing. */
export function containerFinding(controlId: string, workload: KubeWorkload, container: KubeContainer, details: FindingDetails): FindingInput {
  return resourceFinding(controlId, workload.resource, { ...details, message: `${containerLabel(container)}: ${details.message}`, key: `${container.name}:${details.key ?? ''}` }, container.line);
}

export function containerLabel(container: KubeContainer): string {
  const kind = container.kind === 'initContainer' ? 'init container' : container.kind === 'ephemeralContainer' ? 'ephemeral container' : 'container';
  return `${kind} '${container.name}'`;
}

/**
 * A securityContext setting as the kubelet applies it: the container's own, else the pod's (for the
 * fields a pod can set), with the path it was read from.
 */
export function securitySetting(workload: KubeWorkload, container: KubeContainer, field: string, inherited = true): { value: unknown; path: PropertyPath } | undefined {
  const own = [...container.path, 'securityContext', field];
  const ownValue = at(workload.resource.value, own);
  if (ownValue !== undefined && ownValue !== null) return { value: ownValue, path: own };
  if (!inherited) return undefined;
  const pod = [...workload.podSpecPath, 'securityContext', field];
  const podValue = at(workload.resource.value, pod);
  return podValue !== undefined && podValue !== null ? { value: podValue, path: pod } : undefined;
}

/** Path of a container attribute inside its resource. */
export function containerPath(container: KubeContainer, ...rest: PropertyPath): PropertyPath {
  return [...container.path, ...rest];
}
