import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineControl, evaluated } from './control.js';
import { scan } from '../scan.js';
import type { DeviationEntry } from '../config/types.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';

const twoFindings = defineControl({
  meta: { id: 'sample-control', title: 'sample', domain: 'docs', severity: 'high', rationale: 'r', remediation: 'r' },
  check: () =>
    evaluated([
      { message: 'first', file: 'legacy/a.txt', resource: 'aws_s3_bucket.logs' },
      { message: 'second', file: 'src/b.txt', resource: 'aws_s3_bucket.data' },
    ]),
});

const now = new Date('2026-11-23T12:00:00Z');
const approved = { control: 'sample-control', reason: 'migrating', approvedBy: 'security@example.com', expires: '2027-03-31' };

async function statusWith(deviations: DeviationEntry[]): Promise<{ status: string; reason?: string; suppressed: number; exceptions: string[] }> {
  const root = makeFixture({});
  try {
    const result = await scan({ path: root, controls: [twoFindings], config: { deviations }, now });
    const control = result.controls[0];
    assert.ok(control);
    return {
      status: control.status,
      reason: control.reason,
      suppressed: control.findings.filter((finding) => finding.suppressed).length,
      exceptions: (result.exceptions ?? []).map((entry) => entry.state),
    };
  } finally {
    removeFixture(root);
  }
}

describe('deviations on controls', () => {
  const cases: { name: string; deviations: DeviationEntry[]; status: string; suppressed: number; state?: string; reason?: RegExp }[] = [
    { name: 'none: the control fails', deviations: [], status: 'fail', suppressed: 0 },
    { name: 'approved and unexpired: deviated', deviations: [approved], status: 'deviated', suppressed: 2, state: 'active' },
    { name: 'expiring within the warning window: still deviated, flagged', deviations: [{ ...approved, expires: '2026-12-10' }], status: 'deviated', suppressed: 2, state: 'expiring' },
    { name: 'expired: fails, and says so', deviations: [{ ...approved, expires: '2026-11-22' }], status: 'fail', suppressed: 0, state: 'expired', reason: /expired on 2026-11-22/ },
    { name: 'counts through its last day', deviations: [{ ...approved, expires: '2026-11-23' }], status: 'deviated', suppressed: 2, state: 'expiring' },
    { name: 'without an approver: covers nothing', deviations: [{ control: 'sample-control', reason: 'trust me', expires: '2027-01-01' }], status: 'fail', suppressed: 0, state: 'invalid', reason: /lacks an approver/ },
    { name: 'without an expiry: covers nothing', deviations: [{ control: 'sample-control', reason: 'forever', approvedBy: 'x' }], status: 'fail', suppressed: 0, state: 'invalid' },
    { name: 'scoped to paths: covers only those findings', deviations: [{ ...approved, paths: ['legacy/**'] }], status: 'fail', suppressed: 1, state: 'active' },
    { name: 'scoped to a resource', deviations: [{ ...approved, resource: 'aws_s3_bucket.data' }], status: 'fail', suppressed: 1 },
    { name: 'two scoped deviations together cover everything', deviations: [{ ...approved, paths: ['legacy/**'] }, { ...approved, resource: 'aws_s3_bucket.data' }], status: 'deviated', suppressed: 2 },
    { name: 'for another control: no effect', deviations: [{ ...approved, control: 'other-control' }], status: 'fail', suppressed: 0 },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const outcome = await statusWith(testCase.deviations);
      assert.equal(outcome.status, testCase.status);
      assert.equal(outcome.suppressed, testCase.suppressed);
      if (testCase.state) assert.equal(outcome.exceptions[0], testCase.state);
      if (testCase.reason) assert.match(outcome.reason ?? '', testCase.reason);
    });
  }
});
