import { defineControl, evaluated, notApplicable, unknown, type FindingInput } from '../../engine/control.js';
import { chainInstructions, dockerfileFacts, stageChain } from '../../facts/containers/dockerfiles.js';
import { parseImageReference } from '../../facts/containers/image-reference.js';
import { kubernetesFacts, type KubeContainer, type KubeWorkload } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, containerPath } from './workload-finding.js';

const ID = 'services-isolated-per-container';
/** Process supervisors that run several services in one container. */
const SUPERVISORS = new Set(['supervisord', 's6-svscan', 's6-supervise', 'runsvdir', 'runsv', 'runit', 'circusd', 'multirun']);
/** Installing one of these into the final image is the first half of a multi-process container. */
const SUPERVISOR_PACKAGES = new Set(['supervisor', 'runit', 's6', 's6-overlay', 'circus', 'multirun']);
const INSTALL = /\b(?:apt-get|apt|yum|dnf|microdnf|zypper|pip3?)[ \t]{1,20}(?:[^\n;&|]{0,300}[ \t])?install\b|\bapk[ \t]{1,20}(?:[^\n;&|]{0,300}[ \t])?add\b/;

export default defineControl({
  meta: {
    id: ID,
    title: 'Each container runs one service',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'One service per container gives each its own image, privileges, resources and failure domain; a container running several services behind a supervisor shares all of them and hides crashes from the orchestrator.',
    remediation: 'Run each service in its own container and workload; keep only infrastructure sidecars (mesh proxies, log shippers) beside the application container, and drop supervisord/s6/runit entrypoints.',
    params: {
      allowedSidecars: {
        type: 'string[]',
        default: ['istio-proxy', 'linkerd-proxy', 'cloud-sql-proxy', 'cloudsql-proxy', 'envoy', 'fluent-bit', 'vault-agent'],
        description: "Containers allowed beside the application container, matched against the container name, the image's last path segment or the image repository; a trailing `*` matches a prefix.",
      },
    },
    facts: ['kubernetes', 'dockerfiles'],
  },
  async check({ facts, params }) {
    const kube = await facts(kubernetesFacts);
    const docker = await facts(dockerfileFacts);
    if (kube.workloads.length === 0 && docker.dockerfiles.length === 0) {
      const unread = kube.helmTemplates.length + kube.malformed.length + docker.malformed.length;
      return unread > 0 ? unknown('no workload or Dockerfile could be read (see errors)') : notApplicable('no Kubernetes workload or Dockerfile in the repository');
    }
    const findings: FindingInput[] = [];
    for (const workload of kube.workloads) findings.push(...workloadFindings(workload, params.allowedSidecars));
    for (const dockerfile of docker.dockerfiles) {
      const chain = stageChain(dockerfile, dockerfile.final);
      for (const instruction of chainInstructions(chain)) {
        const stage = chain.find((facts) => facts.stage.instructions.includes(instruction)) ?? dockerfile.final;
        const words = instruction.json ? instruction.args : instruction.text.split(/[\s;&|()]+/);
        if (instruction.keyword === 'ENTRYPOINT' || instruction.keyword === 'CMD') {
          const supervisor = words.map(basename).find((word) => SUPERVISORS.has(word));
          if (supervisor) findings.push({ subject: stage, message: `${stage.label} starts the process supervisor ${supervisor} (${instruction.keyword}), running several services in one container`, line: instruction.line, key: `supervisor:${supervisor}` });
        } else if (instruction.keyword === 'RUN' && INSTALL.test(instruction.text)) {
          const packages = words.filter((word) => SUPERVISOR_PACKAGES.has(word.split('=')[0] ?? ''));
          if (packages.length > 0) findings.push({ subject: stage, message: `${stage.label} installs a process supervisor (${packages.join(', ')}) into the final image`, line: instruction.line, key: `install:${packages.join(',')}` });
        }
      }
    }
    return evaluated(findings);
  },
});

function workloadFindings(workload: KubeWorkload, sidecars: readonly string[]): FindingInput[] {
  const findings: FindingInput[] = [];
  // Native sidecars are init containers that keep running (restartPolicy: Always).
  const running = [
    ...workload.containers.filter((container) => container.kind === 'container'),
    ...workload.containers.filter((container) => container.kind === 'initContainer' && container.value.restartPolicy === 'Always'),
  ];
  const applications = running.filter((container) => !isSidecar(container, sidecars));
  for (const extra of applications.slice(1)) {
    const first = applications[0]?.name ?? '?';
    findings.push(containerFinding(ID, workload, extra, { message: `is a second application container beside '${first}' (not on the sidecar allow-list)`, key: 'second-application' }));
  }
  for (const container of workload.containers) {
    const words = ['command', 'args'].flatMap((field) => (Array.isArray(container.value[field]) ? (container.value[field] as unknown[]) : [])).filter((word): word is string => typeof word === 'string');
    const supervisor = words.flatMap((word) => word.split(/[\s;&|()]+/)).map(basename).find((word) => SUPERVISORS.has(word));
    if (supervisor) findings.push(containerFinding(ID, workload, container, { message: `starts the process supervisor ${supervisor}, running several services in one container`, path: containerPath(container, Array.isArray(container.value.command) ? 'command' : 'args'), key: `supervisor:${supervisor}` }));
  }
  return findings;
}

function isSidecar(container: KubeContainer, patterns: readonly string[]): boolean {
  const image = typeof container.value.image === 'string' ? parseImageReference(container.value.image.trim()).repository : '';
  const candidates = [container.name, image, image.slice(image.lastIndexOf('/') + 1)].filter((candidate) => candidate !== '');
  return patterns.some((pattern) => candidates.some((candidate) => (pattern.endsWith('*') ? candidate.startsWith(pattern.slice(0, -1)) : candidate === pattern)));
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}
