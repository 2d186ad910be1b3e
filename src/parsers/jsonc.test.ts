import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonc } from './jsonc.js';

describe('parseJsonc', () => {
  it('reads comments and trailing commas, keeping lines', () => {
    const text = '{\n  // base\n  "compilerOptions": {\n    /* on\n       purpose */\n    "strict": true,\n    "paths": { "a/*": ["./src/*",], },\n  },\n}\n';
    const document = parseJsonc(text);
    assert.deepEqual(document.value, { compilerOptions: { strict: true, paths: { 'a/*': ['./src/*'] } } });
    assert.equal(document.lineOf(['compilerOptions', 'strict']), 6);
  });
  it('leaves comment-like text inside strings alone', () => {
    assert.deepEqual(parseJsonc('{"a": "http://x/*y*/", "b": "\\"//"}').value, { a: 'http://x/*y*/', b: '"//' });
  });
  it('still rejects broken JSON', () => {
    assert.throws(() => parseJsonc('{"a": }'));
  });
});
