import { testControl } from '../../testing/control-table.js';
import { githubOptions, startFakeGitHub } from '../../testing/fake-github.js';
import control from './branch-protection-applies-to-admins.js';

const github = await startFakeGitHub();
const on = (scenario: string) => ({ files: {}, options: githubOptions(github, scenario) });

testControl(control, {
  pass: [
    { name: 'enforced for administrators', ...on('protected') },
    { name: 'a ruleset nobody may bypass', ...on('rulesets') },
  ],
  fail: [
    { name: 'administrators may bypass', ...on('weak'), findings: [{ message: 'administrators may bypass' }] },
    { name: 'nothing protects the branch', ...on('unprotected'), findings: [{ message: 'not protected at all' }] },
  ],
  notApplicable: [{ name: 'an empty repository', ...on('empty') }],
  unknown: [
    { name: 'bypass list not visible', ...on('rulesets-bypass-hidden'), reason: /bypass .* not visible/ },
    { name: 'classic protection unreadable', ...on('no-admin') },
  ],
});
