import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { githubWorkflowFacts } from '../../facts/workflows/github-workflows.js';
import { unreadableFindings, workflowFinding, workflowResource } from './workflow-finding.js';

const ID = 'actions-pinned-by-sha';
const FULL_SHA = /^[0-9a-f]{40}$/i;
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/i;

/** Why a `uses:` reference is not immutable, or undefined when it is (or is local). */
export function pinningProblem(uses: string): string | undefined {
  if (uses.startsWith('./') || uses.startsWith('../')) return undefined;
  if (uses.startsWith('docker://')) return IMAGE_DIGEST.test(uses) ? undefined : 'is a container image without an @sha256: digest';
  const at = uses.lastIndexOf('@');
  if (at === -1) return 'has no version at all';
  const ref = uses.slice(at + 1);
  if (FULL_SHA.test(ref)) return undefined;
  if (/^[0-9a-f]{7,39}$/i.test(ref)) return `is pinned to a short SHA (${ref}), which can collide with a new commit`;
  return `is pinned to "${ref}", a movable tag or branch`;
}

function ownerOf(uses: string): string {
  return (uses.startsWith('docker://') ? '' : uses.split('/')[0] ?? '').toLowerCase();
}

export default defineControl({
  meta: {
    id: ID,
    title: 'Third-party actions are pinned to a full commit SHA',
    domain: 'workflows',
    severity: 'high',
    rationale:
      'A tag or branch of an action can be moved to new code at any time; a compromised action then runs with the workflow\'s token and secrets. Only a full 40-character commit SHA (or an image digest) is immutable.',
    remediation:
      'Pin every `uses:` to a full commit SHA with the version in a comment (`uses: actions/checkout@<40-hex sha> # v4.2.2`); Dependabot and Renovate keep such pins up to date. Pin `docker://` images by `@sha256:` digest.',
    params: {
      allowedOwners: {
        type: 'string[]',
        default: [],
        description: 'Action owners trusted without a SHA pin (e.g. your own organisation)',
      },
    },
    facts: ['github-workflows'],
  },
  async check({ facts, params }) {
    const { workflows, unreadable } = await facts(githubWorkflowFacts);
    if (workflows.length === 0 && unreadable.length === 0) return notApplicable('no GitHub Actions workflows or actions');
    const findings: FindingInput[] = unreadableFindings(unreadable);
    const allowed = new Set(params.allowedOwners.map((owner) => owner.toLowerCase()));
    let references = 0;
    for (const workflow of workflows) {
      for (const job of workflow.jobs) {
        const refs = [
          ...(job.uses ? [{ uses: job.uses, line: job.usesLine ?? job.line, resource: workflowResource(workflow, job) }] : []),
          ...job.steps.flatMap((step) =>
            step.uses ? [{ uses: step.uses, line: step.usesLine ?? step.line, resource: workflowResource(workflow, job, step) }] : [],
          ),
        ];
        for (const ref of refs) {
          references++;
          const problem = pinningProblem(ref.uses);
          if (!problem || allowed.has(ownerOf(ref.uses))) continue;
          findings.push(
            workflowFinding(ID, workflow, { message: `${ref.uses} ${problem}`, line: ref.line, resource: ref.resource, key: ref.uses }),
          );
        }
      }
    }
    if (references === 0 && findings.length === 0) return notApplicable('no workflow or action uses another action');
    return evaluated(findings, findings.length === 0 ? `${references} action reference(s), each pinned or local` : undefined);
  },
});
