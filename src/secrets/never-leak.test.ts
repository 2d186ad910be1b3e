import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scan } from '../scan.js';
import { reporters } from '../reporters/index.js';
import { controls } from '../controls/secrets/index.js';
import { gitIn, makeFixture, removeFixture } from '../testing/fixture.js';
import { plantedSecrets, secretFile } from './fixtures.js';
import type { ScanResult } from '../core/result.js';

const secrets = plantedSecrets(33);

/**
 * Every output format registered in src/reporters/index.ts, over a scan of secret-laden files in the
 * tree and in history (one deleted, so only history holds it), with facts and timing kept: none may
 * contain any secret, nor any 12 characters of one past its visible prefix.
 */
describe('no output leaks a secret', () => {
  let root: string;
  let result: ScanResult;
  before(async () => {
    const files: Record<string, string> = {};
    secrets.forEach((secret, index) => (files[`src/file${index}.ts`] = secretFile(secret)));
    files['.env'] = `API_TOKEN=${secrets[0]?.value ?? ''}\n`;
    files['keys/server.key'] = secretFile(secrets.find((secret) => secret.ruleId === 'private-key-rsa') ?? { ruleId: '', value: '' });
    files['big.txt'] = `${secrets[1]?.value ?? ''}\n`.repeat(2000);
    files['src/allowed.ts'] = `const x = "${secrets[2]?.value ?? ''}"; // tenet:allow same as ${secrets[2]?.value ?? ''}\n`;
    root = makeFixture(files, { git: true });
    gitIn(root, 'rm', '-q', 'src/file0.ts');
    gitIn(root, 'commit', '-q', '-m', 'remove');
    result = await scan({ path: root, controls, config: { maxFileSize: 4096 }, keepFacts: true, timing: true });
  });
  after(() => removeFixture(root));

  it('finds them (so that the check below means something)', () => {
    const tree = result.controls.find((control) => control.id === 'no-secrets-in-tree');
    const history = result.controls.find((control) => control.id === 'no-secrets-in-history');
    assert.ok((tree?.findings.length ?? 0) >= secrets.length - 1);
    assert.ok((history?.findings.length ?? 0) >= secrets.length);
    assert.ok(result.errors.some((error) => error.file === 'big.txt'), 'the oversized file is reported');
    assert.ok(result.errors.some((error) => error.file === 'big.txt' && error.reason.includes('not scanned in history')), 'the oversized blob is reported');
  });

  for (const format of Object.keys(reporters)) {
    it(`--format ${format}`, () => {
      const output = reporters[format]?.(result, { color: false }) ?? '';
      assert.ok(output.length > 0);
      for (const secret of secrets) {
        const unescaped = output.replace(/\\n/g, '\n').replace(/\\\//g, '/');
        for (const text of [output, unescaped]) {
          assert.ok(!text.includes(secret.value), `${format} output contains a full ${secret.ruleId}`);
          const body = secret.value.replace(/-----[A-Z ]+-----|\s/g, '');
          for (let start = 4; start + 12 <= body.length; start += 6) {
            assert.ok(!text.includes(body.slice(start, start + 12)), `${format} output contains part of a ${secret.ruleId}`);
          }
        }
      }
    });
  }
});
