import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodePath, escapeHtml, escapeMarkdown, escapeXml, visibleText } from './escape.js';
import { parseXml } from '../testing/xml.js';

test('escapeHtml covers text and both attribute quotes', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('escapeXml keeps every value well-formed, even characters XML 1.0 cannot carry', () => {
  const hostile = `a\u0000b\u001bc\ud800d\udc00e\ufffe "q" 'a' <t> & \n\t\r 😀`;
  const escaped = escapeXml(hostile);
  const root = parseXml(`<r v="${escaped}">${escaped}</r>`);
  const expected = `a\\u0000b\\u001bc\\ud800d\\udc00e\\ufffe "q" 'a' <t> & \n\t\r 😀`;
  assert.equal(root.attributes.v, expected);
  assert.equal(root.text, expected);
});

test('visibleText replaces controls and bidirectional overrides, keeps newlines and tabs', () => {
  assert.equal(visibleText('a\u202eb\u2066c\u0007d\n\te'), 'a\ufffdb\ufffdc\ufffdd\n\te');
});

test('escapeMarkdown neutralises markup, HTML, mentions and line breaks', () => {
  assert.equal(escapeMarkdown('# T\n- [x](y) `c` <img> @u'), '#&#8203; T \\- \\[x\\]\\(y\\) \\`c\\` &lt;img&gt; @&#8203;u');
});

test('encodePath keeps slashes and encodes everything a link target could misread', () => {
  assert.equal(encodePath("a b/c#d?e/(f)'!*.tf"), 'a%20b/c%23d%3Fe/%28f%29%27%21%2A.tf');
});
