import type { Repository } from '../../repo/repository.js';
import type { YamlDocument } from '../../parsers/yaml.js';
import { asString, asStringList, entriesOf, isRecord, keyLine } from './shapes.js';
import { commandsOfScript, type CiTrigger, type RawJob } from './model.js';

const FILE = '.circleci/config.yml';

interface Context {
  document: YamlDocument;
  lines: string[];
  root: Record<string, unknown>;
  orbs: Set<string>;
}

/** Jobs of .circleci/config.yml as its workflows run them (each workflow entry is one job). */
export function circleciJobs(repo: Repository): RawJob[] {
  const file = repo.has(FILE) ? FILE : repo.has('.circleci/config.yaml') ? '.circleci/config.yaml' : undefined;
  if (!file) return [];
  const text = repo.readText(file);
  const document = repo.yaml(file)?.[0];
  if (text === undefined || !document || !isRecord(document.value)) return [];
  const context: Context = { document, lines: text.split('\n'), root: document.value, orbs: new Set(Object.keys(isRecord(document.value.orbs) ? document.value.orbs : {})) };
  const orbUses = entriesOf(context.root.orbs).map(([name, ref]) => ({ kind: 'orb' as const, ref: asString(ref) ?? name, line: document.lineOf(['orbs', name]) }));
  const workflows = entriesOf(context.root.workflows).filter(([name, workflow]) => name !== 'version' && isRecord(workflow));
  const jobs: RawJob[] = [];
  if (workflows.length === 0) {
    // Config version 2.0 without workflows runs the `build` job on every push.
    const build = entriesOf(context.root.jobs).find(([name]) => name === 'build');
    if (build) jobs.push(jobOf(context, file, 'build', 'build', ['push', 'pull_request'], [], false, orbUses));
    return jobs;
  }
  for (const [, workflow] of workflows) {
    if (!isRecord(workflow)) continue;
    const scheduled = Array.isArray(workflow.triggers) && workflow.triggers.some((trigger) => isRecord(trigger) && 'schedule' in trigger);
    const entries = (Array.isArray(workflow.jobs) ? workflow.jobs : []).map((entry) =>
      typeof entry === 'string' ? { job: entry, options: {} as Record<string, unknown> } : isRecord(entry) ? { job: Object.keys(entry)[0] ?? '', options: isRecord(Object.values(entry)[0]) ? (Object.values(entry)[0] as Record<string, unknown>) : {} } : undefined,
    );
    const approvals = new Set(entries.filter((entry) => entry?.options.type === 'approval').map((entry) => asString(entry?.options.name) ?? entry?.job ?? ''));
    for (const entry of entries) {
      if (!entry || entry.options.type === 'approval') continue;
      const triggers: CiTrigger[] = scheduled ? ['schedule'] : triggersOf(entry.options.filters);
      const approval = asStringList(entry.options.requires).some((name) => approvals.has(name));
      const contexts = asStringList(entry.options.context);
      const job = jobOf(context, file, entry.job, asString(entry.options.name) ?? entry.job, triggers, contexts, approval, orbUses);
      const requires = asStringList(entry.options.requires).filter((name) => !approvals.has(name));
      if (requires.length > 0) job.after = requires;
      jobs.push(job);
    }
  }
  return jobs;
}

function triggersOf(filters: unknown): CiTrigger[] {
  if (!isRecord(filters)) return ['push', 'pull_request'];
  const branches = isRecord(filters.branches) ? filters.branches : undefined;
  const tags = isRecord(filters.tags) ? filters.tags : undefined;
  const triggers = new Set<CiTrigger>();
  const ignoresAllBranches = branches !== undefined && asStringList(branches.ignore).some((pattern) => pattern === '/.*/');
  if (!ignoresAllBranches) {
    triggers.add('push');
    if (!branches || !('only' in branches)) triggers.add('pull_request');
  }
  if (tags && 'only' in tags) triggers.add('tag');
  return [...triggers];
}

function jobOf(context: Context, file: string, jobName: string, id: string, triggers: CiTrigger[], environments: string[], approval: boolean, orbUses: RawJob['uses']): RawJob {
  const job: RawJob = { system: 'circleci', file, id, triggers, environments, approval, commands: [], uses: [...orbUses] };
  const body = isRecord(context.root.jobs) ? context.root.jobs[jobName] : undefined;
  const [orb, orbJob] = jobName.split('/');
  if (!isRecord(body)) {
    // An orb's job, e.g. `node/test`: only its name says what it does.
    if (orb && orbJob && context.orbs.has(orb)) {
      job.uses.push({ kind: 'orb', ref: jobName, line: undefined });
      job.opaque = [`orb job ${jobName}`];
    }
    return job;
  }
  const line = keyLine(context.lines, context.document.lineOf(['jobs', jobName]), jobName);
  if (line !== undefined) job.line = line;
  for (const executor of Array.isArray(body.docker) ? body.docker : []) {
    const image = isRecord(executor) ? asString(executor.image) : undefined;
    if (image) job.uses.push({ kind: 'image', ref: image, line: job.line });
  }
  if (Array.isArray(body.steps)) collectSteps(context, body.steps, ['jobs', jobName, 'steps'], job, 0);
  return job;
}

function collectSteps(context: Context, steps: unknown[], at: (string | number)[], job: RawJob, depth: number): void {
  if (depth > 3) return;
  steps.forEach((step, index) => {
    const stepAt = [...at, index];
    if (typeof step === 'string') {
      expandCommand(context, step, job, depth);
      return;
    }
    if (!isRecord(step)) return;
    for (const [key, value] of Object.entries(step)) {
      if (key === 'run') {
        const command = isRecord(value) ? asString(value.command) : asString(value);
        const commandAt = isRecord(value) ? [...stepAt, 'run', 'command'] : [...stepAt, 'run'];
        if (command) job.commands.push(...commandsOfScript(context.lines, context.document.lineOf(commandAt), command));
      } else if ((key === 'when' || key === 'unless') && isRecord(value) && Array.isArray(value.steps)) {
        collectSteps(context, value.steps, [...stepAt, key, 'steps'], job, depth + 1);
      } else if (key.includes('/')) {
        job.uses.push({ kind: 'orb', ref: key, line: context.document.lineOf(stepAt) });
      } else {
        expandCommand(context, key, job, depth);
      }
    }
  });
}

/** A step naming a reusable command of the config runs that command's steps. */
function expandCommand(context: Context, name: string, job: RawJob, depth: number): void {
  if (name.includes('/') && context.orbs.has(name.split('/')[0] ?? '')) {
    job.uses.push({ kind: 'orb', ref: name });
    return;
  }
  const command = isRecord(context.root.commands) ? context.root.commands[name] : undefined;
  if (isRecord(command) && Array.isArray(command.steps)) collectSteps(context, command.steps, ['commands', name, 'steps'], job, depth + 1);
}
