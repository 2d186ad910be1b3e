import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildProgram } from '../cli/main.js';
import { makeFixture } from '../testing/fixture.js';
import { parseXml } from '../testing/xml.js';

async function run(...args: string[]): Promise<string> {
  let out = '';
  const { program } = buildProgram({ out: (text) => void (out += text), err: () => undefined, isTTY: false, env: {} });
  await program.parseAsync(args, { from: 'user' });
  return out;
}

test('tenet scan --format sarif|junit|markdown|html renders a real scan', async () => {
  const root = makeFixture({ 'README.md': '# demo\n', 'src/index.js': 'export {};\n' }, { git: true });
  try {
    const sarif = JSON.parse(await run('scan', root, '--format', 'sarif')) as { version: string; runs: unknown[] };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    assert.equal(parseXml(await run('scan', root, '--format', 'junit')).name, 'testsuites');
    assert.equal(parseXml(await run('scan', root, '--format', 'junit', '--by', 'controls')).name, 'testsuites');
    assert.match(await run('scan', root, '--format', 'markdown'), /^### .* tenet: /);
    const file = path.join(root, 'report.html');
    await run('scan', root, '--format', 'html', '--output', file);
    assert.match(readFileSync(file, 'utf8'), /^<!doctype html>\n<html lang="en">\n<head>\n<meta http-equiv="Content-Security-Policy"/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('--by accepts only requirements or controls', async () => {
  await assert.rejects(run('scan', '.', '--format', 'junit', '--by', 'files'), /invalid/i);
});
