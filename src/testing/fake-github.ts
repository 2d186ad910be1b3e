import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The token the fake server accepts; shaped like a classic personal access token, never a real one. */
export const FAKE_TOKEN = ['ghp', '_', 'TEST0fake0token0for0the0loopback0srv'].join('');

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

const fullProtection = {
  url: 'https://api.github.com/repos/acme/protected/branches/main/protection',
  required_status_checks: { strict: true, contexts: ['ci/test'], checks: [{ context: 'ci/test', app_id: 15368 }] },
  enforce_admins: { enabled: true },
  required_pull_request_reviews: { dismiss_stale_reviews: true, require_code_owner_reviews: true, required_approving_review_count: 2 },
  required_linear_history: { enabled: true },
  allow_force_pushes: { enabled: false },
  allow_deletions: { enabled: false },
};

const weakProtection = {
  required_status_checks: null,
  enforce_admins: { enabled: false },
  required_pull_request_reviews: { dismiss_stale_reviews: false, required_approving_review_count: 1 },
  allow_force_pushes: { enabled: true },
  allow_deletions: { enabled: false },
};

const rulesetRules = [
  { type: 'deletion', ruleset_source_type: 'Repository', ruleset_source: 'acme/rulesets', ruleset_id: 42 },
  { type: 'non_fast_forward', ruleset_source_type: 'Repository', ruleset_source: 'acme/rulesets', ruleset_id: 42 },
  {
    type: 'pull_request',
    ruleset_source_type: 'Repository',
    ruleset_source: 'acme/rulesets',
    ruleset_id: 42,
    parameters: { required_approving_review_count: 2, dismiss_stale_reviews_on_push: true, require_code_owner_review: false, require_last_push_approval: false, required_review_thread_resolution: false },
  },
  {
    type: 'required_status_checks',
    ruleset_source_type: 'Repository',
    ruleset_source: 'acme/rulesets',
    ruleset_id: 42,
    parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: 'build' }] },
  },
];

