import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlineWaiverAt, parseInlineWaivers } from './inline-waivers.js';

const TEXT = [
  'steps:',
  '  # tenet:ignore actions-pinned-by-sha vendored action reviewed in SEC-12',
  '  - uses: foo/bar@v1',
  '  - uses: foo/baz@v1 # tenet:ignore actions-pinned-by-sha same owner as us',
  '  - uses: foo/qux@v1 # tenet:ignore actions-pinned-by-sha',
  '  - run: echo',
].join('\n');

describe('inline waivers', () => {
  it('a comment line above covers the next line', () => {
    assert.deepEqual(inlineWaiverAt(TEXT, 'ci.yml', 3, 'actions-pinned-by-sha'), {
      kind: 'inline',
      reason: 'vendored action reviewed in SEC-12',
      source: 'ci.yml:2',
    });
  });
  it('a trailing comment covers its own line only', () => {
    assert.equal(inlineWaiverAt(TEXT, 'ci.yml', 4, 'actions-pinned-by-sha')?.source, 'ci.yml:4');
    assert.equal(inlineWaiverAt(TEXT, 'ci.yml', 5, 'actions-pinned-by-sha'), undefined);
  });
  it('names one control', () => {
    assert.equal(inlineWaiverAt(TEXT, 'ci.yml', 3, 'no-script-injection-in-workflows'), undefined);
  });
  it('needs a reason', () => {
    assert.equal(parseInlineWaivers(TEXT).length, 2);
  });
  it('reads // comments too', () => {
    assert.equal(parseInlineWaivers('x // tenet:ignore some-id because').length, 1);
  });
  it('stays fast on a long hostile line', () => {
    const started = Date.now();
    parseInlineWaivers(`# tenet:ignore ${'a'.repeat(100000)} ${' '.repeat(100000)}`);
    assert.ok(Date.now() - started < 500);
  });
});
