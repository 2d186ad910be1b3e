import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import type { YamlDocument } from '../../parsers/yaml.js';
import type { Suppression } from '../../core/result.js';
import { inlineWaiver } from '../../engine/inline-waivers.js';
import { asString, entriesOf, isRecord, keyLine, scalarLineNumbers } from '../ci/shapes.js';

/** A `permissions:` value: `read-all`, `write-all`, `{}` or a map of scope → access. */
export interface WorkflowPermissions {
  kind: 'read-all' | 'write-all' | 'map' | 'other';
  scopes: Record<string, string>;
  /** As written, for messages. */
  text: string;
}

export interface WorkflowStep {
  /** 0-based position in the job's `steps`. */
  index: number;
  line?: number;
  name?: string;
  uses?: string;
  usesLine?: number;
  run?: string;
  runLine?: number;
  /** Every line of `run:` with its line in the file. */
  runLines: { text: string; line?: number }[];
  with: Record<string, string>;
  withLines: Record<string, number | undefined>;
  /** Every line of `with.script` (actions/github-script) with its line in the file. */
  scriptLines: { text: string; line?: number }[];
  workingDirectory?: string;
}

export interface WorkflowJob {
  /** The job id, or `runs` for the steps of a composite action. */
  id: string;
  line?: number;
  name?: string;
  environments: string[];
  permissions?: WorkflowPermissions;
  permissionsLine?: number;
  /** A reusable workflow this job calls. */
  uses?: string;
  usesLine?: number;
  steps: WorkflowStep[];
  /** The job's `if:` condition, as written. */
  condition?: string;
  /** `defaults.run.working-directory` of the job, or else of the workflow. */
  workingDirectory?: string;
  /** Container and service images the job runs in. */
  images: string[];
  needs: string[];
}

export interface Workflow {
  file: string;
  kind: 'workflow' | 'action';
  name?: string;
  /** Event names under `on:` (workflows only). */
  events: string[];
  eventsLine?: number;
  /** Filters of the `push` event, when it has any. */
  pushFilters?: { branches: boolean; tags: boolean };
  permissions?: WorkflowPermissions;
  permissionsLine?: number;
  jobs: WorkflowJob[];
  /** `runs.using` of an action (`composite`, `node20`, `docker`). */
  using?: string;
  /** The `tenet:ignore` waiver of a control at a line of this file, if one is written on or above it. */
  waiver(controlId: string, line: number | undefined): Suppression | undefined;
}

export interface GithubWorkflowFacts {
  workflows: Workflow[];
  /** Workflow and action files that could not be parsed. */
  unreadable: string[];
}

/** Copies of actions kept as test data or vendored dependencies are not the repository's own actions. */
const NOT_AN_ACTION = /(^|\/)(node_modules|vendor|fixtures|testdata|__fixtures__)\//;

/** Workflow files GitHub runs: directly in .github/workflows, never in sub-folders. */
export function workflowFiles(repo: Repository): string[] {
  return repo.glob(['.github/workflows/*.yml', '.github/workflows/*.yaml']).map((file) => file.path);
}

/** GitHub Actions workflows and actions (action.yml), parsed with the lines of what they run. */
export const githubWorkflowFacts = defineCollector<GithubWorkflowFacts>({
  id: 'github-workflows',
  description: 'GitHub Actions workflows and actions: triggers, permissions, jobs, steps, with lines',
  collect({ repo }) {
    const workflows: Workflow[] = [];
    const unreadable: string[] = [];
    for (const file of workflowFiles(repo)) {
      const parsed = readDocument(repo, file);
      if (parsed) workflows.push(parseWorkflow(file, parsed.document, parsed.lines, parsed.text));
      else unreadable.push(file);
    }
    for (const entry of repo.named('action.yml', 'action.yaml').filter((file) => !NOT_AN_ACTION.test(file.path))) {
      const parsed = readDocument(repo, entry.path);
      if (parsed) workflows.push(parseAction(entry.path, parsed.document, parsed.lines, parsed.text));
      else unreadable.push(entry.path);
    }
    return { workflows, unreadable };
  },
});

