import type { Workflow } from '../workflows/github-workflows.js';
import { localUsesPath } from '../workflows/github-workflows.js';
import { anchored, commandsOfNumberedScript, type CiTrigger, type RawJob } from './model.js';
import { classifyUse } from './uses.js';

const EVENT_TRIGGERS: Record<string, CiTrigger> = {
  push: 'push',
  pull_request: 'pull_request',
  pull_request_target: 'pull_request',
  merge_group: 'pull_request',
  schedule: 'schedule',
  workflow_dispatch: 'manual',
  repository_dispatch: 'manual',
  release: 'release',
  workflow_call: 'workflow_call',
};

/** A job `if:` that admits one event only (`github.event_name == 'push'`) narrows the workflow's triggers. */
function narrowedByCondition(triggers: CiTrigger[], condition: string | undefined): CiTrigger[] {
  if (!condition || /\|\||!=/.test(condition)) return triggers;
  const events = [...condition.matchAll(/github\.event_name\s{0,4}==\s{0,4}'([a-z_]{1,40})'/g)].map((match) => match[1] ?? '');
  if (events.length !== 1) return triggers;
  const only = EVENT_TRIGGERS[events[0] ?? ''] ?? 'other';
  return triggers.filter((trigger) => trigger === only || (only === 'push' && trigger === 'tag'));
}

function triggersOf(workflow: Workflow): CiTrigger[] {
  const triggers = new Set<CiTrigger>();
  for (const event of workflow.events) {
    if (event === 'push' && workflow.pushFilters?.tags && !workflow.pushFilters.branches) triggers.add('tag');
    else triggers.add(EVENT_TRIGGERS[event] ?? 'other');
  }
  return [...triggers];
}

/** Jobs of GitHub Actions workflows; jobs of reusable workflows take their callers' triggers. */
export function githubJobs(workflows: readonly Workflow[]): RawJob[] {
  const files = workflows.filter((workflow) => workflow.kind === 'workflow');
  const callerTriggers = new Map<string, Set<CiTrigger>>();
  for (const workflow of files) {
    for (const job of workflow.jobs) {
      const called = job.uses ? localUsesPath(job.uses) : undefined;
      if (!called) continue;
      const set = callerTriggers.get(called) ?? new Set<CiTrigger>();
      triggersOf(workflow).forEach((trigger) => set.add(trigger));
      callerTriggers.set(called, set);
    }
  }
  const actions = new Map(workflows.filter((workflow) => workflow.kind === 'action').map((action) => [action.file.replace(/\/?action\.ya?ml$/, '') || '.', action]));
  const jobs: RawJob[] = [];
  for (const workflow of files) {
    let triggers = triggersOf(workflow);
    const inherited = callerTriggers.get(workflow.file);
    if (inherited) triggers = [...new Set([...triggers.filter((trigger) => trigger !== 'workflow_call'), ...inherited])];
    for (const job of workflow.jobs) {
      const raw: RawJob = {
        system: 'github-actions',
        file: workflow.file,
        id: job.id,
        triggers: narrowedByCondition(triggers, job.condition),
        environments: job.environments,
        approval: false,
        commands: [],
        uses: job.images.map((image) => ({ kind: 'image' as const, ref: image, line: job.line })),
      };
      if (job.name !== undefined) raw.name = job.name;
      // `if: always()` (or failure()/cancelled()) runs the job whatever became of the jobs it needs.
      if (job.needs.length > 0 && !/\b(always|failure|cancelled)\(\)/.test(job.condition ?? '')) raw.after = [...job.needs];
      if (job.line !== undefined) raw.line = job.line;
      if (job.uses) raw.uses.push({ kind: 'action', ref: job.uses, line: job.usesLine });
      // Another repository's workflow is out of sight, unless its name says all it does.
      if (job.uses && !localUsesPath(job.uses) && classifyUse('action', job.uses).length === 0) raw.opaque = [job.uses];
      const workingDirectory = job.steps.find((step) => step.workingDirectory)?.workingDirectory ?? job.workingDirectory;
      if (workingDirectory !== undefined) raw.workingDirectory = workingDirectory;
      for (const step of job.steps) {
        if (step.run !== undefined) raw.commands.push(...anchored(commandsOfNumberedScript(step.run, step.runLines), step.runLine ?? step.line, step.index));
        if (!step.uses) continue;
        raw.uses.push({ kind: 'action', ref: step.uses, line: step.usesLine, with: step.with });
        // A local composite action's steps run as part of this job.
        const local = localUsesPath(step.uses);
        const action = local === undefined ? undefined : actions.get(local);
        for (const actionStep of action?.jobs[0]?.steps ?? []) {
          if (actionStep.run !== undefined) raw.commands.push(...commandsOfNumberedScript(actionStep.run, actionStep.runLines, action?.file));
          if (actionStep.uses) raw.uses.push({ kind: 'action', ref: actionStep.uses, line: actionStep.usesLine, file: action?.file, with: actionStep.with });
        }
      }
      jobs.push(raw);
    }
  }
  return jobs;
}
