import { test } from 'node:test';
import assert from 'node:assert/strict';
import { securityPropertiesOf } from './security-properties.js';
import type { RequirementResult } from '../core/result.js';

const requirement = (section: string, extra: Record<string, unknown> = {}): RequirementResult => ({ id: 'X-1', section, status: 'pass', controls: [], ...extra }) as RequirementResult;

test('Year of Engineering headings map to the security property they protect', () => {
  const table: [string, string[]][] = [
    ['Requirements › Confidentiality', ['confidentiality']],
    ['Requirements › Integrity', ['integrity']],
    ['Requirements › Availability', ['availability']],
    ['Requirements › Non-repudiation', ['non-repudiation']],
    ['Technology › Code › Common attacks', ['confidentiality', 'integrity']],
    ['Technology › Code › External packages', ['integrity']],
    ['Technology › Server › AWS', ['confidentiality', 'availability']],
    ['Technology › Server › Docker Container - EC2 (AWS)', ['integrity']],
    ['Technology › Server › Database - RDS', ['confidentiality']],
    ['Technology › Server › Static data storage - S3', ['confidentiality']],
    ['Technology › Connections', ['confidentiality']],
    ['Process › Repository › Open-source code', ['confidentiality']],
    ['Process › Deployment › Automated workflow', ['integrity']],
    ['Process › Deployment › Deployment workflow', ['integrity']],
    ['Process › Maintenance', ['integrity', 'availability']],
    ['Staffing › Involved stakeholders', ['confidentiality', 'non-repudiation']],
    ['Data aggregation › User forms', ['confidentiality']],
    ['Data aggregation › Google Analytics', ['confidentiality']],
    ['Inform users › Cookie', ['confidentiality']],
    ['Inform users › Term and Conditions', []],
    ['Requirements (IL1 guidance)', []],
    ['Security approach › Environment', []],
    ['Appendix', []],
  ];
  for (const [section, expected] of table) assert.deepEqual(securityPropertiesOf(requirement(section)), expected, section);
});

test('an explicit property on the requirement wins over its heading', () => {
  assert.deepEqual(securityPropertiesOf(requirement('Requirements › Integrity', { properties: ['availability', 'Nonrepudiation'] })), ['availability', 'non-repudiation']);
  assert.deepEqual(securityPropertiesOf(requirement('Appendix', { properties: { 'security-property': 'confidentiality, integrity' } })), ['confidentiality', 'integrity']);
  assert.deepEqual(securityPropertiesOf(requirement('Requirements › Integrity', { properties: { other: 'x' } })), ['integrity'], 'unrelated properties fall back to the heading');
});

test('heading matching stays linear on hostile input', () => {
  const started = performance.now();
  securityPropertiesOf(requirement(`${'a '.repeat(50_000)}›${' '.repeat(50_000)}x`));
  assert.ok(performance.now() - started < 500);
});
