import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Control } from '../engine/control.js';
import type { ControlResult, ControlStatus, Finding } from '../core/result.js';
import type { TenetConfig } from '../config/types.js';
import { scan, type ScanOptions } from '../scan.js';
import { makeFixture, removeFixture, type FixtureFiles } from './fixture.js';

export interface ControlCase {
  name: string;
  files: FixtureFiles;
  /** Commit the files to a git repository first. */
  git?: boolean;
  /** Builds more of the fixture (history, branches, remotes) after the files are written. */
  setup?: (root: string) => void;
  /** Parameters for the control under test. */
  params?: Record<string, unknown>;
  config?: TenetConfig;
  options?: Omit<ScanOptions, 'path' | 'controls' | 'only'>;
  /** Expected findings: a count, or partial findings matched in order (fail and unknown cases). */
  findings?: number | Partial<Finding>[];
  /** Expected pattern of the result's reason. */
  reason?: RegExp;
}

export interface ControlTable {
  pass: ControlCase[];
  fail: ControlCase[];
  notApplicable: ControlCase[];
  unknown?: ControlCase[];
  deviated?: ControlCase[];
}

const EXPECTED: Record<keyof ControlTable, ControlStatus> = {
  pass: 'pass',
  fail: 'fail',
  notApplicable: 'not-applicable',
  unknown: 'unknown',
  deviated: 'deviated',
};

/** Runs a control against a small fixture repository and returns its result. */
export async function runControl(control: Control, testCase: Omit<ControlCase, 'name'>): Promise<ControlResult> {
  const root = makeFixture(testCase.files, { git: testCase.git });
  try {
    testCase.setup?.(root);
    const config: TenetConfig = { ...(testCase.config ?? {}) };
    if (testCase.params) config.params = { ...(config.params ?? {}), [control.meta.id]: testCase.params };
    const result = await scan({ ...(testCase.options ?? {}), path: root, controls: [control], config });
    const controlResult = result.controls[0];
    assert.ok(controlResult, `${control.meta.id} produced no result`);
    return controlResult;
  } finally {
    removeFixture(root);
  }
}

/**
 * The table of cases beside every control: each case is a tiny repository and the status it must
 * produce. A table without a pass, a fail and a not-applicable case fails (a control that cannot be
 * inapplicable says so with an empty list and a comment, and `scripts/check-controls.js` allows it
 * only when `alwaysApplicable` is set).
 */
export function testControl(control: Control, table: ControlTable, options: { alwaysApplicable?: boolean } = {}): void {
  describe(`control ${control.meta.id}`, () => {
    it('has pass, fail and not-applicable cases', () => {
      assert.ok(table.pass.length > 0, 'no pass case');
      assert.ok(table.fail.length > 0, 'no fail case');
      if (!options.alwaysApplicable) assert.ok(table.notApplicable.length > 0, 'no not-applicable case');
    });
    for (const kind of Object.keys(EXPECTED) as (keyof ControlTable)[]) {
      for (const testCase of table[kind] ?? []) {
        it(`${EXPECTED[kind]}: ${testCase.name}`, async () => {
          const result = await runControl(control, testCase);
          assert.equal(result.status, EXPECTED[kind], `status was ${result.status}: ${result.reason ?? ''}\n${describeFindings(result.findings)}`);
          if (testCase.reason) assert.match(result.reason ?? '', testCase.reason);
          if (typeof testCase.findings === 'number') {
            assert.equal(result.findings.length, testCase.findings, describeFindings(result.findings));
          } else if (testCase.findings) {
            assert.equal(result.findings.length, testCase.findings.length, describeFindings(result.findings));
            testCase.findings.forEach((expected, index) => {
              const actual = result.findings[index] as unknown as Record<string, unknown>;
              for (const [key, value] of Object.entries(expected)) {
                if (key === 'message' && typeof value === 'string') assert.ok(String(actual[key]).includes(value), `finding ${index} message "${String(actual[key])}" lacks "${value}"`);
                else assert.deepEqual(actual[key], value, `finding ${index}.${key}`);
              }
            });
          }
        });
      }
    }
  });
}

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `  - ${finding.file ?? ''}:${finding.line ?? ''} ${finding.resource ?? ''} ${finding.message}`).join('\n');
}
