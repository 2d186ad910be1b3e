import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * Options that keep git from running anything the scanned repository configures: its config can name
 * an fsmonitor hook, external diff and textconv drivers, a pager or filters. We only read, so none
 * of those are needed.
 */
const HARDENING = [
  '-c', 'core.fsmonitor=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'diff.external=',
  '-c', 'core.pager=cat',
  '-c', 'safe.directory=*',
  '--no-pager',
];

const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_PAGER: 'cat',
  LC_ALL: 'C',
};

export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitRunOptions {
  input?: string | Buffer;
  /** Bytes of stdout to accept before failing; the default suits metadata commands. */
  maxBuffer?: number;
  encoding?: 'utf8' | 'buffer';
}

/** Runs a read-only git command in `cwd` and resolves with its stdout. */
export function git(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...HARDENING, ...args],
      { cwd, env: GIT_ENV, maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          reject(new GitError(`git ${args[0] ?? ''} failed: ${firstLine(stderr) || error.message}`, args, stderr));
        } else {
          resolve(stdout);
        }
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Like {@link git} but resolves with raw bytes (for -z output and blob contents). */
export function gitBuffer(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...HARDENING, ...args],
      { cwd, env: GIT_ENV, maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024, encoding: 'buffer' },
      (error, stdout, stderr) => {
        if (error) {
          reject(new GitError(`git ${args[0] ?? ''} failed: ${firstLine(stderr.toString('utf8')) || error.message}`, args, stderr.toString('utf8')));
        } else {
          resolve(stdout);
        }
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Starts a long-running git process (cat-file --batch, rev-list …) for streaming use. */
export function spawnGit(cwd: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn('git', [...HARDENING, ...args], { cwd, env: GIT_ENV, stdio: 'pipe' });
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}
