import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TenetConfig } from '../config/types.js';
import type { ControlResult, ControlStatus, Finding, Severity } from '../core/result.js';
import { evaluateRequirement, policyStatus, type PackEvaluationInput } from './evaluate.js';
import type { PackRequirement } from './types.js';

const now = new Date('2026-06-01T12:00:00Z');

function requirement(overrides: Partial<PackRequirement> = {}): PackRequirement {
  return { id: 'T-01', section: 'Testing', text: 'It holds.', mode: 'automated', controls: ['a', 'b'], plannedControls: [], params: {}, ...overrides };
}

function control(id: string, status: ControlStatus, findings: Partial<Finding>[] = [], severity: Severity = 'high'): ControlResult {
  return {
    id,
    title: id,
    domain: 'docs',
    severity,
    status,
    findings: findings.map((finding, index) => ({ message: 'bad', fingerprint: `${id}${index}`, outcome: 'fail', ...finding })),
  };
}

function judge(req: PackRequirement, results: ControlResult[], config: TenetConfig = {}, registered = ['a', 'b', 'c']) {
  const byId = new Map(results.map((result) => [result.id, result]));
  const input: PackEvaluationInput = { packs: [], registered: new Set(registered), resultFor: (_r, id) => byId.get(id), config, now };
  return evaluateRequirement(req, input);
}

const attestation = { requirement: 'T-01', statement: 'done', evidence: 'https://example.com/e', attestedBy: 'ada', date: '2026-01-10', expires: '2026-12-31' };
const deviation = { requirement: 'T-01', reason: 'migrating', approvedBy: 'cto', expires: '2026-12-31' };

describe('requirement roll-up', () => {
  it('passes when every mapped control passes or is not applicable and one applied', () => {
    const result = judge(requirement(), [control('a', 'pass'), control('b', 'not-applicable')]);
    assert.equal(result.status, 'pass');
    assert.match(result.reason ?? '', /a pass \(b not applicable\)/);
  });

  it('fails on any failing control, carrying its severity', () => {
    const result = judge(requirement(), [control('a', 'pass'), control('b', 'fail', [{}], 'medium')]);
    assert.equal(result.status, 'fail');
    assert.equal(result.severity, 'medium');
  });

  it('is unknown when every control is not applicable: nothing applied', () => {
    assert.equal(judge(requirement(), [control('a', 'not-applicable'), control('b', 'not-applicable')]).status, 'unknown');
  });

  it('is unknown when a control is unknown or did not run, error when one errored', () => {
    assert.equal(judge(requirement(), [control('a', 'pass'), control('b', 'unknown')]).status, 'unknown');
    const notRun = judge(requirement(), [control('a', 'pass')]);
    assert.equal(notRun.status, 'unknown');
    assert.match(notRun.reason ?? '', /not run: b/);
    assert.equal(judge(requirement(), [control('a', 'pass'), control('b', 'error')]).status, 'error');
  });

  it('is deviated when a control is deviated and nothing fails', () => {
    assert.equal(judge(requirement(), [control('a', 'pass'), control('b', 'deviated')]).status, 'deviated');
  });

  it('never passes on a control that does not exist: the requirement becomes partly automated', () => {
    const req = requirement({ controls: ['a'], plannedControls: ['not-built'] });
    const result = judge(req, [control('a', 'pass')]);
    assert.equal(result.mode, 'partly-automated');
    assert.equal(result.status, 'unknown');
    assert.deepEqual(result.plannedControls, ['not-built']);
    assert.match(result.reason ?? '', /an attestation must cover not-built/);
    assert.equal(judge(req, [control('a', 'pass')], { attestations: [attestation] }).status, 'attested');
  });

  it('counts a planned control as soon as it exists', () => {
    const req = requirement({ controls: ['a'], plannedControls: ['c'] });
    const result = judge(req, [control('a', 'pass'), control('c', 'fail', [{}])]);
    assert.deepEqual(result.controls, ['a', 'c']);
    assert.equal(result.status, 'fail');
  });

  it('with nothing built, is unknown until attested', () => {
    const req = requirement({ controls: [], plannedControls: ['x'], attestation: { evidence: 'a runbook' } });
    const result = judge(req, []);
    assert.equal(result.mode, 'attestation');
    assert.equal(result.status, 'unknown');
    assert.match(result.reason ?? '', /needs an attestation until x exists \(evidence: a runbook\)/);
  });

  it('a partly automated requirement needs an attestation on top of passing controls', () => {
    const req = requirement({ mode: 'partly-automated', attestation: { evidence: 'review' } });
    assert.equal(judge(req, [control('a', 'pass'), control('b', 'pass')]).status, 'unknown');
    assert.equal(judge(req, [control('a', 'pass'), control('b', 'pass')], { attestations: [attestation] }).status, 'attested');
  });
});

