import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { renderHtml } from './html.js';
import { HOSTILE_FILE, sampleControlsOnlyResult, sampleScanResult } from '../testing/sample-scan-result.js';

const between = (html: string, open: string, close: string): string => {
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf(close, start));
};
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('self-contained: a strict policy first in <head>, nothing external, inline blocks allowed by hash only', () => {
  const html = renderHtml(sampleScanResult());
  const head = between(html, '<head>', '</head>');
  assert.match(head, /^\n<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
  const policy = between(html, 'content="', '"').replaceAll('&#39;', "'");
  assert.ok(policy.includes(`style-src ${sha256(between(html, '<style>', '</style>'))};`));
  assert.ok(policy.includes(`script-src ${sha256(between(html, '<script>', '</script>'))};`));
  assert.ok(!policy.includes('unsafe'));
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.equal(html.match(/<style/g)?.length, 1);
  assert.doesNotMatch(html, /<(?:link|img|iframe|object|embed|base)\b|@import|url\(|\bsrc=| style=|@font-face/i);
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
  assert.ok(hrefs.every((href) => href?.startsWith('#') || href?.startsWith('https://')), hrefs.join(' '));
});

test('everything shown is escaped: markup, quotes and newlines in names and messages stay text', () => {
  const html = renderHtml(sampleScanResult());
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;q&#39; &amp; &quot;dq&quot;'));
  assert.ok(html.includes("src/&lt;script&gt;alert(&#39;f&#39;)&lt;/script&gt; &quot;a&quot;&amp;b.tf:3"));
  assert.ok(!html.includes(HOSTILE_FILE));
  assert.ok(html.includes('| pipe\nsecond line\ufffd'), 'newlines kept as text, control characters replaced');
  assert.ok(!html.includes('\u0001'));
  assert.ok(!/href="javascript:/i.test(html), 'evidence that is not an http(s) URL is never a link');
  assert.ok(html.includes('<dd>javascript:alert(1)</dd>'));
});

test('per pack and section, each requirement with its status and evidence', () => {
  const html = renderHtml(sampleScanResult());
  for (const id of ['HM-10', 'HM-11', 'HM-12', 'HM-13', 'HM-14', 'HM-15', 'HM-16', 'YOE-22', 'YOE-25', 'YOE-28', 'YOE-32', 'YOE-50', 'YOE-02']) {
    assert.match(html, new RegExp(`data-status="[a-z-]+" data-pack="[a-z-]+">\\n<header><span class="badge s-[a-z-]+">[a-z-]+</span> <strong>${id}</strong>`));
  }
  assert.match(html, /<h3>Requirements › Confidentiality<\/h3>/);
  const hm10 = between(html, '<strong>HM-10</strong>', '</article>');
  assert.match(hm10, /\(partly-automated\)/);
  assert.match(hm10, /reviews-required-before-merge \[approvals=2\].*requires 1 approval/s);
  assert.doesNotMatch(hm10, /requires 0 approvals/);
  assert.match(hm10, /Planned controls, not built yet: <code>merged-changes-reviewed<\/code>/);
  assert.match(html, /<dt>Attested by<\/dt><dd>ops@example.com<\/dd><dt>Date<\/dt><dd>2026-10-01<\/dd><dt>Expires<\/dt><dd>2027-01-01<\/dd>/);
  assert.match(html, /<dt>Evidence<\/dt><dd><a href="https:\/\/wiki.example.com\/restore" rel="noopener noreferrer"/);
  assert.match(html, /<dt>Approved by<\/dt><dd>security@example.com<\/dd><dt>Expires<\/dt><dd>2027-03-31<\/dd>/);
  assert.match(html, /<li class="f-suppressed"><span class="loc">test\/fixtures\/token.txt:1<\/span>/);
  assert.match(html, /<li class="f-unknown"><span class="loc">infra\/main.tf:12<\/span> <code>module.db.aws_db_instance.main<\/code>/);
  assert.match(html, /<svg class="chart"[^>]*>.*<rect [^>]*fill="#c62828"><title>1 fail<\/title><\/rect>/);
  assert.match(html, /<h2>Deviations and attestations<\/h2>.*deviations\[1\].*expired/);
  assert.match(html, /<h2>Files skipped or unreadable \(2\)<\/h2>/);
});

test('the view by security property', () => {
  const html = renderHtml(sampleScanResult());
  const column = (property: string) => between(html, `data-property="${property}">`, '</section>');
  assert.match(column('confidentiality'), /YOE-22/);
  assert.match(column('integrity'), /HM-10.*YOE-25|YOE-25.*HM-10/s);
  assert.match(column('availability'), /YOE-28/);
  assert.match(column('non-repudiation'), /YOE-32/);
  assert.doesNotMatch(html.slice(html.indexOf('id="properties"')), /YOE-02<\/a>/, 'a general heading serves no single property');
});

test('without packs: controls by domain, each with its findings', () => {
  const html = renderHtml(sampleControlsOnlyResult(), { describe: () => ({ rationale: 'Leaks <b>hurt</b>.', remediation: 'Rotate.' }) });
  assert.ok(!html.includes('id="properties"'));
  const controls = html.slice(html.indexOf('id="controls"'));
  assert.deepEqual([...controls.matchAll(/<h3>([a-z-]+)<\/h3>/g)].map((match) => match[1]), ['supply-chain', 'secrets', 'change-control', 'containers', 'kubernetes', 'terraform']);
  assert.equal(html.match(/data-item data-primary/g)?.length, 8);
  assert.ok(html.includes('<code>reviews-required-before-merge [approvals=2]</code>'), 'parameter variants are told apart');
  assert.ok(html.includes('<p>Leaks &lt;b&gt;hurt&lt;/b&gt;.</p>'));
});
