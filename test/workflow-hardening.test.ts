import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scan } from '../src/scan.js';

const CONTROLS = ['actions-pinned-by-sha', 'workflow-token-least-privilege', 'no-dangerous-workflow-triggers', 'no-script-injection-in-workflows'];
const fixture = (variant: string): string => fileURLToPath(new URL(`../../test/fixtures/workflows/${variant}`, import.meta.url));

async function findingsOf(variant: string): Promise<{ statuses: Record<string, string>; findings: string[] }> {
  const result = await scan({ path: fixture(variant), only: CONTROLS });
  assert.deepEqual(result.errors, []);
  return {
    statuses: Object.fromEntries(result.controls.map((control) => [control.id, control.status])),
    findings: result.controls.flatMap((control) =>
      control.findings.map((finding) => `${control.id} ${finding.resource ?? ''} ${finding.file ?? ''}:${finding.line ?? ''}${finding.suppressed ? ` waived(${finding.suppressed.source})` : ''}`),
    ),
  };
}

describe('workflow hardening on realistic workflows', () => {
  it('finds every weakness of the insecure variant, at its exact line', async () => {
    const { statuses, findings } = await findingsOf('insecure');
    assert.deepEqual(statuses, Object.fromEntries(CONTROLS.map((id) => [id, 'fail'])));
    assert.deepEqual(findings, [
      'actions-pinned-by-sha .github/workflows/ci.yml#test/0 .github/workflows/ci.yml:11',
      'actions-pinned-by-sha .github/workflows/pr-target.yml#preview/0 .github/workflows/pr-target.yml:10',
      'actions-pinned-by-sha .github/workflows/triage.yml#label/0 .github/workflows/triage.yml:14 waived(.github/workflows/triage.yml:13)',
      'actions-pinned-by-sha .github/actions/setup/action.yml#runs/0 .github/actions/setup/action.yml:6',
      'workflow-token-least-privilege .github/workflows/ci.yml .github/workflows/ci.yml:2',
      'workflow-token-least-privilege .github/workflows/pr-target.yml .github/workflows/pr-target.yml:4',
      'workflow-token-least-privilege .github/workflows/triage.yml .github/workflows/triage.yml:6',
      'no-dangerous-workflow-triggers .github/workflows/pr-target.yml#preview/0 .github/workflows/pr-target.yml:10',
      'no-script-injection-in-workflows .github/workflows/ci.yml#test/2 .github/workflows/ci.yml:15',
      'no-script-injection-in-workflows .github/workflows/pr-target.yml#preview/2 .github/workflows/pr-target.yml:15',
      'no-script-injection-in-workflows .github/workflows/triage.yml#label/0 .github/workflows/triage.yml:17',
      'no-script-injection-in-workflows .github/actions/setup/action.yml#runs/1 .github/actions/setup/action.yml:11',
    ]);
  });

  it('passes the hardened variant of the same workflows', async () => {
    const { statuses, findings } = await findingsOf('hardened');
    assert.deepEqual(findings, []);
    assert.deepEqual(statuses, Object.fromEntries(CONTROLS.map((id) => [id, 'pass'])));
  });

  it('ignores waivers when inline waivers are disallowed', async () => {
    const result = await scan({ path: fixture('insecure'), only: ['actions-pinned-by-sha'], disallowInlineWaivers: true });
    assert.equal(result.controls[0]?.findings.filter((finding) => finding.suppressed).length, 0);
  });
});
