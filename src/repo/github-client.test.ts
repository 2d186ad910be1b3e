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
        const result = await scan({ path: root, ...githubOptions(server, scenario), only: ['default-branch-protected', 'reviews-required-before-merge'], keepFacts: true });
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
