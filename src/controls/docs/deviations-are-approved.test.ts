import { testControl } from '../../testing/control-table.js';
import control from './deviations-are-approved.js';

const now = new Date('2026-06-01T12:00:00Z');
const approved = { control: 'license-present', reason: 'vendored code', approvedBy: 'security@example.com', expires: '2026-12-31' };

testControl(control, {
  pass: [
    { name: 'approved deviation expiring within a year', files: {}, config: { deviations: [approved] }, options: { now } },
    {
      name: 'requirement deviation within a narrower window',
      files: {},
      config: { deviations: [{ requirement: 'HM-13', reason: 'migration', approvedBy: 'cto', expires: '2026-06-20' }] },
      params: { maxDays: 30 },
      options: { now },
    },
    { name: 'an expired deviation no longer counts but is not unapproved', files: {}, config: { deviations: [{ ...approved, expires: '2026-01-01' }] }, options: { now } },
  ],
  fail: [
    {
      name: 'no approver',
      files: {},
      config: { deviations: [{ control: 'license-present', reason: 'later', expires: '2026-12-31' }] },
      options: { now },
      findings: [{ message: 'names no approver', resource: 'deviations[0]' }],
    },
    {
      name: 'no expiry',
      files: {},
      config: { deviations: [approved, { control: 'license-present', reason: 'forever', approvedBy: 'cto' }] },
      options: { now },
      findings: [{ message: 'has no expiry date', resource: 'deviations[1]' }],
    },
    {
      name: 'points at the deviation in the repository\'s .tenet.yml',
      files: { '.tenet.yml': '# exceptions\ndeviations:\n  - control: license-present\n    reason: docs only\n    expires: 2026-12-31\n' },
      config: { deviations: [{ control: 'license-present', reason: 'docs only', expires: '2026-12-31' }] },
      options: { now },
      findings: [{ message: 'names no approver', file: '.tenet.yml', line: 3, resource: 'deviations[0]' }],
    },
    {
      name: 'expiry further away than allowed',
      files: {},
      config: { deviations: [{ ...approved, expires: '2030-01-01' }] },
      options: { now },
      findings: [{ message: 'at most 365 allowed' }],
    },
    {
      name: 'expiry beyond a stricter window',
      files: {},
      config: { deviations: [approved] },
      params: { maxDays: 90 },
      options: { now },
      findings: 1,
    },
  ],
  notApplicable: [{ name: 'no deviations', files: {}, config: {}, options: { now } }],
});
