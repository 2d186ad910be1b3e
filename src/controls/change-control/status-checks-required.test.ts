import { testControl } from '../../testing/control-table.js';
import { githubOptions, startFakeGitHub } from '../../testing/fake-github.js';
import control from './status-checks-required.js';

const github = await startFakeGitHub();
const on = (scenario: string) => ({ files: {}, options: githubOptions(github, scenario) });

testControl(control, {
  pass: [
    { name: 'classic required checks', ...on('protected'), reason: /ci\/test/ },
    { name: 'ruleset required checks', ...on('rulesets'), reason: /build/ },
  ],
  fail: [
    { name: 'protection without required checks', ...on('weak'), findings: [{ message: 'no status check is required' }] },
    { name: 'no protection', ...on('unprotected'), findings: 1 },
  ],
  notApplicable: [{ name: 'an empty repository', ...on('empty') }],
  unknown: [{ name: 'classic protection unreadable', ...on('no-admin') }],
});
