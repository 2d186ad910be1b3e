import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJunit } from './junit.js';
import { descendants, parseXml, type XmlElement } from '../testing/xml.js';
import { HOSTILE, HOSTILE_FILE, sampleControlsOnlyResult, sampleScanResult } from '../testing/sample-scan-result.js';

const caseNamed = (root: XmlElement, prefix: string): XmlElement => {
  const found = descendants(root, 'testcase').find((entry) => entry.attributes.name?.startsWith(prefix));
  assert.ok(found, `no test case ${prefix}`);
  return found;
};

test('one test case per requirement, one suite per pack, with the totals', () => {
  const root = parseXml(renderJunit(sampleScanResult()));
  assert.equal(root.name, 'testsuites');
  assert.deepEqual(root.children.map((suite) => suite.attributes.name), ['Secure Engineering Policy (human-made)', 'Security Accreditation of Year of Engineering (year-of-engineering)']);
  assert.deepEqual(
    { tests: root.attributes.tests, failures: root.attributes.failures, errors: root.attributes.errors, skipped: root.attributes.skipped },
    { tests: '13', failures: '2', errors: '1', skipped: '4' },
  );
  assert.equal(root.children[0]!.attributes.tests, '7');
});

test('each status maps to one JUnit outcome', () => {
  const root = parseXml(renderJunit(sampleScanResult()));
  const failing = caseNamed(root, 'HM-10');
  const failure = failing.children.find((child) => child.name === 'failure')!;
  assert.equal(failure.attributes.message, '2 failing findings');
  assert.ok(failure.text.includes(`✗ ${HOSTILE_FILE}:3: AWS access key in`));
  assert.ok(failure.text.includes('~ test/fixtures/token.txt:1: Token in test fixture'), 'suppressed findings listed, marked');
  assert.ok(failure.text.includes('reviews-required-before-merge [approvals=2] [high]: fail\n  ✗ Branch protection requires 1 approval, the pack asks for 2'), 'the variant the requirement saw');
  assert.ok(!failure.text.includes('requires 0 approvals'));
  assert.ok(failure.text.includes('Planned controls (not built yet): merged-changes-reviewed'));
  const error = caseNamed(root, 'HM-16').children[0]!;
  assert.deepEqual([error.name, error.attributes.message], ['error', 'error: control crashed']);
  assert.deepEqual(caseNamed(root, 'HM-15').children.map((child) => child.name), ['skipped', 'system-out']);
  assert.equal(caseNamed(root, 'HM-15').children[0]!.attributes.message, 'unknown: plan-time values');
  assert.equal(caseNamed(root, 'HM-14').children[0]!.attributes.message, 'not-applicable: no Kubernetes manifests');
  const attested = caseNamed(root, 'HM-12').children;
  assert.deepEqual(attested.map((child) => child.name), ['system-out']);
  assert.match(attested[0]!.text, /Attested by ops@example.com on 2026-10-01 \(expires 2027-01-01\): Restored in October — evidence: https:\/\/wiki/);
  assert.match(caseNamed(root, 'HM-13').children[0]!.text, /Deviation approved by security@example.com \(expires 2027-03-31\)/);
  assert.deepEqual(caseNamed(root, 'HM-11').children.map((child) => child.name), ['system-out']);
});

test('hostile text survives the round trip: escaped, never markup', () => {
  const xml = renderJunit(sampleScanResult());
  assert.ok(!xml.includes('<script>'));
  const root = parseXml(xml);
  const deviated = caseNamed(root, 'HM-13');
  assert.equal(deviated.attributes.name, `HM-13 ${HOSTILE.replace('\u0001', '\\u0001')}`);
});

test('--by controls, and scans without packs: one test case per control, suites by domain', () => {
  for (const xml of [renderJunit(sampleScanResult(), { by: 'controls' }), renderJunit(sampleControlsOnlyResult())]) {
    const root = parseXml(xml);
    assert.deepEqual(root.children.map((suite) => suite.attributes.name), ['supply-chain', 'secrets', 'change-control', 'containers', 'kubernetes', 'terraform']);
    assert.equal(root.attributes.tests, '8');
    const review = caseNamed(root, 'reviews-required-before-merge Reviews');
    assert.ok(caseNamed(root, 'reviews-required-before-merge [approvals=2] Reviews'));
    assert.equal(review.attributes.time, '0.012');
    assert.equal(review.attributes.classname, 'tenet.change-control');
    assert.equal(review.children[0]!.name, 'failure');
  }
});
