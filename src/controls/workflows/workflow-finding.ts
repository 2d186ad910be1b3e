import type { FindingInput } from '../../engine/control.js';
import type { Workflow, WorkflowJob, WorkflowStep } from '../../facts/workflows/github-workflows.js';

/** The resource address of ARCHITECTURE.md: `workflow-file#job-id` and `/step-index` (0-based). */
export function workflowResource(workflow: Workflow, job?: WorkflowJob, step?: WorkflowStep): string {
  if (!job) return workflow.file;
  return step ? `${workflow.file}#${job.id}/${step.index}` : `${workflow.file}#${job.id}`;
}

/** One `unknown` finding per workflow or action file that could not be parsed: what it does cannot be judged. */
export function unreadableFindings(unreadable: readonly string[]): FindingInput[] {
  return unreadable.map((file) => ({ message: `${file} could not be parsed, so it cannot be judged`, file, key: 'unreadable', outcome: 'unknown' }));
}

/** A finding in a workflow file, waived when a `tenet:ignore` comment for this control covers its line. */
export function workflowFinding(controlId: string, workflow: Workflow, finding: Omit<FindingInput, 'file'>): FindingInput {
  const result: FindingInput = { ...finding, file: workflow.file };
  const suppressed = workflow.waiver(controlId, finding.line);
  if (suppressed) result.suppressed = suppressed;
  return result;
}
