import { testControl } from '../../testing/control-table.js';
import { githubOptions, startFakeGitHub } from '../../testing/fake-github.js';
import control from './reviews-required-before-merge.js';

const github = await startFakeGitHub();
const on = (scenario: string) => ({ files: {}, options: githubOptions(github, scenario) });

testControl(control, {
  pass: [
    { name: 'two approvals, stale dismissed (classic)', ...on('protected'), params: { approvals: 2 } },
    { name: 'two approvals from a ruleset', ...on('rulesets'), params: { approvals: 2 } },
    { name: 'one approval suffices when stale reviews may stay', ...on('weak'), params: { approvals: 1, dismissStaleReviews: false } },
  ],
  fail: [
    { name: 'one approval where two are required', ...on('weak'), params: { approvals: 2, dismissStaleReviews: false }, findings: [{ message: 'requires 1 approval(s); the policy requires 2' }] },
    { name: 'stale approvals kept', ...on('weak'), findings: [{ message: 'stale reviews are not dismissed' }] },
    { name: 'no review required at all', ...on('unprotected'), findings: [{ message: 'without any approving review' }] },
    { name: 'three required, two configured', ...on('protected'), params: { approvals: 3 } },
  ],
  notApplicable: [{ name: 'an empty repository', ...on('empty') }],
  unknown: [{ name: 'classic protection unreadable', ...on('no-admin') }],
});
