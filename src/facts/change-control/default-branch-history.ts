import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FactsUnavailable } from '../../engine/control.js';
import { defineCollector } from '../collector.js';
import { git, gitBuffer } from '../../repo/git.js';
import { parseRawCommit, pullRequestReference, type RawCommit } from '../../parsers/git-commit.js';

export const DEFAULT_WINDOW_DAYS = 90;

export interface HistoryCommit extends Omit<RawCommit, 'body'> {
  /** The pull or merge request it landed through, if its message says so. */
  pullRequest?: string;
  /** With --verify-signatures: what git made of the signature (G good, U good but untrusted key, B bad, E no key …). */
  verification?: string;
}

export interface DefaultBranchHistory {
  /** The branch walked (origin's default branch when known, else the checked-out branch). */
  branch: string;
  /** What "the window" was: `since 2026-08-25`, `since v1.2.0` … */
  window: string;
  /** First-parent commits of the branch in the window, newest first. */
  commits: HistoryCommit[];
  /** The root commit of the repository, when it lies in the window (it cannot have arrived by pull request). */
  rootCommit?: string;
  /** Set in a shallow clone when history older than this commit is missing from the window. */
  shallowBoundary?: string;
  verified: boolean;
}

/**
 * The default branch's first-parent history in the window (`--since DATE|REF`, default the last 90
 * days), read from commit objects: signatures are detected without running gpg unless
 * `--verify-signatures` asks git to verify them.
 */
export const defaultBranchHistory = defineCollector<DefaultBranchHistory>({
  id: 'default-branch-history',
  description: 'First-parent commits of the default branch in the window, with signatures and pull-request references',
  async collect({ repo, options, now }) {
    if (!repo.git) throw new FactsUnavailable('not a git work tree: the history cannot be read');
    if (!repo.git.head) throw new FactsUnavailable('the repository has no commits yet');
    const cwd = repo.root;
    const { ref, branch } = await defaultBranchRef(cwd, repo.git.branch);
    const since = typeof options.since === 'string' && options.since ? options.since : undefined;
    const range: string[] = [];
    let window: string;
    if (since && (await resolves(cwd, since))) {
      range.push(`${since}..${ref}`);
      window = `since ${since}`;
    } else {
      const date = since ? new Date(since) : new Date((now ?? new Date()).getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
      if (Number.isNaN(date.getTime())) throw new FactsUnavailable(`--since ${since ?? ''} is neither a commit, a ref nor a date`);
      range.push(`--since=${date.toISOString()}`, ref);
      window = `since ${date.toISOString().slice(0, 10)}${since ? '' : ` (the last ${DEFAULT_WINDOW_DAYS} days)`}`;
    }
    const shas = (await git(cwd, ['rev-list', '--first-parent', ...range, '--'])).split('\n').filter(Boolean);
    const raw = shas.length ? await readCommits(cwd, shas) : [];
    const verification = options.verifySignatures && shas.length ? await verifySignatures(cwd, shas, options.allowedSigners) : undefined;
    const commits: HistoryCommit[] = raw.map(({ body: _body, ...commit }) => {
      const entry: HistoryCommit = { ...commit };
      const reference = pullRequestReference(raw.find((candidate) => candidate.sha === commit.sha) ?? { ...commit, body: '' });
      if (reference) entry.pullRequest = reference;
      const verdict = verification?.get(commit.sha);
      if (verdict) entry.verification = verdict;
      return entry;
    });
    const history: DefaultBranchHistory = { branch, window, commits, verified: verification !== undefined };
    const root = commits.find((commit) => commit.parents.length === 0);
    if (root) history.rootCommit = root.sha;
    if (repo.git.isShallow) {
      const boundary = await shallowBoundary(cwd, new Set(shas));
      if (boundary) history.shallowBoundary = boundary;
    }
    return history;
  },
});

async function defaultBranchRef(cwd: string, checkedOut: string | undefined): Promise<{ ref: string; branch: string }> {
  try {
    const originHead = (await git(cwd, ['symbolic-ref', '-q', 'refs/remotes/origin/HEAD'])).trim();
    if (originHead) return { ref: originHead, branch: originHead.replace(/^refs\/remotes\/origin\//, '') };
  } catch {
    // No remote default recorded: the checked-out branch is the best evidence there is.
  }
  return { ref: 'HEAD', branch: checkedOut ?? 'HEAD' };
}

async function resolves(cwd: string, revision: string): Promise<boolean> {
  if (revision.startsWith('-')) return false;
  try {
    await git(cwd, ['rev-parse', '--verify', '-q', `${revision}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

async function readCommits(cwd: string, shas: string[]): Promise<RawCommit[]> {
  const output = await gitBuffer(cwd, ['cat-file', '--batch'], { input: `${shas.join('\n')}\n` });
  const commits: RawCommit[] = [];
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    if (newline === -1) break;
    const [sha = '', type, size] = output.subarray(offset, newline).toString('utf8').split(' ');
    if (type !== 'commit' || size === undefined) {
      offset = newline + 1;
      continue;
    }
    const end = newline + 1 + Number(size);
    commits.push(parseRawCommit(sha, output.subarray(newline + 1, end).toString('utf8')));
    offset = end + 1;
  }
  return commits;
}

/**
 * Asks git to verify signatures, pinning the verification programs so that a repository's own
 * configuration cannot substitute a program of its choosing.
 */
async function verifySignatures(cwd: string, shas: string[], allowedSigners: unknown): Promise<Map<string, string>> {
  const pinned = ['-c', 'gpg.program=gpg', '-c', 'gpg.ssh.program=ssh-keygen', '-c', 'gpg.x509.program=gpgsm'];
  if (typeof allowedSigners === 'string' && allowedSigners) pinned.push('-c', `gpg.ssh.allowedSignersFile=${path.resolve(allowedSigners)}`);
  const output = await git(cwd, [...pinned, 'log', '--stdin', '--no-walk=unsorted', '--format=%H %G?'], { input: `${shas.join('\n')}\n` });
  const verdicts = new Map<string, string>();
  for (const line of output.split('\n')) {
    const [sha, verdict] = line.split(' ');
    if (sha && verdict) verdicts.set(sha, verdict);
  }
  return verdicts;
}

async function shallowBoundary(cwd: string, inWindow: Set<string>): Promise<string | undefined> {
  try {
    const file = (await git(cwd, ['rev-parse', '--git-path', 'shallow'])).trim();
    const boundaries = readFileSync(path.resolve(cwd, file), 'utf8').split('\n').filter(Boolean);
    return boundaries.find((sha) => inWindow.has(sha));
  } catch {
    return undefined;
  }
}
