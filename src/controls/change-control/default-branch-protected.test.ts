import { testControl } from '../../testing/control-table.js';
import { githubOptions, startFakeGitHub } from '../../testing/fake-github.js';
import control from './default-branch-protected.js';

const github = await startFakeGitHub();
const on = (scenario: string) => ({ files: {}, options: githubOptions(github, scenario) });

testControl(control, {
  pass: [
    { name: 'classic branch protection', ...on('protected') },
    { name: 'a ruleset', ...on('rulesets') },
    { name: 'a ruleset, classic protection unreadable', ...on('rulesets-bypass-hidden') },
    { name: 'after a rate limit', ...on('rate-limited') },
    { name: 'after a server error', ...on('flaky') },
  ],
  fail: [{ name: 'neither protection nor ruleset', ...on('unprotected'), findings: [{ resource: 'github:acme/unprotected@main', message: 'neither branch protection nor a ruleset' }] }],
  notApplicable: [{ name: 'an empty repository', ...on('empty') }],
  unknown: [
    { name: 'no admin rights to read classic protection, and no ruleset', ...on('no-admin'), reason: /needs admin rights/ },
    { name: 'a repository the token cannot see', ...on('missing'), reason: /GET \/repos\/acme\/missing: 404 Not Found/ },
    { name: 'without --github', files: {}, reason: /run with --github/ },
    { name: 'with --github but no token', files: {}, options: { github: true, extra: { githubToken: '', githubRepo: 'acme/protected', githubApiUrl: github.url } }, reason: /no GitHub token|401/ },
  ],
});
