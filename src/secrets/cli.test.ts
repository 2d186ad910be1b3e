import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildProgram } from '../cli/main.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';
import { plantedSecrets, secretFile } from './fixtures.js';

async function run(args: string[]): Promise<{ out: string; code: number }> {
  let out = '';
  const { program, exitCode } = buildProgram({ out: (text) => (out += text), err: () => undefined, isTTY: false, env: {} });
  await program.parseAsync(args, { from: 'user' });
  return { out, code: exitCode() };
}

describe('scan --since and --secrets-config', () => {
  const [secret] = plantedSecrets(55);

  it('--since HEAD leaves nothing new to scan in history', async () => {
    const root = makeFixture({ 'a.ts': secretFile(secret ?? { ruleId: '', value: '' }) }, { git: true });
    try {
      const all = JSON.parse((await run(['scan', root, '--only', 'no-secrets-in-history', '--format', 'json'])).out) as { controls: { status: string }[] };
      assert.equal(all.controls[0]?.status, 'fail');
      const since = await run(['scan', root, '--only', 'no-secrets-in-history', '--format', 'json', '--since', 'HEAD']);
      const report = JSON.parse(since.out) as { controls: { status: string; reason: string }[] };
      assert.equal(report.controls[0]?.status, 'pass');
      assert.match(report.controls[0]?.reason ?? '', /0 blobs new since HEAD/);
      assert.equal(since.code, 0);
    } finally {
      removeFixture(root);
    }
  });

  it('--secrets-config replaces the built-in rules with a gitleaks file', async () => {
    const root = makeFixture({ 'a.ts': secretFile(secret ?? { ruleId: '', value: '' }) });
    try {
      const config = path.join(root, 'gitleaks.toml');
      writeFileSync(config, "[[rules]]\nid = 'only-this'\nregex = '''zzz-[0-9]{8}'''\nkeywords = ['zzz-']\n");
      const result = await run(['scan', root, '--only', 'no-secrets-in-tree', '--format', 'json', '--secrets-config', config]);
      const report = JSON.parse(result.out) as { controls: { status: string; reason: string }[] };
      assert.equal(report.controls[0]?.status, 'pass');
      assert.match(report.controls[0]?.reason ?? '', /1 rule\b/);
    } finally {
      removeFixture(root);
    }
  });
});
