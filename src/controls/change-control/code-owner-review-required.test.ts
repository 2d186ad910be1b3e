import { testControl } from '../../testing/control-table.js';
import { githubOptions, startFakeGitHub } from '../../testing/fake-github.js';
import control from './code-owner-review-required.js';

const github = await startFakeGitHub();
const on = (scenario: string) => ({ files: {}, options: githubOptions(github, scenario) });

testControl(control, {
  pass: [
    { name: 'classic protection requires code owners', ...on('protected'), reason: /branch protection/ },
    { name: 'a ruleset requires code owners (classic unreadable)', ...on('rulesets-code-owners'), reason: /ruleset 42/ },
  ],
  fail: [
    { name: 'classic reviews without code owners', ...on('weak'), findings: [{ message: "without a code owner's review", resource: 'github:acme/weak@main' }] },
    { name: 'a ruleset pull request rule without code owners', ...on('rulesets') },
    { name: 'no protection at all', ...on('unprotected') },
  ],
  notApplicable: [{ name: 'an empty repository', ...on('empty') }],
  unknown: [
    { name: 'classic protection unreadable, no ruleset asks', ...on('no-admin'), reason: /needs admin rights/ },
    { name: 'without --github', files: {}, reason: /run with --github/ },
  ],
});