function readDocument(repo: Repository, file: string): { document: YamlDocument; lines: string[]; text: string } | undefined {
  const text = repo.readText(file);
  const document = repo.yaml(file)?.[0];
  if (text === undefined || !document) return undefined;
  if (!isRecord(document.value)) {
    repo.report(file, 'not a YAML mapping; skipped');
    return undefined;
  }
  return { document, lines: text.split('\n'), text };
}

function parseWorkflow(file: string, document: YamlDocument, lines: string[], text: string): Workflow {
  const root = document.value as Record<string, unknown>;
  const on = root.on ?? root.true;
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on.filter((item): item is string => typeof item === 'string') : Object.keys(isRecord(on) ? on : {});
  const workflow: Workflow = {
    file,
    kind: 'workflow',
    events,
    eventsLine: keyLine(lines, document.lineOf(['on']), 'on'),
    jobs: [],
    waiver: waiverIn(file, text),
  };
  const name = asString(root.name);
  if (name !== undefined) workflow.name = name;
  const push = isRecord(on) ? on.push : undefined;
  if (isRecord(push)) {
    workflow.pushFilters = {
      branches: 'branches' in push || 'branches-ignore' in push,
      tags: 'tags' in push || 'tags-ignore' in push,
    };
  }
  if ('permissions' in root) {
    workflow.permissions = permissionsOf(root.permissions);
    workflow.permissionsLine = keyLine(lines, document.lineOf(['permissions']), 'permissions');
  }
  for (const [id, job] of entriesOf(root.jobs)) {
    if (!isRecord(job)) continue;
    const parsed = parseJob(id, job, ['jobs', id], document, lines);
    const fallback = defaultWorkingDirectory(root);
    if (parsed.workingDirectory === undefined && fallback !== undefined) parsed.workingDirectory = fallback;
    workflow.jobs.push(parsed);
  }
  return workflow;
}

function parseAction(file: string, document: YamlDocument, lines: string[], text: string): Workflow {
  const root = document.value as Record<string, unknown>;
  const runs = isRecord(root.runs) ? root.runs : {};
  const action: Workflow = { file, kind: 'action', events: [], jobs: [], waiver: waiverIn(file, text) };
  const name = asString(root.name);
  if (name !== undefined) action.name = name;
  const using = asString(runs.using);
  if (using !== undefined) action.using = using;
  const job: WorkflowJob = { id: 'runs', environments: [], steps: [], images: [], needs: [] };
  const image = asString(runs.image);
  if (image?.startsWith('docker://')) job.images.push(image);
  if (Array.isArray(runs.steps)) job.steps = parseSteps(runs.steps, ['runs', 'steps'], document, lines);
  job.line = keyLine(lines, document.lineOf(['runs']), 'runs');
  action.jobs.push(job);
  return action;
}

function parseJob(id: string, job: Record<string, unknown>, at: (string | number)[], document: YamlDocument, lines: string[]): WorkflowJob {
  const parsed: WorkflowJob = { id, environments: [], steps: [], images: [], needs: [] };
  parsed.line = keyLine(lines, document.lineOf(at), id);
  const name = asString(job.name);
  if (name !== undefined) parsed.name = name;
  const condition = asString(job.if);
  if (condition !== undefined) parsed.condition = condition;
  const workingDirectory = defaultWorkingDirectory(job);
  if (workingDirectory !== undefined) parsed.workingDirectory = workingDirectory;
  const environment = isRecord(job.environment) ? asString(job.environment.name) : asString(job.environment);
  if (environment) parsed.environments.push(environment);
  if ('permissions' in job) {
    parsed.permissions = permissionsOf(job.permissions);
    parsed.permissionsLine = keyLine(lines, document.lineOf([...at, 'permissions']), 'permissions');
  }
  const uses = asString(job.uses);
  if (uses !== undefined) {
    parsed.uses = uses;
    parsed.usesLine = document.lineOf([...at, 'uses']);
  }
  const container = isRecord(job.container) ? asString(job.container.image) : asString(job.container);
  if (container) parsed.images.push(container);
  for (const [, service] of entriesOf(job.services)) {
    const image = isRecord(service) ? asString(service.image) : undefined;
    if (image) parsed.images.push(image);
  }
  parsed.needs = typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs.filter((need): need is string => typeof need === 'string') : [];
  if (Array.isArray(job.steps)) parsed.steps = parseSteps(job.steps, [...at, 'steps'], document, lines);
  return parsed;
}

