import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { githubWorkflowFacts, writeScopes } from '../../facts/workflows/github-workflows.js';
import { unreadableFindings, workflowFinding, workflowResource } from './workflow-finding.js';

const ID = 'workflow-token-least-privilege';

export default defineControl({
  meta: {
    id: ID,
    title: 'Workflows give the GITHUB_TOKEN read-only access by default',
    domain: 'workflows',
    severity: 'medium',
    rationale:
      'Without a top-level `permissions:` block a workflow\'s token gets the repository default, which for many repositories is write access to code, packages and releases; any compromised step can then push or publish. Read-only by default, with writes granted to the one job that needs them, limits the damage.',
    remediation:
      'Add `permissions: {}` (or `contents: read`) at the top of each workflow and grant writes per job (`jobs.release.permissions: { contents: write }`). Never use `write-all`.',
    facts: ['github-workflows'],
  },
  async check({ facts }) {
    const all = await facts(githubWorkflowFacts);
    const workflows = all.workflows.filter((workflow) => workflow.kind === 'workflow');
    const unreadable = all.unreadable.filter((file) => file.startsWith('.github/workflows/'));
    if (workflows.length === 0 && unreadable.length === 0) return notApplicable('no GitHub Actions workflows');
    const findings: FindingInput[] = unreadableFindings(unreadable);
    for (const workflow of workflows) {
      const finding = (input: Omit<FindingInput, 'file'>): void => {
        findings.push(workflowFinding(ID, workflow, input));
      };
      const top = workflow.permissions;
      // A reusable workflow runs with its caller's token; the caller's permissions are what count.
      const onlyCalled = workflow.events.length > 0 && workflow.events.every((event) => event === 'workflow_call');
      if (top) {
        const writes = writeScopes(top);
        if (top.kind === 'write-all') {
          finding({ message: 'top-level permissions: write-all gives every job write access to every scope', line: workflow.permissionsLine, resource: workflow.file, key: 'write-all' });
        } else if (writes.length > 0) {
          finding({
            message: `top-level permissions grant write access (${writes.join(', ')}) to every job; grant it only to the job that needs it`,
            line: workflow.permissionsLine,
            resource: workflow.file,
            key: `top:${writes.join(',')}`,
          });
        } else if (top.kind === 'other') {
          finding({ message: `top-level permissions "${top.text}" is not a permissions value tenet can judge`, line: workflow.permissionsLine, resource: workflow.file, key: 'other', outcome: 'unknown' });
        }
      } else if (!onlyCalled) {
        const unscoped = workflow.jobs.filter((job) => !job.permissions);
        if (unscoped.length > 0) {
          finding({
            message: `no top-level permissions, and job(s) ${unscoped.map((job) => job.id).join(', ')} set none either: their token gets the repository default`,
            line: workflow.eventsLine ?? 1,
            resource: workflow.file,
            key: 'missing',
          });
        }
      }
      for (const job of workflow.jobs) {
        if (job.permissions?.kind === 'write-all') {
          finding({ message: `job ${job.id} sets permissions: write-all; name the scopes it writes`, line: job.permissionsLine, resource: workflowResource(workflow, job), key: `${job.id}:write-all` });
        }
      }
    }
    return evaluated(findings);
  },
});
