import type { CommandKind } from './commands.js';
import { scriptLines } from './commands.js';
import { scalarLineNumbers } from './shapes.js';

export const CI_SYSTEMS = ['github-actions', 'gitlab-ci', 'circleci', 'travis', 'jenkins', 'azure-pipelines', 'bitbucket-pipelines'] as const;
export type CiSystem = (typeof CI_SYSTEMS)[number];

/** What starts a job: `push` of branches, `pull_request` (merge requests too), `tag`, `schedule`, `manual` … */
export type CiTrigger = 'push' | 'pull_request' | 'tag' | 'schedule' | 'manual' | 'release' | 'workflow_call' | 'other';

/** A command line a job runs, or one it reaches through a script, a make target or a script file. */
export interface CiCommand {
  text: string;
  file: string;
  line?: number;
  kinds: CommandKind[];
  /** How the job reaches it when it is not in the CI file itself, e.g. `package.json script "test"`. */
  via?: string;
  /** Position in the job's `steps` of the GitHub Actions step it is written in. */
  step?: number;
  /** Line of the key or list item its script is written under (`run:`, a `script:` item): an inline waiver there covers the whole script. */
  anchorLine?: number;
}

/** An action, orb, image, template, pipe or task a job uses. */
export interface CiUse {
  kind: 'action' | 'image' | 'orb' | 'template' | 'pipe' | 'task';
  ref: string;
  file: string;
  line?: number;
  kinds: CommandKind[];
}

/** What every CI system says about a job, before and after its commands are classified. */
interface JobHeader {
  system: CiSystem;
  file: string;
  /** The job id (GitHub, GitLab, CircleCI, Azure), stage name (Jenkins) or step address (Bitbucket, Travis). */
  id: string;
  name?: string;
  line?: number;
  triggers: CiTrigger[];
  /** Named deployment environments (GitHub/GitLab/Azure environments, Bitbucket deployments, CircleCI contexts). */
  environments: string[];
  /** A person must approve before it runs (CircleCI approval job, Jenkins `input`, manual trigger). */
  approval: boolean;
  /**
   * Ids of jobs in the same file that must succeed before this one starts: GitHub `needs`, GitLab
   * `needs` or earlier stages, CircleCI `requires`, Azure `dependsOn` or the previous stage, earlier
   * Jenkins stages, Bitbucket steps and Travis build stages.
   */
  after?: string[];
}

export interface CiJob extends JobHeader {
  commands: CiCommand[];
  uses: CiUse[];
  /** Every kind of work its commands and uses do. */
  kinds: CommandKind[];
  /** What it runs that tenet cannot read (another repository's workflow, an orb's job, a template). */
  opaque: string[];
}

/** CI configuration a pipeline runs but tenet cannot read: another repository's workflow, a remote include, an orb's job, a template. */
export interface OpaqueConfig {
  file: string;
  line?: number;
  ref: string;
}

/** A job as a CI parser reads it, before scripts are followed and commands classified. */
export interface RawJob extends JobHeader {
  /** Lines of the scripts it runs, each with its line (and its file, when not the job's own). */
  commands: RawCommand[];
  uses: { kind: CiUse['kind']; ref: string; line?: number; file?: string; with?: Record<string, string> }[];
  /** Directory its commands run in, when the CI file says. */
  workingDirectory?: string;
  /** What it runs that tenet cannot read. */
  opaque?: string[];
}

export interface RawCommand {
  text: string;
  line?: number;
  file?: string;
  step?: number;
  anchorLine?: number;
}

/** Marks commands with the step and the key line they are written under. */
export function anchored(commands: RawCommand[], anchorLine: number | undefined, step?: number): RawCommand[] {
  for (const command of commands) {
    if (anchorLine !== undefined) command.anchorLine = anchorLine;
    if (step !== undefined) command.step = step;
  }
  return commands;
}

/** The command lines of a script value that starts on `startLine` of a file with these `lines`. */
export function commandsOfScript(lines: readonly string[], startLine: number | undefined, script: string, file?: string): RawCommand[] {
  const numbers = scalarLineNumbers(lines, startLine, script);
  return scriptLines(script).map((entry) => {
    const command: RawCommand = { text: entry.text };
    const line = numbers[entry.index] ?? startLine;
    if (line !== undefined) command.line = line;
    if (file !== undefined) command.file = file;
    return command;
  });
}

/** Command lines of a script whose lines are already numbered (GitHub `run:` steps). */
export function commandsOfNumberedScript(script: string, numbered: readonly { line?: number }[], file?: string): RawCommand[] {
  return scriptLines(script).map((entry) => {
    const command: RawCommand = { text: entry.text };
    const line = numbered[entry.index]?.line;
    if (line !== undefined) command.line = line;
    if (file !== undefined) command.file = file;
    return command;
  });
}
