import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startAdvisoryServer, type AdvisoryServer } from '../testing/advisory-server.js';
import { fixtureRecords } from '../testing/osv-fixtures.js';
import { scan } from '../scan.js';
import control from '../controls/supply-chain/dependencies-free-of-known-vulnerabilities.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';
import { OnlineSourceError, queryNpmAdvisories, queryOsvApi } from './osv-api.js';
import type { VulnSettings } from './settings.js';

type Served = { id: string; modified?: string; affected?: { package?: { ecosystem?: string; name?: string } }[] };
const records = Object.fromEntries((fixtureRecords() as Served[]).map((record) => [record.id, record]));
const NPM_LODASH = [
  {
    id: 1106913,
    url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
    title: 'Command Injection in lodash',
    severity: 'high',
    vulnerable_versions: '<4.17.21',
    cwe: ['CWE-77', 'CWE-94'],
    cvss: { score: 7.2, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' },
  },
  {
    id: 1094500,
    url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695',
    title: 'Prototype Pollution in lodash',
    severity: 'critical',
    vulnerable_versions: '<4.17.12',
    cwe: ['CWE-1321'],
    cvss: { score: 9.1, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H' },
  },
];

let server: AdvisoryServer;
let down: AdvisoryServer;
const dirs: string[] = [];
const settingsFor = (url: string, ttlMs = 60_000): VulnSettings => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'tenet-osv-api-'));
  dirs.push(cacheDir);
  return { online: true, cacheDir, osvApiUrl: url, npmRegistryUrl: url, ttlMs, timeoutMs: 5000 };
};

before(async () => {
  server = await startAdvisoryServer({ records, npmAdvisories: { lodash: NPM_LODASH } });
  down = await startAdvisoryServer({ records, failWith: 503 });
});
after(async () => {
  await server.close();
  await down.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('OSV API client', () => {
  it('queries in one batch, fetches each record once, and caches both', async () => {
    const settings = settingsFor(server.url);
    const queries = [
      { ecosystem: 'npm', name: 'lodash', version: '4.17.20' },
      { ecosystem: 'npm', name: 'lodash', version: '4.17.21' },
      { ecosystem: 'PyPI', name: 'requests', version: '2.30.0' },
    ] as const;
    const first = await queryOsvApi(queries, settings);
    assert.deepEqual(
      first.get('npm\u0000lodash@4.17.20')?.map((record) => record.id).sort(),
      ['GHSA-29mw-wpgm-hmr9', 'GHSA-35jh-r3h4-6jhm', 'GHSA-p6mc-m468-83gw'],
    );
    assert.equal(first.get('PyPI\u0000requests@2.30.0')?.length, 3);
    const batches = server.requests.filter((request) => request === 'POST /v1/querybatch').length;
    const fetched = server.requests.filter((request) => request.startsWith('GET /v1/vulns/')).length;
    assert.equal(batches, 1);
    assert.equal(fetched, 6);
    await queryOsvApi(queries, settings);
    assert.equal(server.requests.filter((request) => request === 'POST /v1/querybatch').length, batches, 'answers reused within the TTL');
    assert.equal(server.requests.filter((request) => request.startsWith('GET /v1/vulns/')).length, fetched);
  });
  it('asks again once the TTL has passed', async () => {
    const settings = settingsFor(server.url, -1);
    const before = server.requests.length;
    await queryOsvApi([{ ecosystem: 'npm', name: 'minimist', version: '1.2.5' }], settings);
    await queryOsvApi([{ ecosystem: 'npm', name: 'minimist', version: '1.2.5' }], settings);
    assert.equal(server.requests.slice(before).filter((request) => request === 'POST /v1/querybatch').length, 2);
  });
  it('fails loudly on an HTTP error or an unreachable server', async () => {
    await assert.rejects(queryOsvApi([{ ecosystem: 'npm', name: 'lodash', version: '1.0.0' }], settingsFor(down.url)), (error: Error) => error instanceof OnlineSourceError && /HTTP 503/.test(error.message));
    await assert.rejects(queryOsvApi([{ ecosystem: 'npm', name: 'lodash', version: '1.0.0' }], settingsFor('http://127.0.0.1:9')), /could not be reached/);
  });
  it('turns the npm bulk advisories into records carrying the npm range', async () => {
    const settings = settingsFor(server.url);
    const found = await queryNpmAdvisories([{ ecosystem: 'npm', name: 'lodash', version: '4.17.20' }], settings);
    const [first] = found.get('npm\u0000lodash@4.17.20') ?? [];
    assert.equal(first?.id, 'GHSA-35jh-r3h4-6jhm');
    assert.equal(first?.affected[0]?.npmRange, '<4.17.21');
    assert.deepEqual(server.bodies.at(-1), { lodash: ['4.17.20'] });
  });
});

describe('the control online', () => {
  const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { lodash: '4.17.11' } }, 'node_modules/lodash': { version: '4.17.11' } } });
  it('merges OSV and npm advisories by id (one finding per vulnerability)', async () => {
    const root = makeFixture({ 'package-lock.json': lock });
    try {
      const settings = settingsFor(server.url);
      const result = await scan({ path: root, controls: [control], online: true, extra: { cacheDir: settings.cacheDir, osvApiUrl: server.url, npmRegistryUrl: server.url } });
      const findings = result.controls[0]?.findings ?? [];
      assert.equal(result.controls[0]?.status, 'fail');
      // OSV: 35jh, p6mc, 29mw; npm adds jf85 (only it knows) and repeats 35jh (merged).
      assert.deepEqual(findings.map((finding) => finding.properties?.advisory), ['GHSA-jf85-cpcp-j695', 'GHSA-p6mc-m468-83gw', 'GHSA-35jh-r3h4-6jhm', 'GHSA-29mw-wpgm-hmr9']);
      assert.match(result.controls[0]?.reason ?? '', /OSV API http:\/\/127\.0\.0\.1:\d+ and npm advisories/);
    } finally {
      removeFixture(root);
    }
  });
  it('is unknown, not pass, when the service fails', async () => {
    const root = makeFixture({ 'package-lock.json': lock });
    try {
      const settings = settingsFor(down.url);
      const result = await scan({ path: root, controls: [control], online: true, extra: { cacheDir: settings.cacheDir, osvApiUrl: down.url, npmRegistryUrl: down.url } });
      assert.equal(result.controls[0]?.status, 'unknown');
      assert.match(result.controls[0]?.reason ?? '', /online advisories could not be fetched: .*HTTP 503/);
    } finally {
      removeFixture(root);
    }
  });
});
