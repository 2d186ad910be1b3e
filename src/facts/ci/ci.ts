import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import { githubWorkflowFacts, waiverIn, workflowFiles } from '../workflows/github-workflows.js';
import type { Suppression } from '../../core/result.js';
import { githubJobs } from './github.js';
import { gitlabJobs } from './gitlab.js';
import { circleciJobs } from './circleci.js';
import { travisJobs } from './travis.js';
import { jenkinsJobs } from './jenkins.js';
import { azureJobs } from './azure.js';
import { bitbucketJobs } from './bitbucket.js';
import { classifyUse } from './uses.js';
import { ScriptResolver } from './scripts.js';
import { classifyCommand, scriptLines, type CommandKind } from './commands.js';
import { asString, isRecord } from './shapes.js';
import type { CiJob, CiSystem, OpaqueConfig, RawJob } from './model.js';

export type { CiJob, CiSystem, CiCommand, CiUse, CiTrigger, OpaqueConfig } from './model.js';
export type { CommandKind } from './commands.js';

/** A check run before each commit (pre-commit, husky, lefthook). */
export interface CommitHook {
  file: string;
  line?: number;
  /** The hook id or command. */
  tool: string;
  kinds: CommandKind[];
}

export interface CiFacts {
  /** Every CI system configured, with its files. */
  systems: { system: CiSystem; files: string[] }[];
  jobs: CiJob[];
  hooks: CommitHook[];
  /** Pipeline-wide configuration tenet cannot read (GitLab project and remote includes). */
  opaque: OpaqueConfig[];
  /** CI files that could not be parsed: what they run is unknown. */
  unreadable: string[];
  /** The `tenet:ignore` waiver of a control at a line of a CI file, if one is written on or above it. */
  waiver(file: string, controlId: string, line: number | undefined): Suppression | undefined;
}

/** CI configuration of every supported system, normalised to jobs with triggers, environments and classified commands. */
export const ciFacts = defineCollector<CiFacts>({
  id: 'ci',
  description: 'CI systems, their jobs, triggers, environments, commands (scripts followed) and the actions, images and orbs they use',
  async collect({ repo, facts }) {
    const { workflows } = await facts(githubWorkflowFacts);
    const opaque: OpaqueConfig[] = [];
    const raw: RawJob[] = [
      ...githubJobs(workflows),
      ...gitlabJobs(repo, opaque),
      ...circleciJobs(repo),
      ...travisJobs(repo),
      ...jenkinsJobs(repo),
      ...azureJobs(repo),
      ...bitbucketJobs(repo),
    ];
    const resolver = new ScriptResolver(repo);
    const jobs = raw.map((job) => normaliseJob(job, resolver));
    const systems = systemsOf(repo, raw, workflowFiles(repo));
    const unreadable = systems.flatMap((system) => system.files).filter((file) => /\.ya?ml$/.test(file) && repo.yaml(file) === undefined);
    const lookups = new Map(systems.flatMap((system) => system.files).map((file) => [file, waiverIn(file, repo.readText(file) ?? '')]));
    const waiver = (file: string, controlId: string, line: number | undefined): Suppression | undefined => lookups.get(file)?.(controlId, line);
    return { systems, jobs, hooks: commitHooks(repo), opaque, unreadable, waiver };
  },
});

