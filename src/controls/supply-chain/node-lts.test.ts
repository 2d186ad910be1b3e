import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeNodeVersion } from './node-lts.js';

const NOV_2026 = new Date('2026-11-15T00:00:00Z');

describe('judgeNodeVersion (as of 2026-11-15)', () => {
  const cases: [string, 'lts' | 'not-lts' | 'unknown', RegExp?][] = [
    ['22', 'lts'],
    ['v24.11.0', 'lts'],
    ['24.x', 'lts'],
    ['^22.12.0 || >=24', 'lts'],
    ['>=22', 'lts'],
    ['>=20', 'not-lts', /end of life on 2026-04-30/],
    ['20', 'not-lts'],
    ['lts/*', 'lts'],
    ['lts/jod', 'lts'],
    ['lts/iron', 'not-lts'],
    ['lts-alpine', 'lts'],
    ['22-alpine3.20', 'lts'],
    ['24.11.1-bookworm-slim', 'lts'],
    ['25', 'not-lts', /end of life on 2026-06-01/],
    ['26', 'unknown', /LTS promotion/],
    ['27', 'unknown', /newer than/],
    ['12', 'not-lts', /long past/],
    ['node', 'not-lts', /newest release/],
    ['alpine', 'not-lts'],
    ['latest', 'not-lts'],
    ['*', 'not-lts'],
    ['${NODE_VERSION}', 'unknown'],
    ['banana', 'unknown'],
  ];
  for (const [declared, status, summary] of cases) {
    it(`${declared} → ${status}`, () => {
      const verdict = judgeNodeVersion(declared, NOV_2026);
      assert.equal(verdict.status, status, verdict.summary);
      if (summary) assert.match(verdict.summary, summary);
    });
  }

  it('says an odd line is never LTS', () => {
    assert.match(judgeNodeVersion('25', new Date('2026-01-10T00:00:00Z')).summary, /never becomes LTS/);
  });

  it('judges against the scan time: 20 was LTS in 2025', () => {
    assert.equal(judgeNodeVersion('>=20', new Date('2025-06-01T00:00:00Z')).status, 'lts');
  });
});
