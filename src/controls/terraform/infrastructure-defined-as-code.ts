import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { ciFacts } from '../../facts/ci/ci.js';
import { dockerfileFacts } from '../../facts/containers/dockerfiles.js';
import { infrastructureCodeFacts } from '../../facts/terraform/infrastructure-code.js';
import { kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { jobAddress } from '../ci/ci-jobs.js';

const ID = 'infrastructure-defined-as-code';

/** `Terraform (3), Helm (1)`: which tools describe the infrastructure, by number of files. */
function summary(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${kind} (${count})`).join(', ');
}

export default defineControl({
  meta: {
    id: ID,
    title: 'Deployed infrastructure is defined as code',
    domain: 'terraform',
    severity: 'medium',
    rationale:
      'Infrastructure configured by hand in a console cannot be reviewed, reproduced after a disaster or compared with what the policy demands; described in the repository, every change goes through review and the environment can be rebuilt.',
    remediation:
      'Describe where each image or deploy job runs in the repository: Terraform/OpenTofu, Kubernetes manifests, Helm or Kustomize, CloudFormation/SAM/CDK, Elastic Beanstalk (.ebextensions), Pulumi or a platform manifest.',
    facts: ['infrastructure-code', 'kubernetes', 'dockerfiles', 'ci'],
  },
  async check({ facts }) {
    const [infrastructure, kube, docker, ci] = await Promise.all([facts(infrastructureCodeFacts), facts(kubernetesFacts), facts(dockerfileFacts), facts(ciFacts)]);
    const findings: FindingInput[] = [];
    for (const dockerfile of docker.dockerfiles) {
      findings.push({ message: `${dockerfile.file} builds an image, but no infrastructure code in the repository says where it runs`, file: dockerfile.file, line: 1, resource: dockerfile.file, key: 'image' });
    }
    for (const job of ci.jobs.filter((candidate) => candidate.kinds.includes('deploy'))) {
      const finding: FindingInput = { message: `CI job ${jobAddress(job)} deploys, but no infrastructure code in the repository describes its target`, file: job.file, line: job.line, resource: jobAddress(job), key: 'deploy-job' };
      const waiver = ci.waiver(job.file, ID, job.line);
      if (waiver) finding.suppressed = waiver;
      findings.push(finding);
    }
    if (findings.length === 0) return notApplicable('nothing deploys: no Dockerfile and no CI deploy job');
    const kinds = [...infrastructure.files.map((file) => file.kind), ...kube.resources.map(() => 'Kubernetes'), ...kube.helmTemplates.map(() => 'Helm')];
    // Infrastructure code anywhere covers every deployable: matching images to the manifests that run them is left to review.
    if (kinds.length > 0) return evaluated([], `${findings.length} deployable(s); infrastructure described by ${summary(kinds)}`);
    // Manifests that could not be parsed may be the missing description: those deployables cannot be judged.
    if (kube.malformed.length > 0) {
      const note = `; ${kube.malformed.length} malformed manifest(s) may describe it (see errors)`;
      return evaluated(findings.map((finding) => ({ ...finding, message: `${finding.message}${note}`, outcome: 'unknown' })));
    }
    return evaluated(findings);
  },
});
