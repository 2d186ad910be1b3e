import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { makeFixture, removeFixture } from '../testing/fixture.js';
import { OSV_FIXTURES } from '../testing/osv-fixtures.js';
import { buildProgram } from './main.js';

const cacheDir = mkdtempSync(path.join(tmpdir(), 'tenet-cli-osv-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ out: string; code: number }> {
  let out = '';
  const { program, exitCode } = buildProgram({ out: (text) => void (out += text), err: () => undefined, isTTY: false, env: {} });
  await program.parseAsync(args, { from: 'user' });
  return { out, code: exitCode() };
}

describe('tenet scan with advisories', () => {
  const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { minimist: '1.2.5' } }, 'node_modules/minimist': { version: '1.2.5' } } }, null, 2);
  it('--osv-db and --cache-dir reach the control', async () => {
    const root = makeFixture({ 'package-lock.json': lock });
    try {
      const { out, code } = await run(['scan', root, '--only', 'dependencies-free-of-known-vulnerabilities', '--osv-db', OSV_FIXTURES, '--cache-dir', cacheDir, '--format', 'json', '--no-color']);
      const report = JSON.parse(out) as { controls: { status: string; findings: { properties?: Record<string, string> }[] }[] };
      assert.equal(report.controls[0]?.status, 'fail');
      assert.equal(report.controls[0]?.findings[0]?.properties?.advisory, 'GHSA-xvch-5gv4-984h');
      assert.equal(code, 1);
    } finally {
      removeFixture(root);
    }
  });
  it('--format cyclonedx writes an SBOM with the vulnerabilities', async () => {
    const root = makeFixture({ 'package-lock.json': lock });
    try {
      const { out } = await run(['scan', root, '--skip', 'dependencies-free-of-known-vulnerabilities', '--osv-db', OSV_FIXTURES, '--cache-dir', cacheDir, '--format', 'cyclonedx']);
      const bom = JSON.parse(out) as { bomFormat: string; components: { purl: string }[]; vulnerabilities?: { id: string }[] };
      assert.equal(bom.bomFormat, 'CycloneDX');
      assert.deepEqual(bom.components.map((component) => component.purl), ['pkg:npm/minimist@1.2.5']);
      assert.deepEqual(bom.vulnerabilities?.map((vulnerability) => vulnerability.id), ['GHSA-xvch-5gv4-984h']);
    } finally {
      removeFixture(root);
    }
  });
});
