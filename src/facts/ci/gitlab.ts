import path from 'node:path';
import type { Repository } from '../../repo/repository.js';
import type { YamlDocument } from '../../parsers/yaml.js';
import { asString, asStringList, isRecord, keyLine } from './shapes.js';
import { anchored, commandsOfScript, type CiTrigger, type OpaqueConfig, type RawJob } from './model.js';

const RESERVED = new Set(['image', 'services', 'stages', 'types', 'before_script', 'after_script', 'variables', 'cache', 'include', 'workflow', 'default', 'spec']);
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'] as const;
const MAX_INCLUDES = 50;

interface Source {
  file: string;
  document: YamlDocument;
  lines: string[];
}

/** A job definition and where it was written, so that inherited scripts keep their own lines. */
interface Definition {
  name: string;
  body: Record<string, unknown>;
  source: Source;
}

/** Jobs of .gitlab-ci.yml and the local files it includes; other includes are recorded as templates. */
export function gitlabJobs(repo: Repository, opaque: OpaqueConfig[] = []): RawJob[] {
  if (!repo.has('.gitlab-ci.yml')) return [];
  const definitions = new Map<string, Definition>();
  const templates: { ref: string; file: string; line?: number }[] = [];
  let globals: { body: Record<string, unknown>; source: Source } | undefined;
  const visited = new Set<string>();
  const load = (file: string): void => {
    if (visited.has(file) || visited.size >= MAX_INCLUDES) return;
    visited.add(file);
    const text = repo.readText(file);
    const document = repo.yaml(file)?.[0];
    if (text === undefined || !document || !isRecord(document.value)) return;
    const source: Source = { file, document, lines: text.split('\n') };
    const root = document.value;
    globals ??= { body: root, source };
    for (const include of includesOf(root.include)) {
      if (include.local !== undefined) {
        const target = include.local.replace(/^\//, '');
        const matches = target.includes('*') ? repo.glob(target).map((entry) => entry.path) : [path.posix.normalize(target)];
        matches.forEach(load);
      } else if (include.ref) {
        const line = keyLine(source.lines, document.lineOf(['include']), 'include');
        if (include.template) templates.push({ ref: include.ref, file, line });
        else opaque.push(line === undefined ? { file, ref: include.ref } : { file, line, ref: include.ref });
      }
    }
    for (const [name, body] of Object.entries(root)) {
      if (RESERVED.has(name) || !isRecord(body)) continue;
      definitions.set(name, { name, body, source });
    }
  };
  load('.gitlab-ci.yml');
  const defaults = globals ? { ...globals.body, ...(isRecord(globals.body.default) ? globals.body.default : {}) } : {};
  const jobs: RawJob[] = [];
  const order = new Map<RawJob, { stage: string; needs?: string[]; always: boolean }>();
  for (const definition of definitions.values()) {
    if (definition.name.startsWith('.')) continue;
    const resolved = resolveExtends(definition, definitions);
    const body = resolved.body;
    if (!('script' in body) && !('trigger' in body) && !('extends' in definition.body)) continue;
    const job: RawJob = {
      system: 'gitlab-ci',
      file: definition.source.file,
      id: definition.name,
      triggers: triggersOf(body),
      environments: [],
      approval: body.when === 'manual' || rulesOf(body).some((rule) => rule.when === 'manual'),
      commands: [],
      uses: [],
    };
    const line = keyLine(definition.source.lines, definition.source.document.lineOf([definition.name]), definition.name);
    if (line !== undefined) job.line = line;
    const environment = isRecord(body.environment) ? asString(body.environment.name) : asString(body.environment);
    if (environment) job.environments.push(environment);
    for (const key of SCRIPT_KEYS) {
      const origin = resolved.origins.has(key) ? { at: [resolved.origins.get(key)?.name ?? '', key], source: resolved.origins.get(key)?.source } : globalOrigin(globals, key);
      const value = resolved.origins.has(key) ? body[key] : defaults[key];
      if (!origin?.source || value === undefined) continue;
      const { at, source } = origin;
      const valueLine = source.document.lineOf(at);
      for (const [itemAt, script] of scriptItems(at, value)) {
        const scriptLine = source.document.lineOf(itemAt) ?? valueLine;
        job.commands.push(...anchored(commandsOfScript(source.lines, scriptLine, script, source.file), scriptLine));
      }
    }
    const image = body.image ?? defaults.image;
    const imageName = isRecord(image) ? asString(image.name) : asString(image);
    if (imageName) job.uses.push({ kind: 'image', ref: imageName, line: job.line });
    job.uses.push(...templates.map((template) => ({ kind: 'template' as const, ref: template.ref, line: template.line, file: template.file })));
    const needs = Array.isArray(body.needs) ? body.needs.flatMap((need) => (isRecord(need) ? asStringList(need.job) : asStringList(need))) : undefined;
    order.set(job, { stage: asString(body.stage) ?? 'test', ...(needs ? { needs } : {}), always: body.when === 'always' });
    jobs.push(job);
  }
  const declared = globals ? asStringList(globals.body.stages) : [];
  const stages = ['.pre', ...(declared.length ? declared : ['build', 'test', 'deploy']), '.post'];
  for (const [job, { stage, needs, always }] of order) {
    // `needs:` replaces stage order; `when: always` runs even after a failure.
    if (always) continue;
    const after = needs ?? jobs.filter((other) => stages.indexOf(order.get(other)?.stage ?? '') < stages.indexOf(stage)).map((other) => other.id);
    if (after.length > 0) job.after = after;
  }
  // A pipeline made only of included templates still runs their jobs: one job stands for each template.
  if (jobs.length === 0) {
    for (const template of templates) {
      const job: RawJob = { system: 'gitlab-ci', file: template.file, id: template.ref, triggers: ['push', 'pull_request'], environments: [], approval: false, commands: [], uses: [{ kind: 'template', ref: template.ref, line: template.line, file: template.file }] };
      if (template.line !== undefined) job.line = template.line;
      jobs.push(job);
    }
  }
  return jobs;
}

/** Script entries with their paths: a string, or a list of strings and nested lists (YAML aliases of shared lists). */
function scriptItems(at: (string | number)[], value: unknown): [(string | number)[], string][] {
  if (typeof value === 'string') return [[at, value]];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => scriptItems([...at, index], item));
}

