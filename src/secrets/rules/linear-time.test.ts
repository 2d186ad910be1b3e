import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { FakeSecrets, sampleFor } from '../samples.js';
import type { SecretRule } from '../types.js';
import { builtinRules } from './index.js';

/** Inputs built to make a backtracking engine explode: keywords, separators and token alphabets, repeated. */
function adversarialInputs(rule: SecretRule, size: number): string[] {
  const fake = new FakeSecrets(11);
  const keyword = rule.keywords[0] ?? 'key';
  const sample = sampleFor(rule, fake)?.secret ?? `${keyword}${fake.base64(60)}`;
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / Math.max(1, unit.length))).slice(0, size);
  return [
    fill(keyword),
    fill(`${keyword}=`),
    fill(`${keyword} = "`),
    keyword + fill('a'),
    keyword + '=' + fill('A1b2-_+/.'),
    fill(sample),
    fill(sample.slice(0, -1) + ' '),
    fill(`${keyword}_key: '${sample.slice(0, Math.max(1, sample.length >> 1))}`),
    fill('-----BEGIN RSA PRIVATE KEY-----\n' + 'A'.repeat(60) + '\n'),
    fill('eyJ' + 'a'.repeat(30) + '.'),
    fill('postgres://user:' + 'p'.repeat(50)),
  ];
}

/** Generous for a loaded CI machine; a super-linear rule takes seconds per MB, a linear one milliseconds. */
const MAX_MS_PER_MB = 1500;
const SIZE = 128 * 1024;

describe('every rule runs in linear time on adversarial input', () => {
  for (const rule of builtinRules) {
    it(rule.id, () => {
      const regex = new RegExp(rule.regex, `g${rule.flags ?? ''}`);
      let worst = 0;
      for (const input of adversarialInputs(rule, SIZE)) {
        const started = performance.now();
        regex.lastIndex = 0;
        let count = 0;
        for (let match = regex.exec(input); match !== null && count < 100_000; match = regex.exec(input)) {
          if (match[0].length === 0) regex.lastIndex++;
          count++;
        }
        worst = Math.max(worst, ((performance.now() - started) * 1024 * 1024) / input.length);
      }
      assert.ok(worst < MAX_MS_PER_MB, `${worst.toFixed(0)} ms per MB`);
    });
  }
});
