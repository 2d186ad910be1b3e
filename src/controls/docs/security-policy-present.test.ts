import { testControl } from '../../testing/control-table.js';
import control from './security-policy-present.js';

testControl(control, {
  pass: [
    { name: 'SECURITY.md with an e-mail address', files: { 'SECURITY.md': '# Security\n\nReport vulnerabilities to security@example.com.\n' } },
    {
      name: '.github/SECURITY.md with the private reporting link',
      files: { '.github/SECURITY.md': '# Reporting\nUse https://github.com/acme/app/security/advisories/new to report a vulnerability.\n' },
    },
    { name: 'docs/security.md, lower case', files: { 'docs/security.md': 'Please disclose issues to psirt@example.org\n' } },
  ],
  fail: [
    { name: 'no security policy', files: { 'README.md': '# app\n' }, findings: [{ message: 'no SECURITY.md' }] },
    { name: 'a policy without any contact', files: { 'SECURITY.md': '# Security\nWe take security seriously.\n' }, findings: [{ file: 'SECURITY.md', line: 1 }] },
    { name: 'a policy deep in the tree does not count', files: { 'src/vendor/SECURITY.md': 'Report to security@example.com\n' } },
  ],
  notApplicable: [{ name: 'empty repository', files: {} }],
});
