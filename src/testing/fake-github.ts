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
const repositoryOf = (visibility: string): Reply => ({ status: 200, body: { id: 1, full_name: 'acme/x', default_branch: 'main', private: visibility !== 'public', visibility } });

/** Scenario → responses for the paths tenet reads, shaped as GitHub documents them. */
const SCENARIOS: Record<string, { repo: Reply; protection: Reply; rules: Reply; ruleset?: Reply }> = {
  protected: { repo: repositoryOf('private'), protection: { status: 200, body: fullProtection }, rules: { status: 200, body: [] } },
  weak: { repo: repositoryOf('public'), protection: { status: 200, body: weakProtection }, rules: { status: 200, body: [] } },
  unprotected: { repo: repositoryOf('public'), protection: notProtected, rules: { status: 200, body: [] } },
  'no-admin': { repo: repositoryOf('private'), protection: noAdmin, rules: { status: 200, body: [] } },
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
};

export interface FakeGitHub {
  url: string;
  /** Request paths in arrival order, with the Authorization header each carried. */
  log: { path: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A loopback stand-in for api.github.com. Besides the scenarios, `acme/rate-limited` answers its first
 * request with an exhausted rate limit and `acme/flaky` with a 502, then behave as `protected`;
 * `acme/missing` does not exist.
 */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const log: FakeGitHub['log'] = [];
  const seen = new Map<string, number>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '';
    log.push({ path, authorization: request.headers.authorization });
    const send = (reply: Reply): void => {
      response.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
      response.end(JSON.stringify(reply.body));
    };
    if (request.headers.authorization !== `Bearer ${FAKE_TOKEN}`) return send({ status: 401, body: { message: 'Bad credentials' } });
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
    const scenario = SCENARIOS[name];
    if (!scenario) return send({ status: 404, body: { message: 'Not Found' } });
    const rest = match[2] ?? '';
    if (rest === '') return send(scenario.repo);
    if (rest === '/branches/main/protection') return send(scenario.protection);
    if (rest === '/rules/branches/main') return send(scenario.rules);
    if (rest === '/rulesets/42' && scenario.ruleset) return send(scenario.ruleset);
    return send({ status: 404, body: { message: 'Not Found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Scan options that point the GitHub controls at the fake server for one scenario. */
export function githubOptions(server: FakeGitHub, scenario: string): { github: true; extra: Record<string, unknown> } {
  return { github: true, extra: { githubApiUrl: server.url, githubToken: FAKE_TOKEN, githubRepo: `acme/${scenario}`, githubMaxRetryDelayMs: 20 } };
}
