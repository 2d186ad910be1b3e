import { FactsUnavailable } from '../../engine/control.js';
import { defineCollector } from '../collector.js';
import type { ApiResult } from '../../repo/github-client.js';
import { defaultBranchHistory, type HistoryCommit } from './default-branch-history.js';
import { connectGitHub, describeFailure, githubSettings } from './github-settings.js';

/** The newest first-parent commits looked up; each costs at least one request. */
export const MAX_COMMITS = 300;
// Few enough parallel requests to stay clear of GitHub's secondary rate limits.
const CONCURRENCY = 4;

export interface MergedPull {
  number: number;
  author: string;
  mergedAt: string;
  /** Reviewers other than the author whose latest review before the merge approves. */
  approvers: string[];
  /** False when the reviews ran past the pages read. */
  reviewsComplete: boolean;
}

export interface ReviewedChange {
  commit: Pick<HistoryCommit, 'sha' | 'subject' | 'authorName' | 'authorDate'>;
  /** The merged pull request into the default branch that brought this commit, if any. */
  pull?: MergedPull;
  /** Why this commit could not be looked up. */
  problem?: string;
}

export interface GitHubMergedChanges {
  repository: string;
  branch: string;
  window: string;
  changes: ReviewedChange[];
  /** Commits in the window beyond MAX_COMMITS that were not looked up. */
  skipped: number;
  shallowBoundary?: string;
}

interface PullJson {
  number?: number;
  user?: { login?: string } | null;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  base?: { ref?: string };
}

interface ReviewJson {
  user?: { login?: string } | null;
  state?: string;
  submitted_at?: string;
}

/**
 * For each first-parent commit of the default branch in the window: the merged pull request that
 * brought it (GET /repos/{o}/{r}/commits/{sha}/pulls) and who approved it (GET …/pulls/{n}/reviews).
 * 401/403/404 mean the token may not read pull requests, so nothing is concluded.
 */
export const githubMergedChanges = defineCollector<GitHubMergedChanges>({
  id: 'github-merged-changes',
  description: 'Pull requests and approving reviews behind default-branch commits in the window, from the GitHub API',
  async collect({ repo, options, facts }) {
    const history = await facts(defaultBranchHistory);
    const settings = await facts(githubSettings);
    const { client, slug } = connectGitHub(repo, options);
    const judged = history.commits.filter((commit) => commit.sha !== history.rootCommit);
    const reviewed = new Map<number, Promise<MergedPull | string>>();
    const lookUp = async (commit: HistoryCommit): Promise<ReviewedChange> => {
      const change: ReviewedChange = { commit: { sha: commit.sha, subject: commit.subject, authorName: commit.authorName, authorDate: commit.authorDate } };
      const path = `/repos/${slug}/commits/${commit.sha}/pulls`;
      const pulls = await client.getAll<PullJson>(path, 3);
      if (!pulls.ok) {
        change.problem = refuseOrDescribe(path, pulls, 'Pull requests read and Contents read');
        return change;
      }
      const merged = pulls.data.filter((pull) => typeof pull.number === 'number' && pull.merged_at && pull.base?.ref === settings.defaultBranch);
      const pull = merged.find((candidate) => candidate.merge_commit_sha === commit.sha) ?? merged[0];
      if (!pull || typeof pull.number !== 'number') return change;
      const number = pull.number;
      if (!reviewed.has(number)) reviewed.set(number, approvalsOf(client, slug, number, pull));
      const outcome = await reviewed.get(number);
      if (typeof outcome === 'string') change.problem = outcome;
      else change.pull = outcome;
      return change;
    };
    const changes = await inParallel(judged.slice(0, MAX_COMMITS), CONCURRENCY, lookUp);
    const result: GitHubMergedChanges = { repository: slug, branch: history.branch, window: history.window, changes, skipped: Math.max(0, judged.length - MAX_COMMITS) };
    if (history.shallowBoundary) result.shallowBoundary = history.shallowBoundary;
    return result;
  },
});

async function approvalsOf(client: ReturnType<typeof connectGitHub>['client'], slug: string, number: number, pull: PullJson): Promise<MergedPull | string> {
  const path = `/repos/${slug}/pulls/${number}/reviews`;
  const reviews = await client.getAll<ReviewJson>(path, 10);
  if (!reviews.ok) return refuseOrDescribe(path, reviews, 'Pull requests read');
  const author = pull.user?.login ?? '';
  const mergedAt = pull.merged_at ?? '';
  return { number, author, mergedAt, approvers: approvers(reviews.data, author, mergedAt), reviewsComplete: reviews.complete !== false };
}

/**
 * Who approves, as GitHub counts it: each reviewer's latest approving, change-requesting or dismissed
 * review before the merge decides (comments do not withdraw an approval); the author and bots
 * (GitHub Apps, logins ending in [bot]) never count.
 */
export function approvers(reviews: ReviewJson[], author: string, mergedAt: string): string[] {
  const latest = new Map<string, string>();
  const ordered = reviews.filter((review) => review.submitted_at).sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? ''));
  for (const review of ordered) {
    const login = review.user?.login;
    if (!login || login.toLowerCase() === author.toLowerCase() || login.endsWith('[bot]')) continue;
    if (mergedAt && (review.submitted_at ?? '') > mergedAt) continue;
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED') latest.set(login, review.state);
  }
  return [...latest].filter(([, state]) => state === 'APPROVED').map(([login]) => login).sort();
}

/** A refusal for lack of rights ends the lookup (nothing can be concluded); other failures stay with their commit. */
function refuseOrDescribe(path: string, result: ApiResult<unknown>, permission: string): string {
  const reason = `GET ${path}: ${describeFailure(result)}`;
  if (!result.ok && (result.status === 401 || result.status === 403 || result.status === 404)) {
    throw new FactsUnavailable(`${reason} (the token needs ${permission} on the repository)`);
  }
  return reason;
}

/** Maps items with at most `limit` calls in flight, keeping their order. */
async function inParallel<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