function normaliseJob(raw: RawJob, resolver: ScriptResolver): CiJob {
  const directory = raw.workingDirectory ? path.posix.normalize(raw.workingDirectory.replace(/^\.\//, '')) : '.';
  const commands = raw.commands.flatMap((command) => {
    const [written, ...reached] = resolver.expand(command.text, command.file ?? raw.file, command.line, directory);
    if (written && command.step !== undefined) written.step = command.step;
    if (written && command.anchorLine !== undefined) written.anchorLine = command.anchorLine;
    return written ? [written, ...reached] : reached;
  });
  const uses = raw.uses.map((use) => {
    const entry: CiJob['uses'][number] = { kind: use.kind, ref: use.ref, file: use.file ?? raw.file, kinds: classifyUse(use.kind, use.ref, use.with) };
    if (use.line !== undefined) entry.line = use.line;
    return entry;
  });
  const kinds = new Set<CommandKind>([...commands.flatMap((command) => command.kinds), ...uses.flatMap((use) => use.kinds)]);
  const { commands: _rawCommands, uses: _rawUses, workingDirectory: _directory, opaque, ...header } = raw;
  return { ...header, commands, uses, kinds: [...kinds], opaque: opaque ?? [] };
}

const SYSTEM_FILES: { system: CiSystem; files: (repo: Repository) => string[] }[] = [
  { system: 'gitlab-ci', files: (repo) => (repo.has('.gitlab-ci.yml') ? ['.gitlab-ci.yml'] : []) },
  { system: 'circleci', files: (repo) => repo.glob(['.circleci/config.yml', '.circleci/config.yaml']).map((file) => file.path) },
  { system: 'travis', files: (repo) => (repo.has('.travis.yml') ? ['.travis.yml'] : []) },
  { system: 'azure-pipelines', files: (repo) => repo.glob(['azure-pipelines.yml', 'azure-pipelines.yaml', '.azure-pipelines.yml']).map((file) => file.path) },
  { system: 'bitbucket-pipelines', files: (repo) => (repo.has('bitbucket-pipelines.yml') ? ['bitbucket-pipelines.yml'] : []) },
];

function systemsOf(repo: Repository, jobs: readonly RawJob[], workflows: string[]): CiFacts['systems'] {
  const bySystem = new Map<CiSystem, Set<string>>();
  const add = (system: CiSystem, file: string): void => {
    const files = bySystem.get(system) ?? new Set<string>();
    files.add(file);
    bySystem.set(system, files);
  };
  workflows.forEach((file) => add('github-actions', file));
  for (const { system, files } of SYSTEM_FILES) files(repo).forEach((file) => add(system, file));
  for (const job of jobs) add(job.system, job.file);
  return [...bySystem].map(([system, files]) => ({ system, files: [...files].sort() }));
}

/** Hooks that run before each commit: pre-commit's hook ids, husky scripts and lefthook commands. */
function commitHooks(repo: Repository): CommitHook[] {
  const hooks: CommitHook[] = [];
  const add = (file: string, line: number | undefined, tool: string): void => {
    const kinds = classifyCommand(tool).kinds;
    hooks.push(line === undefined ? { file, tool, kinds } : { file, line, tool, kinds });
  };
  for (const file of ['.pre-commit-config.yaml', '.pre-commit-config.yml']) {
    const document = repo.has(file) ? repo.yaml(file)?.[0] : undefined;
    const repos = isRecord(document?.value) && Array.isArray(document.value.repos) ? document.value.repos : [];
    repos.forEach((entry, repoIndex) => {
      const list = isRecord(entry) && Array.isArray(entry.hooks) ? entry.hooks : [];
      list.forEach((hook, hookIndex) => {
        const id = isRecord(hook) ? asString(hook.id) : undefined;
        if (!id || !isRecord(hook)) return;
        add(file, document?.lineOf(['repos', repoIndex, 'hooks', hookIndex, 'id']), [id, asString(hook.entry)].filter(Boolean).join(' '));
      });
    });
  }
  for (const entry of repo.glob(['.husky/*', '.githooks/*', '.git-hooks/*'])) {
    const text = repo.readText(entry.path);
    if (text !== undefined) scriptLines(text).forEach((line) => add(entry.path, line.index + 1, line.text));
  }
  for (const file of ['lefthook.yml', '.lefthook.yml', 'lefthook.yaml']) {
    const text = repo.has(file) ? repo.readText(file) : undefined;
    if (text === undefined) continue;
    text.split('\n').forEach((line, index) => {
      const run = /^\s{1,40}run:\s{0,8}(.{1,2000})$/.exec(line);
      if (run?.[1]) add(file, index + 1, run[1].trim());
    });
  }
  return hooks.filter((hook) => hook.kinds.length > 0);
}
