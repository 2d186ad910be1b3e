import type { Repository } from '../../repo/repository.js';
import type { YamlDocument } from '../../parsers/yaml.js';
import { asString, entriesOf, isRecord } from './shapes.js';
import { commandsOfScript, type CiTrigger, type RawJob } from './model.js';

const FILE = 'bitbucket-pipelines.yml';
const SECTIONS: Record<string, CiTrigger[]> = {
  // `default` runs for every branch push, so it also builds the source branch of every pull request.
  default: ['push', 'pull_request'],
  branches: ['push'],
  'pull-requests': ['pull_request'],
  tags: ['tag'],
  bookmarks: ['push'],
  custom: ['manual'],
};

interface Context {
  document: YamlDocument;
  lines: string[];
  defaultImage?: string;
  jobs: RawJob[];
}

/** Bitbucket Pipelines: every step of every pipeline is a job. */
export function bitbucketJobs(repo: Repository): RawJob[] {
  if (!repo.has(FILE)) return [];
  const text = repo.readText(FILE);
  const document = repo.yaml(FILE)?.[0];
  if (text === undefined || !document || !isRecord(document.value)) return [];
  const root = document.value;
  const image = isRecord(root.image) ? asString(root.image.name) : asString(root.image);
  const context: Context = { document, lines: text.split('\n'), jobs: [] };
  if (image) context.defaultImage = image;
  for (const [section, value] of entriesOf(root.pipelines)) {
    const triggers = SECTIONS[section] ?? ['other'];
    if (section === 'default') pipeline(context, () => collectItems(context, value, ['pipelines', 'default'], 'default', triggers, undefined));
    else for (const [pattern, items] of entriesOf(value)) pipeline(context, () => collectItems(context, items, ['pipelines', section, pattern], `${section}.${pattern}`, triggers, undefined));
  }
  return context.jobs;
}

/** Steps of one pipeline run in order and stop at the first failure: each waits for the ones before. */
function pipeline(context: Context, collect: () => void): void {
  const start = context.jobs.length;
  collect();
  const steps = context.jobs.slice(start);
  steps.forEach((step, index) => {
    if (index > 0) step.after = steps.slice(0, index).map((earlier) => earlier.id);
  });
}

function collectItems(context: Context, items: unknown, at: (string | number)[], prefix: string, triggers: CiTrigger[], deployment: string | undefined): void {
  const list = Array.isArray(items) ? items : isRecord(items) && Array.isArray(items.steps) ? items.steps : [];
  const listAt = Array.isArray(items) ? at : [...at, 'steps'];
  list.forEach((item, index) => {
    if (!isRecord(item)) return;
    const itemAt = [...listAt, index];
    if (isRecord(item.step)) addStep(context, item.step, [...itemAt, 'step'], `${prefix}[${index}]`, triggers, deployment);
    if (item.parallel !== undefined) collectItems(context, item.parallel, [...itemAt, 'parallel'], `${prefix}[${index}]`, triggers, deployment);
    if (isRecord(item.stage)) {
      collectItems(context, item.stage.steps, [...itemAt, 'stage', 'steps'], `${prefix}[${index}]`, triggers, asString(item.stage.deployment) ?? deployment);
    }
  });
}

function addStep(context: Context, step: Record<string, unknown>, at: (string | number)[], fallbackId: string, triggers: CiTrigger[], deployment: string | undefined): void {
  const name = asString(step.name);
  const job: RawJob = { system: 'bitbucket-pipelines', file: FILE, id: name ?? fallbackId, triggers, environments: [], approval: step.trigger === 'manual', commands: [], uses: [] };
  const line = context.document.lineOf(at);
  if (line !== undefined) job.line = line;
  if (name !== undefined) job.name = name;
  const environment = asString(step.deployment) ?? deployment;
  if (environment) job.environments.push(environment);
  const image = isRecord(step.image) ? asString(step.image.name) : asString(step.image) ?? context.defaultImage;
  if (image) job.uses.push({ kind: 'image', ref: image, line: job.line });
  for (const key of ['script', 'after-script']) {
    const scripts = step[key];
    if (!Array.isArray(scripts)) continue;
    scripts.forEach((entry, index) => {
      const entryAt = [...at, key, index];
      const text = asString(entry);
      if (text !== undefined) job.commands.push(...commandsOfScript(context.lines, context.document.lineOf(entryAt), text));
      else if (isRecord(entry) && asString(entry.pipe)) job.uses.push({ kind: 'pipe', ref: asString(entry.pipe) ?? '', line: context.document.lineOf([...entryAt, 'pipe']) });
    });
  }
  context.jobs.push(job);
}
