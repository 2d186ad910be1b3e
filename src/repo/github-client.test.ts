import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GitHubClient, repositoryFromRemote } from './github-client.js';
import { FAKE_TOKEN, githubOptions, startFakeGitHub } from '../testing/fake-github.js';
import { scan } from '../scan.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';
import { reporters } from '../reporters/index.js';

describe('the GitHub client', () => {
  it('retries rate limits and server errors, boundedly', async () => {
    const server = await startFakeGitHub();
    try {
      const client = new GitHubClient({ baseUrl: server.url, token: FAKE_TOKEN, maxRetryDelayMs: 10 });
      assert.equal((await client.get('/repos/acme/rate-limited')).ok, true);
      assert.equal((await client.get('/repos/acme/flaky')).ok, true);
      assert.deepEqual(client.requests, ['/repos/acme/rate-limited', '/repos/acme/rate-limited', '/repos/acme/flaky', '/repos/acme/flaky']);
      const refused = new GitHubClient({ baseUrl: 'http://127.0.0.1:9', token: FAKE_TOKEN, maxAttempts: 2, maxRetryDelayMs: 5 });
      const result = await refused.get('/repos/acme/x');
      assert.equal(result.ok, false);
      assert.equal(refused.requests.length, 2);
    } finally {
      await server.close();
    }
  });

  it('never lets the token into a report, however the scan ends', async () => {
    const server = await startFakeGitHub();
    const root = makeFixture({});
    try {
      for (const scenario of ['protected', 'no-admin', 'missing', 'rate-limited']) {
        const result = await scan({ path: root, ...githubOptions(server, scenario), only: ['default-branch-protected', 'reviews-required-before-merge', 'deploy-keys-read-only', 'org-requires-2fa', 'code-owner-review-required'], keepFacts: true });
        for (const [format, render] of Object.entries(reporters)) {
          assert.ok(!render(result, { color: false }).includes(FAKE_TOKEN), `${format} output of ${scenario} holds the token`);
        }
      }
      assert.ok(server.log.every((entry) => entry.authorization === `Bearer ${FAKE_TOKEN}`), 'the token is sent only as the Authorization header');
    } finally {
      removeFixture(root);
      await server.close();
    }
  });

  it('follows Link rel="next" pages, boundedly, and never to another host', async () => {
    const server = await startFakeGitHub();
    try {
      const client = new GitHubClient({ baseUrl: server.url, token: FAKE_TOKEN, maxRetryDelayMs: 10 });
      const page = (n: number) => `/repos/acme/x/keys?per_page=100&page=${n}`;
      server.respond('/repos/acme/x/keys?per_page=100', 200, [1], { link: `<${server.url}${page(2)}>; rel="next", <${server.url}${page(3)}>; rel="last"` });
      server.respond(page(2), 200, [2], { link: `<${server.url}${page(3)}>; rel="next"` });
      server.respond(page(3), 200, [3], { link: `<https://evil.example${page(4)}>; rel="next"` });
      assert.deepEqual(await client.getAll<number>('/repos/acme/x/keys'), { ok: true, status: 200, data: [1, 2, 3], complete: true });
      assert.deepEqual(await client.getAll<number>('/repos/acme/x/keys', 2), { ok: true, status: 200, data: [1, 2], complete: false });
      assert.ok(server.log.every((entry) => !entry.path.includes('page=4')));
    } finally {
      await server.close();
    }
  });

  it('reads owner/name from every form of GitHub remote', () => {
    const table: [string, string | undefined][] = [
      ['https://github.com/acme/app.git', 'acme/app'],
      ['https://***@github.com/acme/app', 'acme/app'],
      ['git@github.com:acme/app.git', 'acme/app'],
      ['ssh://git@github.com/acme/app.git', 'acme/app'],
      ['https://gitlab.com/acme/app.git', undefined],
      ['https://github.com.evil.example/acme/app', undefined],
    ];
    for (const [url, expected] of table) assert.equal(repositoryFromRemote(url), expected, url);
    assert.equal(repositoryFromRemote('https://git.example.com/acme/app.git', 'git.example.com'), 'acme/app');
  });
});
