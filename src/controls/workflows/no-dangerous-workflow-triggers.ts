import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { githubWorkflowFacts, localUsesPath, type Workflow, type WorkflowStep } from '../../facts/workflows/github-workflows.js';
import { unreadableFindings, workflowFinding, workflowResource } from './workflow-finding.js';

const ID = 'no-dangerous-workflow-triggers';
const PRIVILEGED_EVENTS = ['pull_request_target', 'workflow_run'];

/** Expressions that name the pull request's own code rather than the base repository's. */
const UNTRUSTED_REF =
  /github\.event\.pull_request\.head\.(?:sha|ref|repo\.full_name)|github\.event\.pull_request\.merge_commit_sha|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch|repository\.full_name)|github\.event\.workflow_run\.head_commit\.id|refs\/pull\//;
const RUN_CHECKOUT = /\bgh\s{1,4}pr\s{1,4}checkout\b|\bgit\s{1,4}(?:checkout|switch|fetch|pull|reset)\b[^\n]{0,300}(?:\$\{\{[^\n]{0,200}(?:head|pull)|pull\/|refs\/pull)/;

/** How a step fetches the pull request's code and on which line, or undefined when it does not. */
function untrustedCheckout(step: WorkflowStep): { how: string; line: number | undefined } | undefined {
  const line = step.usesLine ?? step.line;
  if (step.uses && /^actions\/checkout@/i.test(step.uses)) {
    const ref = step.with.ref ?? '';
    const repository = step.with.repository ?? '';
    if (UNTRUSTED_REF.test(ref)) return { how: `actions/checkout with ref: ${ref}`, line };
    if (UNTRUSTED_REF.test(repository)) return { how: `actions/checkout with repository: ${repository}`, line };
  }
  const command = step.runLines.find((entry) => RUN_CHECKOUT.test(entry.text));
  return command ? { how: command.text.trim().slice(0, 120), line: command.line ?? step.runLine } : undefined;
}

function runsCode(step: WorkflowStep): boolean {
  return step.run !== undefined || (step.uses?.startsWith('./') ?? false);
}

export default defineControl({
  meta: {
    id: ID,
    title: 'No privileged workflow checks out and runs pull request code',
    domain: 'workflows',
    severity: 'critical',
    rationale:
      '`pull_request_target` and `workflow_run` run with the base repository\'s secrets and a write token. A job that checks out the pull request\'s head and then builds or tests it runs an outsider\'s code with those privileges ("pwn request").',
    remediation:
      'Build and test untrusted code under `pull_request` (no secrets, read-only token). If a privileged follow-up is needed, pass data as an artifact to a `workflow_run` job that never executes it, and check out only the base ref there.',
    facts: ['github-workflows'],
  },
  async check({ facts }) {
    const { workflows, unreadable } = await facts(githubWorkflowFacts);
    const all = workflows.filter((workflow) => workflow.kind === 'workflow');
    const privileged = new Map<Workflow, string>();
    for (const workflow of all) {
      const events = workflow.events.filter((name) => PRIVILEGED_EVENTS.includes(name));
      if (events.length) privileged.set(workflow, events.join(' and '));
    }
    // A reusable workflow called by a privileged one runs with the caller's privileges.
    for (const [caller, event] of [...privileged]) {
      for (const job of caller.jobs) {
        const called = job.uses ? localUsesPath(job.uses) : undefined;
        const target = all.find((workflow) => workflow.file === called);
        if (target && !privileged.has(target)) privileged.set(target, `${event} (called from ${caller.file})`);
      }
    }
    const unjudged = unreadableFindings(unreadable.filter((file) => file.startsWith('.github/workflows/')));
    if (privileged.size === 0 && unjudged.length === 0) return notApplicable('no workflow runs on pull_request_target or workflow_run');
    const findings: FindingInput[] = unjudged;
    for (const [workflow, event] of privileged) {
      for (const job of workflow.jobs) {
        job.steps.forEach((step, position) => {
          const checkout = untrustedCheckout(step);
          if (!checkout) return;
          const { how } = checkout;
          const runner =
            job.steps.slice(position + 1).find(runsCode) ??
            (step.run !== undefined && step.runLines.filter((line) => line.text.trim() && !line.text.trim().startsWith('#')).length > 1 ? step : undefined);
          if (!runner) return;
          const runnerLine = runner.runLine ?? runner.usesLine ?? runner.line;
          findings.push(
            workflowFinding(ID, workflow, {
              message: `job ${job.id} runs on ${event}, checks out the pull request's code (${how}) and then runs code at step ${runner.index}${runnerLine ? ` (line ${runnerLine})` : ''}`,
              line: checkout.line,
              resource: workflowResource(workflow, job, step),
              key: `${job.id}:${how}`,
            }),
          );
        });
      }
    }
    return evaluated(findings);
  },
});
