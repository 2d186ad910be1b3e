import type { Repository } from '../../repo/repository.js';
import type { YamlDocument } from '../../parsers/yaml.js';
import { asString, asStringList, isRecord } from './shapes.js';
import { commandsOfScript, type RawJob } from './model.js';

const FILE = '.travis.yml';
const PHASES = ['before_install', 'install', 'before_script', 'script', 'after_success'] as const;
/** What Travis runs when `script:` is left out, per language. */
const DEFAULT_SCRIPT: Record<string, string> = {
  node_js: 'npm test',
  ruby: 'bundle exec rake',
  go: 'go test ./...',
  rust: 'cargo test',
  java: 'gradle check',
  php: 'phpunit',
};
const PUBLISH_PROVIDERS = new Set(['npm', 'pypi', 'rubygems', 'releases', 'cargo', 'packagecloud', 'bintray']);

/** Travis builds every push and every pull request unless conditions narrow it. */
export function travisJobs(repo: Repository): RawJob[] {
  if (!repo.has(FILE)) return [];
  const text = repo.readText(FILE);
  const document = repo.yaml(FILE)?.[0];
  if (text === undefined || !document || !isRecord(document.value)) return [];
  const lines = text.split('\n');
  const root = document.value;
  const language = asString(root.language) ?? '';
  const jobs: RawJob[] = [];
  const build = (body: Record<string, unknown>, at: (string | number)[], id: string): RawJob => {
    const job: RawJob = { system: 'travis', file: FILE, id, triggers: ['push', 'pull_request'], environments: [], approval: false, commands: [], uses: [] };
    const line = document.lineOf(at.length ? at : [Object.keys(root)[0] ?? 'language']);
    if (line !== undefined) job.line = line;
    for (const phase of PHASES) {
      const value = body[phase] ?? (at.length ? root[phase] : undefined);
      const phaseAt = body[phase] !== undefined ? [...at, phase] : [phase];
      asStringList(value).forEach((script, index) => {
        job.commands.push(...commandsOfScript(lines, document.lineOf([...phaseAt, index]) ?? document.lineOf(phaseAt), script));
      });
    }
    if (id !== 'deploy' && body.script === undefined && root.script === undefined && DEFAULT_SCRIPT[language]) job.commands.push({ text: DEFAULT_SCRIPT[language] ?? '', line: document.lineOf(['language']) });
    addDeploy(job, body.deploy, [...at, 'deploy'], document);
    return job;
  };
  const imports = Array.isArray(root.import) ? root.import : root.import === undefined ? [] : [root.import];
  const opaque = imports.map((entry) => `import ${isRecord(entry) ? asString(entry.source) ?? '' : asString(entry) ?? ''}`);
  const include = isRecord(root.jobs) ? root.jobs.include : isRecord(root.matrix) ? root.matrix.include : undefined;
  const includeKey = isRecord(root.jobs) ? 'jobs' : 'matrix';
  if (Array.isArray(include) && include.length > 0) {
    // Build stages run in order, each only when the one before passed; `stage:` carries over to the next entries.
    let stage = 'test';
    const stages: string[] = [];
    const stageOf = new Map<RawJob, string>();
    include.forEach((entry, index) => {
      if (!isRecord(entry)) return;
      stage = asString(entry.stage)?.toLowerCase() ?? stage;
      if (!stages.includes(stage)) stages.push(stage);
      const job = build(entry, [includeKey, 'include', index], asString(entry.name) ?? `${includeKey}.include[${index}]`);
      stageOf.set(job, stage);
      jobs.push(job);
    });
    for (const job of jobs) {
      const earlier = jobs.filter((other) => stages.indexOf(stageOf.get(other) ?? '') < stages.indexOf(stageOf.get(job) ?? ''));
      if (earlier.length > 0) job.after = earlier.map((other) => other.id);
    }
    if (root.deploy !== undefined) {
      const deploy = build({ deploy: root.deploy }, [], 'deploy');
      deploy.after = jobs.map((job) => job.id);
      jobs.push(deploy);
    }
  } else {
    jobs.push(build(root, [], 'build'));
  }
  if (opaque.length) jobs.forEach((job) => (job.opaque = opaque));
  return jobs;
}

function addDeploy(job: RawJob, deploy: unknown, at: (string | number)[], document: YamlDocument): void {
  const entries = Array.isArray(deploy) ? deploy : deploy === undefined ? [] : [deploy];
  entries.forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const provider = asString(entry.provider) ?? 'script';
    const line = document.lineOf(Array.isArray(deploy) ? [...at, index] : at);
    job.uses.push({ kind: 'task', ref: `deploy:${provider}`, line, with: { kind: PUBLISH_PROVIDERS.has(provider) ? 'publish' : 'deploy' } });
    const on = isRecord(entry.on) ? entry.on : {};
    if (on.tags === true) job.triggers = ['tag'];
    else job.triggers = ['push'];
  });
}