function parseSteps(steps: unknown[], at: (string | number)[], document: YamlDocument, lines: string[]): WorkflowStep[] {
  const parsed: WorkflowStep[] = [];
  steps.forEach((step, index) => {
    if (!isRecord(step)) return;
    const stepAt = [...at, index];
    const entry: WorkflowStep = { index, runLines: [], with: {}, withLines: {}, scriptLines: [] };
    entry.line = document.lineOf(stepAt);
    const name = asString(step.name);
    if (name !== undefined) entry.name = name;
    const uses = asString(step.uses);
    if (uses !== undefined) {
      entry.uses = uses.trim();
      entry.usesLine = document.lineOf([...stepAt, 'uses']);
    }
    const run = asString(step.run);
    if (run !== undefined) {
      entry.run = run;
      entry.runLine = document.lineOf([...stepAt, 'run']);
      const numbers = scalarLineNumbers(lines, entry.runLine, run);
      entry.runLines = run.split('\n').map((text, line) => ({ text, line: numbers[line] }));
    }
    for (const [key, value] of entriesOf(step.with)) {
      const text = asString(value);
      if (text === undefined) continue;
      entry.with[key] = text;
      entry.withLines[key] = document.lineOf([...stepAt, 'with', key]);
    }
    if (entry.with.script !== undefined) {
      const numbers = scalarLineNumbers(lines, entry.withLines.script, entry.with.script);
      entry.scriptLines = entry.with.script.split('\n').map((text, line) => ({ text, line: numbers[line] }));
    }
    const workingDirectory = asString(step['working-directory']);
    if (workingDirectory !== undefined) entry.workingDirectory = workingDirectory;
    parsed.push(entry);
  });
  return parsed;
}

function defaultWorkingDirectory(owner: Record<string, unknown>): string | undefined {
  const run = isRecord(owner.defaults) ? owner.defaults.run : undefined;
  return isRecord(run) ? asString(run['working-directory']) : undefined;
}

/** Looks waivers up in the file's text, which the facts keep only inside this closure (raw output stays small). */
export function waiverIn(file: string, text: string): (controlId: string, line: number | undefined) => Suppression | undefined {
  const mayWaive = text.includes('tenet:ignore');
  return (controlId, line) => {
    const found = mayWaive && line !== undefined ? inlineWaiver(text, line, controlId) : undefined;
    return found ? { kind: 'inline', reason: found.reason, source: `${file}:${found.line}` } : undefined;
  };
}

function permissionsOf(value: unknown): WorkflowPermissions {
  if (value === 'read-all' || value === 'write-all') return { kind: value, scopes: {}, text: value };
  if (isRecord(value)) {
    const scopes: Record<string, string> = {};
    for (const [scope, access] of Object.entries(value)) scopes[scope] = asString(access) ?? '';
    const text = Object.keys(scopes).length ? Object.entries(scopes).map(([scope, access]) => `${scope}: ${access}`).join(', ') : '{}';
    return { kind: 'map', scopes, text };
  }
  return { kind: 'other', scopes: {}, text: asString(value) ?? String(value) };
}

/** The scopes a permissions value grants write access to (`*` for write-all). */
export function writeScopes(permissions: WorkflowPermissions): string[] {
  if (permissions.kind === 'write-all') return ['*'];
  return Object.entries(permissions.scopes).filter(([, access]) => access === 'write').map(([scope]) => scope);
}

/** The repository-relative file a local `uses: ./path` points at (an action directory or workflow file). */
export function localUsesPath(uses: string): string | undefined {
  if (!uses.startsWith('./')) return undefined;
  return path.posix.normalize(uses.slice(2).split('@')[0] ?? '');
}
