import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from './markdown.js';
import { escapeMarkdown } from './escape.js';
import { sampleControlsOnlyResult, sampleScanResult } from '../testing/sample-scan-result.js';

test('status per pack, then failing requirements with their top findings', () => {
  const text = renderMarkdown(sampleScanResult());
  assert.match(text, /^### ❌ tenet: 2 failing requirements, 1 in error\n/);
  assert.match(text, /\| Secure Engineering Policy \(human\\-made\) \| ❌ fail \| 1 fail · 1 error · 1 unknown · 1 deviated · 1 attested · 1 pass · 1 not-applicable \|/);
  assert.match(text, /- ❌ \*\*HM\\-10\*\* Every change is peer\\-reviewed\\. _\(Changes should be controlled, and reviewed\)_\n {2}- \*\*no\\-secrets\\-in\\-tree\*\* \[critical\]: \[src\//);
  assert.match(text, /- 💥 \*\*HM\\-16\*\* .* — control crashed/);
  assert.ok(!text.includes('token.txt'), 'suppressed findings are not listed as failing');
  assert.match(text, /\*\*reviews\\-required\\-before\\-merge \\\[approvals=2\\\]\*\* \[high\]: Branch protection requires 1 approval/, 'the variant the requirement saw');
  assert.ok(!text.includes('requires 0 approvals'));
  assert.match(text, /<details><summary>Needs attention \(5\)<\/summary>/);
  assert.match(text, /deviations\[1\]|deviations\\\[1\\\]/);
});

test('findings link to the file at the scanned commit on GitHub, or relatively without a GitHub remote', () => {
  const pinned = renderMarkdown(sampleScanResult());
  assert.ok(pinned.includes('](https://github.com/example/service/blob/0123456789abcdef0123456789abcdef01234567/src/%3Cscript%3Ealert%28%27f%27%29%3C/script%3E%20%22a%22%26b.tf#L3)'));
  const local = sampleScanResult();
  local.target.remotes = [{ name: 'origin', url: 'https://gitlab.com/example/service.git' }];
  assert.ok(renderMarkdown(local).includes('](src/%3Cscript%3Ealert%28%27f%27%29%3C/script%3E%20%22a%22%26b.tf#L3)'));
});

test('repository text cannot inject markup, HTML or mentions', () => {
  const text = renderMarkdown(sampleScanResult());
  assert.ok(!text.includes('<script>'));
  assert.ok(!text.includes('@octocat'));
  assert.ok(!text.includes('\u0001'));
  assert.ok(!/\]\(javascript:/.test(text));
  assert.equal(escapeMarkdown('a\nb'), 'a b');
  assert.equal(escapeMarkdown('*x* [y](z) <b> @me #2 |'), '\\*x\\* \\[y\\]\\(z\\) &lt;b&gt; @&#8203;me #&#8203;2 \\|');
  for (const line of text.split('\n').filter((entry) => entry.startsWith('| '))) {
    assert.equal(line.split(/(?<!\\)\|/).length, 5, `table row keeps its columns: ${line}`);
  }
});

test('without packs: failing controls', () => {
  const text = renderMarkdown(sampleControlsOnlyResult());
  assert.match(text, /^### ❌ tenet: 3 failing controls, 1 in error\n/);
  assert.match(text, /#### Failing controls\n\n- ❌ \*\*no\\-secrets\\-in\\-tree\*\* \[critical\]/);
  const passing = sampleControlsOnlyResult();
  passing.controls = passing.controls.filter((control) => control.status === 'pass');
  assert.match(renderMarkdown(passing), /^### ✅ tenet: no failing controls\n/);
});

test('stays within GitHub\'s comment size, whatever the repository throws at it', () => {
  const result = sampleScanResult();
  const control = result.controls[0]!;
  control.findings = Array.from({ length: 2000 }, (_, index) => ({ ...control.findings[0]!, message: `${'x'.repeat(5000)} ${index}`, fingerprint: `fp-${index}` }));
  result.policies[0]!.requirements = Array.from({ length: 500 }, (_, index) => ({ id: `R-${index}`, section: 's'.repeat(5000), text: 't'.repeat(5000), status: 'fail' as const, controls: [control.id] }));
  const text = renderMarkdown(result, { maxItems: 1000 });
  assert.ok(text.length <= 60_100, String(text.length));
  assert.match(text, /cut to fit a comment/);
});
