import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { makeFixture, removeFixture } from '../src/testing/fixture.js';
import { validateReport } from './report-schema.js';

const bin = fileURLToPath(new URL('../../bin/tenet.js', import.meta.url));
const MIT = 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n';

function tenet(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tenet CLI', () => {
  it('prints its version and help', () => {
    const version = tenet(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    for (const command of [['--help'], ['scan', '--help'], ['controls', '--help']]) {
      const help = tenet(command);
      assert.equal(help.status, 0, command.join(' '));
      assert.match(help.stdout, /Usage: tenet/);
    }
  });

  it('lists controls with id, domain, severity and title', () => {
    const listing = tenet(['controls']);
    assert.equal(listing.status, 0);
    assert.match(listing.stdout, /^license-present\s+docs\s+low\s+An OSI-approved licence file is present$/m);
  });

  it('exits 0 when nothing fails at or above --fail-on, 1 when something does', () => {
    const root = makeFixture({ 'index.js': '' });
    try {
      assert.equal(tenet(['scan', root, '--only', 'license-present', '--fail-on', 'high']).status, 0, 'a low-severity failure is below high');
      const failing = tenet(['scan', root, '--only', 'license-present', '--fail-on', 'low']);
      assert.equal(failing.status, 1);
      assert.match(failing.stdout, /FAIL\s+license-present/);
      assert.equal(tenet(['scan', root, '--fail-on', 'none']).status, 0);
    } finally {
      removeFixture(root);
    }
  });

  it('writes a JSON report that validates against the published schema, to a file with --output', () => {
    const root = makeFixture({ LICENSE: MIT }, { git: true });
    try {
      const output = path.join(root, 'report.json');
      const run = tenet(['scan', root, '--format', 'json', '--output', output, '--timing']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      const report = JSON.parse(readFileSync(output, 'utf8')) as { target: { commit?: string; branch?: string }; timing?: unknown[] };
      assert.deepEqual(validateReport(report), []);
      assert.match(report.target.commit ?? '', /^[0-9a-f]{40}$/);
      assert.equal(report.target.branch, 'main');
      assert.ok(Array.isArray(report.timing) && report.timing.length > 0);
    } finally {
      removeFixture(root);
    }
  });

  it('prints collected facts with --format raw', () => {
    const root = makeFixture({ LICENSE: MIT });
    try {
      const run = tenet(['scan', root, '--format', 'raw']);
      const raw = JSON.parse(run.stdout) as { facts: Record<string, unknown> };
      assert.ok('licenses' in raw.facts);
    } finally {
      removeFixture(root);
    }
  });

  it('exits 2 on a usage error or an invalid configuration, naming each problem by its path', () => {
    assert.equal(tenet(['scan', '--format', 'nope']).status, 2);
    assert.equal(tenet(['scan', '--only', 'no-such-control']).status, 2);
    const root = makeFixture({
      '.tenet.yml': [
        'exclude: vendor',
        'deviations:',
        '  - control: license-present',
        '    reason: ok',
        '    approvedBy: someone',
        '    expires: 2026-12-31',
        '  - control: license-present',
        '    reason: later',
        '    expires: someday',
        '  - control: no-such-control',
        '    reason: typo',
        'params:',
        '  license-present: { nope: 1 }',
        'colour: red',
      ].join('\n'),
    });
    try {
      const run = tenet(['scan', root]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /exclude: must be a list/);
      assert.match(run.stderr, /deviations\[1\]\.expires: not a date/);
      assert.match(run.stderr, /colour: unknown setting/);
    } finally {
      removeFixture(root);
    }
  });

  it('rejects unknown control ids and parameters in a well-formed configuration', () => {
    const root = makeFixture({ '.tenet.yml': 'deviations:\n  - control: no-such-control\n    reason: typo\nparams:\n  license-present: { nope: 1 }\n' });
    try {
      const run = tenet(['scan', root]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /deviations\[0\]\.control: unknown control 'no-such-control'/);
    } finally {
      removeFixture(root);
    }
  });
});
