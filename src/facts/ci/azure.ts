import path from 'node:path';
import type { Repository } from '../../repo/repository.js';
import type { YamlDocument } from '../../parsers/yaml.js';
import { asString, asStringList, isRecord } from './shapes.js';
import { commandsOfScript, type CiTrigger, type RawJob } from './model.js';

const SCRIPT_STEPS = ['script', 'bash', 'pwsh', 'powershell'];
/** Where a deployment job's strategy keeps its lifecycle hooks' steps. */
const STRATEGY_KEYS = new Set(['strategy', 'runOnce', 'rolling', 'canary', 'deploy', 'preDeploy', 'routeTraffic', 'postRouteTraffic', 'on', 'success', 'failure']);

interface Source {
  file: string;
  document: YamlDocument;
  lines: string[];
  repo: Repository;
}

function loadSource(repo: Repository, file: string): Source | undefined {
  const text = repo.has(file) ? repo.readText(file) : undefined;
  const document = repo.yaml(file)?.[0];
  if (text === undefined || !document || !isRecord(document.value)) return undefined;
  return { file, document, lines: text.split('\n'), repo };
}

/** A template in this repository (`steps/build.yml`, `/ci/steps.yml`); `file@repo` lives elsewhere. */
function localTemplate(from: string, template: string): string | undefined {
  if (template.includes('@') || template.includes('$')) return undefined;
  const joined = template.startsWith('/') ? template.slice(1) : path.posix.join(path.posix.dirname(from), template);
  const normalised = path.posix.normalize(joined);
  return normalised.startsWith('..') ? undefined : normalised;
}

/** Azure Pipelines files: stages → jobs (or deployment jobs with environments) → steps. */
export function azureJobs(repo: Repository): RawJob[] {
  const files = repo.glob(['azure-pipelines.yml', 'azure-pipelines.yaml', '.azure-pipelines.yml', '.azure-pipelines/*.yml', 'azure-pipelines/*.yml', '.pipelines/*.yml']).map((file) => file.path);
  const jobs: RawJob[] = [];
  for (const file of files) {
    const source = loadSource(repo, file);
    if (!source) continue;
    const root = source.document.value as Record<string, unknown>;
    if (!('steps' in root || 'jobs' in root || 'stages' in root || 'extends' in root)) continue;
    const triggers = triggersOf(root);
    const addJob = (body: Record<string, unknown>, at: (string | number)[], fallbackId: string): RawJob => {
      const id = asString(body.deployment) ?? asString(body.job) ?? fallbackId;
      const job: RawJob = { system: 'azure-pipelines', file, id, triggers, environments: [], approval: false, commands: [], uses: [] };
      const line = at.length ? source.document.lineOf(at) : 1;
      if (line !== undefined) job.line = line;
      const name = asString(body.displayName);
      if (name !== undefined) job.name = name;
      const template = asString(body.template);
      if (template !== undefined) job.opaque = [`template ${template}`];
      const environment = isRecord(body.environment) ? asString(body.environment.name) : asString(body.environment);
      if (environment) job.environments.push(environment.split('.')[0] ?? environment);
      const container = isRecord(body.container) ? asString(body.container.image) : asString(body.container);
      if (container) job.uses.push({ kind: 'image', ref: container, line: job.line });
      collectSteps(source, body, at, job, 0);
      const dependsOn = asStringList(body.dependsOn);
      if (dependsOn.length > 0) job.after = dependsOn;
      jobs.push(job);
      return job;
    };
    if (Array.isArray(root.stages)) {
      // A stage waits for the stage before it unless `dependsOn` says otherwise.
      const stageJobs = new Map<string, string[]>();
      let previous: string | undefined;
      root.stages.forEach((stage, stageIndex) => {
        if (!isRecord(stage) || !Array.isArray(stage.jobs)) return;
        const name = asString(stage.stage) ?? `stage${stageIndex}`;
        const dependsOn = 'dependsOn' in stage ? asStringList(stage.dependsOn) : previous === undefined ? [] : [previous];
        const earlier = dependsOn.flatMap((dependency) => stageJobs.get(dependency) ?? []);
        const ids: string[] = [];
        stage.jobs.forEach((job, jobIndex) => {
          if (!isRecord(job)) return;
          const added = addJob(job, ['stages', stageIndex, 'jobs', jobIndex], `${name}.job${jobIndex}`);
          ids.push(added.id);
          const after = [...earlier, ...(added.after ?? [])];
          if (after.length > 0) added.after = after;
        });
        stageJobs.set(name, ids);
        previous = name;
      });
    } else if (Array.isArray(root.jobs)) {
      root.jobs.forEach((job, jobIndex) => {
        if (isRecord(job)) addJob(job, ['jobs', jobIndex], `job${jobIndex}`);
      });
    } else {
      addJob(root, [], 'job');
    }
    const extended = isRecord(root.extends) ? asString(root.extends.template) : undefined;
    if (extended !== undefined) for (const job of jobs.filter((entry) => entry.file === file)) (job.opaque ??= []).push(`template ${extended}`);
  }
  return jobs;
}

/** Every `steps:` list of a job, including a deployment strategy's lifecycle hooks. */
function collectSteps(source: Source, body: Record<string, unknown>, at: (string | number)[], job: RawJob, depth: number): void {
  if (depth > 4) return;
  for (const [key, value] of Object.entries(body)) {
    if (key === 'steps' && Array.isArray(value)) {
      value.forEach((step, index) => {
        if (!isRecord(step)) return;
        const stepAt = [...at, 'steps', index];
        for (const scriptKey of SCRIPT_STEPS) {
          const script = asString(step[scriptKey]);
          if (script !== undefined) job.commands.push(...commandsOfScript(source.lines, source.document.lineOf([...stepAt, scriptKey]), script, source.file));
        }
        const template = asString(step.template);
        const local = template === undefined ? undefined : localTemplate(source.file, template);
        const included = local === undefined ? undefined : loadSource(source.repo, local);
        if (included) collectSteps(included, included.document.value as Record<string, unknown>, [], job, depth + 1);
        else if (template !== undefined) (job.opaque ??= []).push(`template ${template}`);
        const task = asString(step.task);
        if (task !== undefined) {
          const inputs: Record<string, string> = {};
          if (isRecord(step.inputs)) for (const [input, inputValue] of Object.entries(step.inputs)) inputs[input] = asString(inputValue) ?? '';
          job.uses.push({ kind: 'task', ref: task, line: source.document.lineOf([...stepAt, 'task']), file: source.file, with: inputs });
          const inline = inputs.script ?? inputs.inlineScript;
          if (inline) job.commands.push(...commandsOfScript(source.lines, source.document.lineOf([...stepAt, 'inputs', inputs.script ? 'script' : 'inlineScript']), inline, source.file));
        }
      });
    } else if (isRecord(value) && STRATEGY_KEYS.has(key)) {
      collectSteps(source, value, [...at, key], job, depth + 1);
    }
  }
}

function triggersOf(root: Record<string, unknown>): CiTrigger[] {
  const triggers = new Set<CiTrigger>();
  const trigger = root.trigger;
  if (trigger !== 'none') {
    const onlyTags = isRecord(trigger) && 'tags' in trigger && !('branches' in trigger);
    triggers.add(onlyTags ? 'tag' : 'push');
  }
  if (root.pr !== 'none') triggers.add('pull_request');
  if (root.schedules !== undefined) triggers.add('schedule');
  return [...triggers];
}

