import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ControlResult, RequirementResult, ScanResult, Severity } from '../core/result.js';
import { exitCodeFor } from './exit-code.js';

function control(id: string, status: ControlResult['status'], severity: Severity, variant?: string): ControlResult {
  return { id, title: id, domain: 'docs', severity, status, findings: [], ...(variant ? { variant } : {}) };
}

function result(controls: ControlResult[], requirements: RequirementResult[] = []): ScanResult {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'tenet', version: '0' },
    target: { path: '.' },
    startedAt: '',
    durationMs: 0,
    policies: requirements.length ? [{ id: 'p', title: 'p', status: 'fail', requirements }] : [],
    controls,
    errors: [],
    summary: { controls: {}, requirements: {} },
  };
}

function requirement(id: string, status: RequirementResult['status'], controls: string[], extra: Partial<RequirementResult> = {}): RequirementResult {
  return { id, section: 's', status, controls, ...extra };
}

describe('exit code', () => {
  it('is 1 for a failing control at or above the threshold, 0 below it or with none', () => {
    const scan = result([control('a', 'fail', 'medium')]);
    assert.equal(exitCodeFor(scan, 'medium'), 1);
    assert.equal(exitCodeFor(scan, 'low'), 1);
    assert.equal(exitCodeFor(scan, 'high'), 0);
    assert.equal(exitCodeFor(scan, 'none'), 0);
  });

  it('ignores deviated, unknown and erroring controls', () => {
    assert.equal(exitCodeFor(result([control('a', 'deviated', 'critical'), control('b', 'unknown', 'critical'), control('c', 'error', 'critical')]), 'low'), 0);
  });

  it('judges a failing requirement by the severity of its failing controls', () => {
    const scan = result([control('a', 'fail', 'low', 'approvals=2'), control('a', 'pass', 'low')], [requirement('R', 'fail', ['a'], { severity: 'low' })]);
    assert.equal(exitCodeFor(scan, 'low'), 1);
    assert.equal(exitCodeFor(scan, 'medium'), 0);
  });

  it('falls back to the mapped controls when a requirement carries no severity', () => {
    const scan = result([control('a', 'fail', 'high')], [requirement('R', 'fail', ['a'])]);
    assert.equal(exitCodeFor(scan, 'high'), 1);
  });

  it('a control failing only for requirements that are deviated does not count', () => {
    const deviated = requirement('R', 'deviated', ['a'], { results: [{ control: 'a', variant: 'approvals=2', status: 'fail' }] });
    const scan = result([control('a', 'pass', 'high'), control('a', 'fail', 'high', 'approvals=2')], [deviated]);
    assert.equal(exitCodeFor(scan, 'high'), 0);
    const alsoUsedElsewhere = requirement('S', 'fail', ['a'], { severity: 'high', results: [{ control: 'a', variant: 'approvals=2', status: 'fail' }] });
    assert.equal(exitCodeFor(result(scan.controls, [deviated, alsoUsedElsewhere]), 'high'), 1);
  });

  it('a failing control no requirement maps still counts', () => {
    const scan = result([control('a', 'fail', 'high'), control('b', 'pass', 'high')], [requirement('R', 'pass', ['b'])]);
    assert.equal(exitCodeFor(scan, 'high'), 1);
  });
});