/** Where a job's inherited `before_script`/`after_script` is written: under `default:` or at the top. */
function globalOrigin(globals: { body: Record<string, unknown>; source: Source } | undefined, key: string): { at: string[]; source: Source } | undefined {
  if (!globals || key === 'script') return undefined;
  if (isRecord(globals.body.default) && key in globals.body.default) return { at: ['default', key], source: globals.source };
  return key in globals.body ? { at: [key], source: globals.source } : undefined;
}

interface Include {
  local?: string;
  ref?: string;
  /** A GitLab-provided template, known by its name. */
  template?: boolean;
}

function includesOf(value: unknown): Include[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((item): Include[] => {
    if (typeof item === 'string') return /^https?:\/\//.test(item) ? [{ ref: item }] : [{ local: item }];
    if (!isRecord(item)) return [];
    const local = asString(item.local);
    if (local !== undefined) return [{ local }];
    const template = asString(item.template);
    if (template !== undefined) return [{ ref: template, template: true }];
    const remote = asString(item.remote) ?? asString(item.component);
    if (remote !== undefined) return [{ ref: remote }];
    const project = asString(item.project);
    if (project !== undefined) return asStringList(item.file).map((file) => ({ ref: `${project}/${file}` }));
    return [];
  });
}

/** Applies `extends:` (deepest template first), remembering which definition each script came from. */
function resolveExtends(definition: Definition, definitions: ReadonlyMap<string, Definition>): { body: Record<string, unknown>; origins: Map<string, { name: string; source: Source }> } {
  const chain: Definition[] = [];
  const walk = (current: Definition, depth: number): void => {
    if (depth > 10 || chain.includes(current)) return;
    for (const parent of asStringList(current.body.extends)) {
      const found = definitions.get(parent);
      if (found) walk(found, depth + 1);
    }
    chain.push(current);
  };
  walk(definition, 0);
  const body: Record<string, unknown> = {};
  const origins = new Map<string, { name: string; source: Source }>();
  for (const link of chain) {
    for (const [key, value] of Object.entries(link.body)) {
      body[key] = value;
      origins.set(key, { name: link.name, source: link.source });
    }
  }
  return { body, origins };
}

interface Rule {
  if?: string;
  when?: string;
}

function rulesOf(body: Record<string, unknown>): Rule[] {
  if (!Array.isArray(body.rules)) return [];
  return body.rules.filter(isRecord).map((rule) => {
    const parsed: Rule = {};
    const condition = asString(rule.if);
    const when = asString(rule.when);
    if (condition !== undefined) parsed.if = condition;
    if (when !== undefined) parsed.when = when;
    return parsed;
  });
}

/** GitLab runs a job without `only`/`rules` in every branch pipeline, merge request branches included. */
function triggersOf(body: Record<string, unknown>): CiTrigger[] {
  const triggers = new Set<CiTrigger>();
  const rules = rulesOf(body);
  if (rules.length > 0) {
    for (const rule of rules) {
      if (rule.when === 'never') continue;
      const condition = rule.if ?? '';
      if (!condition) {
        triggers.add('push').add('pull_request');
        continue;
      }
      if (/merge_request_event/.test(condition)) triggers.add('pull_request');
      if (/\$CI_COMMIT_TAG(?!\s{0,4}==\s{0,4}null)/.test(condition) && !/!\s{0,2}\$CI_COMMIT_TAG/.test(condition)) triggers.add('tag');
      if (/["']schedule["']/.test(condition)) triggers.add('schedule');
      if (/["']web["']|["']api["']|["']trigger["']/.test(condition)) triggers.add('manual');
      if (/["']push["']|\$CI_COMMIT_BRANCH|\$CI_COMMIT_REF_NAME/.test(condition)) triggers.add('push');
    }
    if (rules.some((rule) => rule.when === 'manual')) triggers.add('manual');
    return [...triggers];
  }
  const only = isRecord(body.only) ? body.only.refs : body.only;
  const refs = asStringList(only);
  if (refs.length === 0) return body.when === 'manual' ? ['push', 'pull_request', 'manual'] : ['push', 'pull_request'];
  for (const ref of refs) {
    if (ref === 'branches') triggers.add('push').add('pull_request');
    else if (ref === 'tags') triggers.add('tag');
    else if (ref === 'merge_requests' || ref === 'external_pull_requests') triggers.add('pull_request');
    else if (ref === 'schedules') triggers.add('schedule');
    else if (ref === 'web' || ref === 'api' || ref === 'triggers') triggers.add('manual');
    else if (ref === 'pipelines' || ref === 'chat') triggers.add('other');
    else triggers.add('push');
  }
  return [...triggers];
}

