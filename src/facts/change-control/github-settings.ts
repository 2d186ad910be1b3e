import { FactsUnavailable, type ScanOptionsView } from '../../engine/control.js';
import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import { GitHubClient, repositoryFromRemote, type ApiResult } from '../../repo/github-client.js';

/** Classic branch protection, as GET /repos/{o}/{r}/branches/{b}/protection returns it (the parts we judge). */
export interface ClassicProtection {
  required_pull_request_reviews?: { required_approving_review_count?: number; dismiss_stale_reviews?: boolean; require_code_owner_reviews?: boolean };
  enforce_admins?: { enabled?: boolean };
  allow_force_pushes?: { enabled?: boolean };
  allow_deletions?: { enabled?: boolean };
  required_status_checks?: { contexts?: string[]; checks?: { context: string }[] } | null;
}

/** One rule from GET /repos/{o}/{r}/rules/branches/{b}: the active ruleset rules for the branch. */
export interface BranchRule {
  type: string;
  ruleset_id?: number;
  ruleset_source?: string;
  parameters?: {
    required_approving_review_count?: number;
    dismiss_stale_reviews_on_push?: boolean;
    required_status_checks?: { context: string }[];
    require_code_owner_review?: boolean;
  };
}

export interface RulesetSummary {
  id: number;
  name?: string;
  /** Undefined when the token may not see who can bypass the ruleset. */
  bypassActors?: { actor_type?: string; actor_id?: number | null; bypass_mode?: string }[];
}

export type Visible<T> = { state: 'visible'; value: T } | { state: 'unavailable'; reason: string };

export interface GitHubSettings {
  repository: string;
  defaultBranch: string;
  visibility: string;
  /** The owning account: type is `Organization` or `User`. */
  owner: { login: string; type: string };
  /** False when the default branch has no commits yet (nothing to protect). */
  branchExists: boolean;
  /** Classic protection: `undefined` value means the branch is not protected. */
  classic: Visible<ClassicProtection | undefined>;
  rules: Visible<BranchRule[]>;
  rulesets: RulesetSummary[];
  /** The API paths read, for --format raw. */
  requests: string[];
}

/**
 * Repository settings from the GitHub API: classic protection (needs admin read) and the rulesets that
 * apply to the default branch (read access). What the token may not see is recorded as unavailable,
 * with the reason, and never taken as "not configured".
 */
export const githubSettings = defineCollector<GitHubSettings>({
  id: 'github-settings',
  description: 'Default branch, visibility, branch protection and rulesets from the GitHub API',
  async collect({ repo, options }) {
    const { client, slug } = connectGitHub(repo, options);
    const repository = await client.get<{ default_branch?: string; visibility?: string; private?: boolean; owner?: { login?: string; type?: string } }>(`/repos/${slug}`);
    if (!repository.ok) throw new FactsUnavailable(`GET /repos/${slug}: ${describeFailure(repository)}`);
    const defaultBranch = repository.data.default_branch ?? 'main';
    const visibility = repository.data.visibility ?? (repository.data.private ? 'private' : 'public');
    const branch = encodeURIComponent(defaultBranch);

    const [classicResponse, rulesResponse] = await Promise.all([
      client.get<ClassicProtection>(`/repos/${slug}/branches/${branch}/protection`),
      client.get<BranchRule[]>(`/repos/${slug}/rules/branches/${branch}`),
    ]);
    let branchExists = true;
    let classic: GitHubSettings['classic'];
    if (classicResponse.ok) classic = { state: 'visible', value: classicResponse.data };
    else if (classicResponse.status === 404 && /branch not protected/i.test(classicResponse.message)) classic = { state: 'visible', value: undefined };
    else if (classicResponse.status === 404 && /branch not found/i.test(classicResponse.message)) {
      branchExists = false;
      classic = { state: 'visible', value: undefined };
    } else {
      classic = {
        state: 'unavailable',
        reason: `classic branch protection is not readable with this token (${describeFailure(classicResponse)}; reading it needs admin rights on the repository)`,
      };
    }
    const rules: GitHubSettings['rules'] = rulesResponse.ok
      ? { state: 'visible', value: rulesResponse.data }
      : { state: 'unavailable', reason: `rulesets for ${defaultBranch} are not readable (${describeFailure(rulesResponse)})` };

    const rulesets: RulesetSummary[] = [];
    const ids = new Set(rules.state === 'visible' ? rules.value.map((rule) => rule.ruleset_id).filter((id): id is number => typeof id === 'number') : []);
    for (const id of ids) {
      const ruleset = await client.get<{ id: number; name?: string; bypass_actors?: RulesetSummary['bypassActors'] }>(`/repos/${slug}/rulesets/${id}`);
      rulesets.push(ruleset.ok ? { id, name: ruleset.data.name, bypassActors: ruleset.data.bypass_actors } : { id });
    }
    const owner = { login: repository.data.owner?.login ?? slug.split('/')[0] ?? '', type: repository.data.owner?.type ?? 'unknown' };
    return { repository: slug, defaultBranch, visibility, owner, branchExists, classic, rules, rulesets, requests: client.requests };
  },
});

/**
 * A client for the repository's GitHub API with the scan's token, and the repository's owner/name
 * (from --repo or the origin remote). Each collector makes its own, so its `requests` are its own.
 */
export function connectGitHub(repo: Repository, options: ScanOptionsView): { client: GitHubClient; slug: string } {
  const token = stringOption(options.githubToken) ?? process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
  if (!token) throw new FactsUnavailable('no GitHub token: set GITHUB_TOKEN or GH_TOKEN');
  const baseUrl = stringOption(options.githubApiUrl) ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
  const host = baseUrl.includes('api.github.com') ? 'github.com' : new URL(baseUrl).hostname;
  const slug =
    stringOption(options.githubRepo) ??
    [...(repo.git?.remotes ?? [])].sort((a, b) => Number(b.name === 'origin') - Number(a.name === 'origin')).map((remote) => repositoryFromRemote(remote.url, host)).find(Boolean);
  if (!slug) throw new FactsUnavailable(`no ${host} remote to read settings from: pass --repo OWNER/NAME`);
  return { client: new GitHubClient({ baseUrl, token, maxRetryDelayMs: numberOption(options.githubMaxRetryDelayMs) }), slug };
}

export function describeFailure(result: ApiResult<unknown>): string {
  if (result.ok) return 'ok';
  return result.status === 0 ? result.message : `${result.status} ${result.message}`;
}

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function numberOption(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The subject every branch-protection finding is about. */
export function branchAddress(settings: GitHubSettings): string {
  return `github:${settings.repository}@${settings.defaultBranch}`;
}

export function rulesOfType(settings: GitHubSettings, type: string): BranchRule[] {
  return settings.rules.state === 'visible' ? settings.rules.value.filter((rule) => rule.type === type) : [];
}

/** Why a verdict cannot be reached from what the token can see, or undefined when everything was visible. */
export function invisibility(settings: GitHubSettings): string | undefined {
  const reasons = [settings.classic, settings.rules].flatMap((entry) => (entry.state === 'unavailable' ? [entry.reason] : []));
  return reasons.length ? reasons.join('; ') : undefined;
}
