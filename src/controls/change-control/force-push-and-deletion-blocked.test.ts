import { testControl } from '../../testing/control-table.js';
import { githubOptions, startFakeGitHub } from '../../testing/fake-github.js';
import control from './force-push-and-deletion-blocked.js';

const github = await startFakeGitHub();
const on = (scenario: string) => ({ files: {}, options: githubOptions(github, scenario) });

testControl(control, {
  pass: [
    { name: 'classic protection blocks both', ...on('protected') },
    { name: 'ruleset rules block both', ...on('rulesets') },
  ],
  fail: [
    { name: 'force pushes allowed', ...on('weak'), findings: [{ message: 'force pushes of main are allowed' }] },
    { name: 'unprotected: both allowed', ...on('unprotected'), findings: 2 },
  ],
  notApplicable: [{ name: 'an empty repository', ...on('empty') }],
  unknown: [{ name: 'classic protection unreadable, no ruleset', ...on('no-admin') }],
});
