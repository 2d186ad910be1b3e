import { testControl } from '../../testing/control-table.js';
import { githubOptions, startFakeGitHub } from '../../testing/fake-github.js';
import control from './deploy-keys-read-only.js';

const github = await startFakeGitHub();
const on = (scenario: string) => ({ files: {}, options: githubOptions(github, scenario) });

testControl(control, {
  pass: [{ name: 'two read-only keys', ...on('protected'), reason: /2 of 2 deploy keys are read-only/ }],
  fail: [{ name: 'a write-enabled release key', ...on('weak'), findings: [{ message: 'deploy key 3 "release bot" can write to acme/weak', resource: 'github:acme/weak/keys/3' }] }],
  notApplicable: [{ name: 'no deploy keys', ...on('unprotected') }],
  unknown: [
    { name: 'no admin rights (404)', ...on('no-admin'), reason: /GET \/repos\/acme\/no-admin\/keys: 404 Not Found; listing deploy keys needs admin rights/ },
    { name: 'without --github', files: {}, reason: /run with --github/ },
  ],
});
