import { testControl } from '../../testing/control-table.js';
import { githubOptions, startFakeGitHub } from '../../testing/fake-github.js';
import control from './org-requires-2fa.js';

const github = await startFakeGitHub();
const on = (scenario: string) => ({ files: {}, options: githubOptions(github, scenario) });

testControl(control, {
  pass: [{ name: 'an organisation that requires 2FA (seen by an owner)', ...on('org-2fa') }],
  fail: [{ name: 'an organisation without the requirement', ...on('org-no-2fa'), findings: [{ message: 'organisation acme-lax does not require', resource: 'github:acme-lax' }] }],
  notApplicable: [{ name: 'a repository owned by a user', ...on('personal'), reason: /user account octocat/ }],
  unknown: [
    { name: 'a member token cannot see the field', ...on('protected'), reason: /only owners of acme may see it/ },
    { name: 'without --github', files: {}, reason: /run with --github/ },
  ],
});
