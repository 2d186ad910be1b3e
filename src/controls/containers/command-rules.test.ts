import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runControl } from '../../testing/control-table.js';
import installCommands from './install-commands-use-trusted-sources.js';
import noVerificationBypass from './no-verification-bypass-in-installs.js';

/** Inputs built to make a backtracking pattern go quadratic or worse. */
const HOSTILE = [
  `curl ${'-k'.repeat(20_000)} ${' '.repeat(20_000)}`,
  `curl ${'a '.repeat(40_000)}`,
  `pip ${' x'.repeat(40_000)}`,
  `npm install ${'x '.repeat(40_000)}`,
  `nix-env ${'-i'.repeat(30_000)}`,
  `sh ${'-c '.repeat(30_000)}`,
  `GOFLAGS=${'-'.repeat(60_000)}`,
  `strict-ssl${' '.repeat(60_000)}`,
  `[${'trusted=ye'.repeat(10_000)}`,
].join('\n');

describe('install command rules', () => {
  for (const control of [installCommands, noVerificationBypass]) {
    it(`${control.meta.id} stays fast on hostile input`, async () => {
      const started = performance.now();
      const result = await runControl(control, { files: { 'hostile.sh': HOSTILE, Makefile: `all:\n\t${HOSTILE.split('\n').join('\n\t')}\n` } });
      assert.notEqual(result.status, 'error', result.reason);
      assert.ok(performance.now() - started < 5000, `took ${Math.round(performance.now() - started)} ms`);
    });
  }

  it('places a match in a literal block scalar and an aliased GitLab list where the job uses it', async () => {
    const result = await runControl(installCommands, {
      files: { '.gitlab-ci.yml': '.tools: &tools\n  - echo hi\n  - brew install jq\ntest:\n  script:\n    - *tools\n    - |\n      echo a\n      cargo install x\n' },
    });
    assert.deepEqual(result.findings.map((finding) => [finding.line, finding.resource]), [[6, '.gitlab-ci.yml#test'], [9, '.gitlab-ci.yml#test']]);
  });
});
