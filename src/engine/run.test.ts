import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineControl, evaluated, FactsUnavailable, notApplicable } from './control.js';
import { defineCollector } from '../facts/collector.js';
import { scan } from '../scan.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';

let collections = 0;
const counted = defineCollector({ id: 'counted', description: 'counts its runs', collect: () => ++collections });
const broken = defineCollector<number>({
  id: 'broken',
  description: 'always fails',
  collect: () => {
    throw new FactsUnavailable('the data source is offline');
  },
});

const meta = { domain: 'docs', severity: 'low', rationale: 'r', remediation: 'r' } as const;
const first = defineControl({ meta: { ...meta, id: 'first-control', title: 'first' }, check: async ({ facts }) => evaluated([], `saw ${await facts(counted)}`) });
const second = defineControl({ meta: { ...meta, id: 'second-control', title: 'second' }, check: async ({ facts }) => evaluated([], `saw ${await facts(counted)}`) });
const throwing = defineControl({
  meta: { ...meta, id: 'throwing-control', title: 'throws' },
  check: () => {
    throw new TypeError('cannot read properties of undefined');
  },
});
const starved = defineControl({ meta: { ...meta, id: 'starved-control', title: 'needs broken facts' }, check: async ({ facts }) => evaluated([], String(await facts(broken))) });
const failing = defineControl({
  meta: { ...meta, id: 'failing-control', title: 'fails' },
  check: () => evaluated([{ message: 'bad', file: 'a.txt', line: 3, key: 'value-1' }, { message: 'unsure', file: 'b.txt', outcome: 'unknown' }]),
});
const unsure = defineControl({ meta: { ...meta, id: 'unsure-control', title: 'unsure' }, check: () => evaluated([{ message: 'unsure', outcome: 'unknown' }]) });
const inapplicable = defineControl({ meta: { ...meta, id: 'inapplicable-control', title: 'n/a' }, check: () => notApplicable('nothing to judge') });

describe('the control runner', () => {
  it('isolates controls, memoises collectors and derives statuses', async () => {
    const root = makeFixture({ 'a.txt': 'x' });
    try {
      const result = await scan({ path: root, controls: [first, second, throwing, starved, failing, unsure, inapplicable], timing: true });
      const status = Object.fromEntries(result.controls.map((control) => [control.id, [control.status, control.reason]]));
      assert.deepEqual(status['first-control'], ['pass', 'saw 1']);
      assert.deepEqual(status['second-control'], ['pass', 'saw 1'], 'the collector ran once for both controls');
      assert.equal(status['throwing-control']?.[0], 'error');
      assert.match(String(status['throwing-control']?.[1]), /cannot read properties/);
      assert.deepEqual(status['starved-control'], ['unknown', 'the data source is offline']);
      assert.equal(status['failing-control']?.[0], 'fail', 'a failing finding outweighs an unknown one');
      assert.equal(status['unsure-control']?.[0], 'unknown');
      assert.deepEqual(status['inapplicable-control'], ['not-applicable', 'nothing to judge']);
      assert.deepEqual(result.summary.controls, { pass: 2, error: 1, unknown: 2, fail: 1, 'not-applicable': 1 });
      assert.ok(result.timing?.some((entry) => entry.kind === 'collector' && entry.id === 'counted'));
    } finally {
      removeFixture(root);
    }
  });

  it('keeps fingerprints stable across line moves and distinct across values', async () => {
    const root = makeFixture({});
    const moved = defineControl({
      meta: { ...meta, id: 'failing-control', title: 'fails' },
      check: () => evaluated([{ message: 'bad', file: 'a.txt', line: 30, key: 'value-1' }, { message: 'bad', file: 'a.txt', line: 3, key: 'value-2' }]),
    });
    try {
      const before = await scan({ path: root, controls: [failing] });
      const after = await scan({ path: root, controls: [moved] });
      const [original] = before.controls[0]?.findings ?? [];
      const [relocated, other] = after.controls[0]?.findings ?? [];
      assert.equal(original?.fingerprint, relocated?.fingerprint);
      assert.notEqual(relocated?.fingerprint, other?.fingerprint);
    } finally {
      removeFixture(root);
    }
  });
});
