import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from './xml.js';

test('the test XML reader accepts well-formed documents and decodes references', () => {
  const root = parseXml(`<?xml version="1.0"?>\n<a x="1 &amp; &#10;2" y='&lt;'><b/>t &gt; &#x41;<c>in</c></a>\n`);
  assert.deepEqual(root.attributes, { x: '1 & \n2', y: '<' });
  assert.equal(root.text, 't > A');
  assert.deepEqual(root.children.map((child) => child.name), ['b', 'c']);
});

test('the test XML reader rejects what is not well-formed', () => {
  for (const bad of ['<a>&</a>', '<a><b></a>', '<a x="<"/>', '<a x="1" x="2"/>', '<a>\u0001</a>', '<a/><b/>', '<a>&nope;</a>', '<a x=1/>', '<a>]]></a>']) {
    assert.throws(() => parseXml(bad), Error, bad);
  }
});
