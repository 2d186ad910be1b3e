import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildProgram } from './main.js';
import { CommanderError } from 'commander';
import { ConfigError, parseConfig } from '../config/load.js';
import { BUILTIN_PACK_IDS, DEFAULT_PACK, loadPack } from '../packs/load.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';

async function cli(...argv: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const { program, exitCode } = buildProgram({ out: (text) => void (out += text), err: (text) => void (err += text), isTTY: false, env: {} });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return { out, err, code: exitCode() };
  } catch (error) {
    if (error instanceof CommanderError) return { out, err, code: error.exitCode === 0 ? 0 : 2 };
    // main() prints a configuration error and exits 2.
    if (error instanceof ConfigError) return { out, err: err + error.message, code: 2 };
    throw error;
  }
}

const dirs: string[] = [];
after(() => dirs.forEach(removeFixture));
const inAYear = new Date(Date.now() + 300 * 24 * 3600 * 1000).toISOString().slice(0, 10);

describe('tenet policy', () => {
  it('list names the five packs and the default', async () => {
    const { out, code } = await cli('policy', 'list');
    assert.equal(code, 0);
    for (const id of BUILTIN_PACK_IDS) assert.match(out, new RegExp(`^${id} `, 'm'));
    assert.match(out, new RegExp(`default .* is ${DEFAULT_PACK}`));
  });

  for (const id of BUILTIN_PACK_IDS) {
    it(`show ${id} lists every requirement with its mode`, async () => {
      const { out, code } = await cli('policy', 'show', id);
      assert.equal(code, 0);
      const pack = loadPack(id);
      for (const requirement of pack.requirements) assert.match(out, new RegExp(`^${requirement.id} {2}\\[(automated|partly-automated|attestation)`, 'm'));
      assert.match(out, new RegExp(`^${pack.requirements.length} requirements:`, 'm'));
    });
  }

  it('show --json gives the resolved pack', async () => {
    const { out } = await cli('policy', 'show', 'openpix', '--json');
    const pack = JSON.parse(out) as { id: string; requirements: { id: string; mode: string }[] };
    assert.equal(pack.id, 'openpix');
    assert.equal(pack.requirements.length, 88);
  });
});

describe('tenet attest and tenet deviate', () => {
  const config = (): string => {
    const dir = makeFixture({ '.tenet.yml': '# settings\nexclude: []\n' });
    dirs.push(dir);
    return path.join(dir, '.tenet.yml');
  };

  it('attest writes an attestation dated today', async () => {
    const file = config();
    const { code, out } = await cli('attest', 'HM-12', '--statement', 'Considered', '--evidence', 'https://wiki.example.com/cm', '--by', 'ada', '--expires', inAYear, '-c', file);
    assert.equal(code, 0, out);
    const written = parseConfig(readFileSync(file, 'utf8'), file);
    assert.equal(written.attestations?.[0]?.requirement, 'HM-12');
    assert.equal(written.attestations?.[0]?.date, new Date().toISOString().slice(0, 10));
    assert.match(readFileSync(file, 'utf8'), /^# settings/);
  });

  it('attest refuses unknown requirements, bad dates and past expiries', async () => {
    const file = config();
    const base = ['--statement', 's', '--evidence', 'https://e.example', '--by', 'ada', '-c', file];
    assert.equal((await cli('attest', 'HM-99', ...base, '--expires', inAYear)).code, 2);
    assert.match((await cli('attest', 'HM-12', ...base, '--expires', '2026-13-01')).err, /must be a date/);
    assert.match((await cli('attest', 'HM-12', ...base, '--expires', '2001-01-01')).err, /before the attestation's date|in the past/);
    assert.match((await cli('attest', 'HM-12', ...base.map((arg) => (arg === 'https://e.example' ? 'javascript:alert(1)' : arg)), '--expires', inAYear)).err, /http\(s\) link/);
    assert.equal(readFileSync(file, 'utf8'), '# settings\nexclude: []\n');
  });

  it('deviate writes a control or a requirement deviation with its scope', async () => {
    const file = config();
    assert.equal((await cli('deviate', 'license-present', '--reason', 'docs only', '--approved-by', 'cto', '--expires', inAYear, '--path', 'docs/**', '--path', 'site/**', '-c', file)).code, 0);
    assert.equal((await cli('deviate', 'OP-46', '--reason', 'small team', '--approved-by', 'cto', '--expires', inAYear, '--resource', 'repo', '-c', file)).code, 0);
    const written = parseConfig(readFileSync(file, 'utf8'), file);
    assert.deepEqual(written.deviations?.[0], { control: 'license-present', reason: 'docs only', approvedBy: 'cto', expires: inAYear, paths: ['docs/**', 'site/**'] });
    assert.equal(written.deviations?.[1]?.requirement, 'OP-46');
  });

  it('deviate warns that an unapproved deviation counts for nothing, and refuses unknown targets', async () => {
    const file = config();
    const { code, err } = await cli('deviate', 'license-present', '--reason', 'later', '-c', file);
    assert.equal(code, 0);
    assert.match(err, /covers nothing/);
    assert.equal((await cli('deviate', 'no-such-thing', '--reason', 'x', '-c', file)).code, 2);
  });
});

describe('tenet scan --pack', () => {
  it('evaluates the chosen pack and exits by its requirements\' severity', async () => {
    const dir = makeFixture({
      'index.js': '',
      'pack.yaml': 'id: lic\ntitle: Licensing\nversion: 1.0.0\nrequirements:\n  - id: L-1\n    section: Licence\n    text: A licence ships.\n    controls: [license-present]\n',
    });
    dirs.push(dir);
    const low = await cli('scan', dir, '--pack', path.join(dir, 'pack.yaml'), '--only', 'license-present', '--fail-on', 'low', '-f', 'json');
    assert.equal(low.code, 1);
    const report = JSON.parse(low.out) as { policies: { id: string; requirements: { id: string; status: string; severity?: string }[] }[]; summary: { requirements: Record<string, number> } };
    assert.deepEqual(report.policies.map((policy) => policy.id), ['lic']);
    assert.deepEqual(report.policies[0]?.requirements[0], { ...report.policies[0]?.requirements[0], id: 'L-1', status: 'fail', severity: 'low' });
    assert.deepEqual(report.summary.requirements, { fail: 1 });
    assert.equal((await cli('scan', dir, '--pack', path.join(dir, 'pack.yaml'), '--only', 'license-present', '--fail-on', 'medium', '-f', 'json')).code, 0);
    assert.equal((await cli('scan', dir, '--pack', 'no-such-pack')).code, 2);
  });
});