const notProtected: Reply = { status: 404, body: { message: 'Branch not protected', documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection' } };
const noAdmin: Reply = { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection' } };
const organisationOwner = { login: 'acme', id: 100, type: 'Organization', site_admin: false };
const repositoryOf = (visibility: string, owner: { login: string; type: string } = organisationOwner): Reply => ({
  status: 200,
  body: { id: 1, full_name: 'acme/x', owner: { id: 100, site_admin: false, ...owner }, default_branch: 'main', private: visibility !== 'public', visibility },
});

const deployKey = (id: number, title: string, readOnly: boolean) => ({
  id,
  key: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${'A'.repeat(42)}${id}`,
  url: `https://api.github.com/repos/acme/x/keys/${id}`,
  title,
  verified: true,
  created_at: '2025-06-01T10:00:00Z',
  read_only: readOnly,
  added_by: 'octocat',
  last_used: '2026-01-10T12:00:00Z',
  enabled: true,
});
const readOnlyKeys: Reply = { status: 200, body: [deployKey(1, 'ci checkout', true), deployKey(2, 'mirror', true)] };
const writableKeys: Reply = { status: 200, body: [deployKey(1, 'ci checkout', true), deployKey(3, 'release bot', false)] };

/** GET /orgs/{org}: two_factor_requirement_enabled is in the answer only for the organisation's owners. */
const organisation = (login: string, twoFactor?: boolean): Reply => ({
  status: 200,
  body: { login, id: 100, url: `https://api.github.com/orgs/${login}`, description: null, name: login, type: 'Organization', ...(twoFactor === undefined ? {} : { two_factor_requirement_enabled: twoFactor }) },
});
const ORGANISATIONS: Record<string, Reply> = {
  acme: organisation('acme'),
  'acme-2fa': organisation('acme-2fa', true),
  'acme-lax': organisation('acme-lax', false),
};

type Scenario = { repo: Reply; protection: Reply; rules: Reply; ruleset?: Reply; keys?: Reply };

/** Scenario → responses for the paths tenet reads, shaped as GitHub documents them. */
const SCENARIOS: Record<string, Scenario> = {
  protected: { repo: repositoryOf('private'), protection: { status: 200, body: fullProtection }, rules: { status: 200, body: [] }, keys: readOnlyKeys },
  weak: { repo: repositoryOf('public'), protection: { status: 200, body: weakProtection }, rules: { status: 200, body: [] }, keys: writableKeys },
  unprotected: { repo: repositoryOf('public'), protection: notProtected, rules: { status: 200, body: [] } },
  'no-admin': { repo: repositoryOf('private'), protection: noAdmin, rules: { status: 200, body: [] }, keys: { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/deploy-keys/deploy-keys#list-deploy-keys' } } },
  rulesets: {
    repo: repositoryOf('internal'),
    protection: notProtected,
    rules: { status: 200, body: rulesetRules },
    ruleset: { status: 200, body: { id: 42, name: 'main protection', target: 'branch', enforcement: 'active', bypass_actors: [] } },
  },
  'rulesets-bypass-hidden': {
    repo: repositoryOf('private'),
    protection: noAdmin,
    rules: { status: 200, body: rulesetRules },
    ruleset: { status: 200, body: { id: 42, name: 'main protection', target: 'branch', enforcement: 'active' } },
  },
  empty: { repo: repositoryOf('private'), protection: { status: 404, body: { message: 'Branch not found' } }, rules: { status: 200, body: [] } },
  'rulesets-code-owners': {
    repo: repositoryOf('private'),
    protection: noAdmin,
    rules: {
      status: 200,
      body: rulesetRules.map((rule) => (rule.type === 'pull_request' ? { ...rule, parameters: { ...rule.parameters, require_code_owner_review: true } } : rule)),
    },
  },
  'org-2fa': { repo: repositoryOf('private', { login: 'acme-2fa', type: 'Organization' }), protection: notProtected, rules: { status: 200, body: [] } },
  'org-no-2fa': { repo: repositoryOf('private', { login: 'acme-lax', type: 'Organization' }), protection: notProtected, rules: { status: 200, body: [] } },
  personal: { repo: repositoryOf('public', { login: 'octocat', type: 'User' }), protection: notProtected, rules: { status: 200, body: [] } },
};

export interface FakeGitHub {
  url: string;
  /** Request paths in arrival order, with the Authorization header each carried. */
  log: { path: string; authorization: string | undefined }[];
  /** Answers `path` (with its query, exactly as requested) with this status and body from now on. */
  respond(path: string, status: number, body: unknown, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for api.github.com. Besides the scenarios, `acme/rate-limited` answers its first
 * request with an exhausted rate limit and `acme/flaky` with a 502, then behave as `protected`;
 * `acme/missing` does not exist. `/orgs/acme` answers as it does to a member (no two-factor field),
 * `/orgs/acme-2fa` and `/orgs/acme-lax` as to an owner. `respond` adds answers for paths a test
 * builds at run time (commit ids, pull requests).
 */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const log: FakeGitHub['log'] = [];
  const seen = new Map<string, number>();
  const routes = new Map<string, Reply>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '';
    log.push({ path, authorization: request.headers.authorization });
    const send = (reply: Reply): void => {
      response.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
      response.end(JSON.stringify(reply.body));
    };
    if (request.headers.authorization !== `Bearer ${FAKE_TOKEN}`) return send({ status: 401, body: { message: 'Bad credentials' } });
    const route = routes.get(path);
    if (route) return send(route);
    const org = /^\/orgs\/([^/?]+)$/.exec(path);
    if (org) return send(ORGANISATIONS[org[1] ?? ''] ?? { status: 404, body: { message: 'Not Found' } });
    const match = /^\/repos\/acme\/([^/]+)(\/.*)?$/.exec(path);
    if (!match) return send({ status: 404, body: { message: 'Not Found' } });
    let name = match[1] ?? '';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (name === 'rate-limited' && count === 1) {
      return send({ status: 403, body: { message: 'API rate limit exceeded for user ID 1.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) } });
    }
    if (name === 'flaky' && count === 1) return send({ status: 502, body: { message: 'Server Error' } });
    if (name === 'rate-limited' || name === 'flaky') name = 'protected';
    // `protected--case-3` behaves as `protected`: tests that add routes keep them apart this way.
    name = name.split('--')[0] ?? name;
    const scenario = SCENARIOS[name];
    if (!scenario) return send({ status: 404, body: { message: 'Not Found' } });
    const rest = match[2] ?? '';
    if (rest === '') return send(scenario.repo);
    if (rest === '/branches/main/protection') return send(scenario.protection);
    if (rest === '/rules/branches/main') return send(scenario.rules);
    if (rest === '/rulesets/42' && scenario.ruleset) return send(scenario.ruleset);
    if (rest === '/keys?per_page=100') return send(scenario.keys ?? { status: 200, body: [] });
    return send({ status: 404, body: { message: 'Not Found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    respond: (path, status, body, headers) => routes.set(path, { status, body, headers }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Scan options that point the GitHub controls at the fake server for one scenario. */
export function githubOptions(server: FakeGitHub, scenario: string): { github: true; extra: Record<string, unknown> } {
  return { github: true, extra: { githubApiUrl: server.url, githubToken: FAKE_TOKEN, githubRepo: `acme/${scenario}`, githubMaxRetryDelayMs: 20 } };
}

/** A pull request as GET /repos/{o}/{r}/commits/{sha}/pulls lists it (the fields tenet reads, and a few more). */
export function pullRequestJson(number: number, options: { author?: string; mergeCommitSha?: string; mergedAt?: string | null; base?: string; repo?: string }): Record<string, unknown> {
  const repo = options.repo ?? 'acme/x';
  const author = options.author ?? 'ann';
  return {
    url: `https://api.github.com/repos/${repo}/pulls/${number}`,
    id: 1000 + number,
    html_url: `https://github.com/${repo}/pull/${number}`,
    number,
    state: options.mergedAt === null ? 'open' : 'closed',
    title: `Pull request ${number}`,
    user: { login: author, id: 200, type: author.endsWith('[bot]') ? 'Bot' : 'User' },
    created_at: '2025-12-30T09:00:00Z',
    closed_at: options.mergedAt ?? null,
    merged_at: options.mergedAt === undefined ? '2026-01-01T00:00:00Z' : options.mergedAt,
    merge_commit_sha: options.mergeCommitSha ?? null,
    head: { label: `${author}:topic-${number}`, ref: `topic-${number}`, sha: 'f'.repeat(40) },
    base: { label: `acme:${options.base ?? 'main'}`, ref: options.base ?? 'main', sha: 'e'.repeat(40) },
    author_association: 'MEMBER',
  };
}

/** A review as GET /repos/{o}/{r}/pulls/{n}/reviews lists it. */
export function reviewJson(id: number, login: string, state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING', submittedAt = '2025-12-31T12:00:00Z'): Record<string, unknown> {
  return {
    id,
    node_id: `PRR_${id}`,
    user: { login, id: 300 + id, type: 'User' },
    body: '',
    state,
    html_url: `https://github.com/acme/x/pull/1#pullrequestreview-${id}`,
    pull_request_url: 'https://api.github.com/repos/acme/x/pulls/1',
    author_association: 'MEMBER',
    ...(state === 'PENDING' ? {} : { submitted_at: submittedAt }),
    commit_id: 'f'.repeat(40),
  };
}