describe('attestations', () => {
  const attestationOnly = requirement({ mode: 'attestation', controls: [], attestation: { evidence: 'inventory', renewalDays: 365 } });

  it('an attestation makes an attestation requirement attested', () => {
    const result = judge(attestationOnly, [], { attestations: [attestation] });
    assert.equal(result.status, 'attested');
    assert.equal(result.attestation?.attestedBy, 'ada');
    assert.equal(result.attestation?.source, 'attestations[0]');
  });

  it('an expired attestation counts as missing and is listed', () => {
    const result = judge(attestationOnly, [], { attestations: [{ ...attestation, expires: '2026-05-31' }] });
    assert.equal(result.status, 'unknown');
    assert.match(result.reason ?? '', /attestations\[0\] expired on 2026-05-31/);
  });

  it('an attestation older than the renewal period no longer counts', () => {
    const old = { ...attestation, date: '2025-01-01', expires: '2027-01-01' };
    const result = judge(attestationOnly, [], { attestations: [old] });
    assert.equal(result.status, 'unknown');
    assert.match(result.reason ?? '', /due for renewal on 2026-01-01/);
  });

  it('an attestation expiring within the warning window counts and is flagged', () => {
    const soon = { ...attestation, expires: '2026-06-15' };
    const result = judge(attestationOnly, [], { attestations: [soon] });
    assert.equal(result.status, 'attested');
    assert.match(result.reason ?? '', /expires soon \(2026-06-15\)/);
    assert.equal(judge(attestationOnly, [], { attestations: [soon], expiryWarningDays: 7 }).reason?.includes('expires soon'), false);
  });

  it('an attestation cannot outvote a failing control', () => {
    const result = judge(requirement(), [control('a', 'fail', [{}]), control('b', 'pass')], { attestations: [attestation] });
    assert.equal(result.status, 'fail');
  });

  it('covers a requirement whose controls are all not applicable', () => {
    const result = judge(requirement(), [control('a', 'not-applicable'), control('b', 'not-applicable')], { attestations: [attestation] });
    assert.equal(result.status, 'attested');
  });
});

describe('requirement deviations', () => {
  const failing = [control('a', 'fail', [{ file: 'legacy/x.tf' }]), control('b', 'pass')];

  it('an approved, unexpired deviation accepts a failure', () => {
    const result = judge(requirement(), failing, { deviations: [deviation] });
    assert.equal(result.status, 'deviated');
    assert.equal(result.deviation?.approvedBy, 'cto');
  });

  it('an expired deviation does not count and is listed', () => {
    const result = judge(requirement(), failing, { deviations: [{ ...deviation, expires: '2026-05-01' }] });
    assert.equal(result.status, 'fail');
    assert.match(result.reason ?? '', /deviations\[0\] expired on 2026-05-01/);
  });

  it('an unapproved deviation, or one without expiry, does not count', () => {
    const { approvedBy: _approvedBy, ...unapproved } = deviation;
    assert.equal(judge(requirement(), failing, { deviations: [unapproved] }).status, 'fail');
    const { expires: _expires, ...endless } = deviation;
    const result = judge(requirement(), failing, { deviations: [endless] });
    assert.equal(result.status, 'fail');
    assert.match(result.reason ?? '', /lacks an approver or an expiry/);
  });

  it('a scoped deviation accepts only failures inside its scope', () => {
    assert.equal(judge(requirement(), failing, { deviations: [{ ...deviation, paths: ['legacy/**'] }] }).status, 'deviated');
    assert.equal(judge(requirement(), failing, { deviations: [{ ...deviation, paths: ['other/**'] }] }).status, 'fail');
  });

  it('an unscoped deviation accepts a requirement nothing can decide', () => {
    const req = requirement({ mode: 'attestation', controls: [], attestation: { evidence: 'x' } });
    assert.equal(judge(req, [], { deviations: [deviation] }).status, 'deviated');
  });
});

describe('policy status', () => {
  it('is the worst requirement status', () => {
    assert.equal(policyStatus(['pass', 'attested', 'fail', 'unknown']), 'fail');
    assert.equal(policyStatus(['pass', 'unknown']), 'unknown');
    assert.equal(policyStatus(['pass', 'attested']), 'attested');
    assert.equal(policyStatus(['pass']), 'pass');
    assert.equal(policyStatus([]), 'unknown');
  });
});
