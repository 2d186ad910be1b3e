import { testControl } from '../../testing/control-table.js';
import { githubOptions, startFakeGitHub } from '../../testing/fake-github.js';
import control from './repository-visibility-matches-policy.js';

const github = await startFakeGitHub();
const on = (scenario: string) => ({ files: {}, options: githubOptions(github, scenario) });

testControl(control, {
  pass: [
    { name: 'private as required', ...on('protected'), params: { visibility: 'private' } },
    { name: 'public as required (open source)', ...on('unprotected'), params: { visibility: 'public' } },
    { name: 'internal counts as non-public', ...on('rulesets'), params: { visibility: 'non-public' } },
  ],
  fail: [{ name: 'public where private is required', ...on('weak'), params: { visibility: 'private' }, findings: [{ message: 'acme/weak is public; the policy requires private' }] }],
  notApplicable: [{ name: 'the policy requires no visibility', ...on('protected') }],
  unknown: [{ name: 'the repository cannot be read', ...on('missing'), params: { visibility: 'private' } }],
});
