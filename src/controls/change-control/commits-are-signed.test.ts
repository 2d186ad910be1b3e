import { testControl } from '../../testing/control-table.js';
import { gitIn } from '../../testing/fixture.js';
import { commitChange, sshSigningKey } from '../../testing/git-history.js';
import control from './commits-are-signed.js';

const signer = sshSigningKey();
const other = sshSigningKey();
const inWindow = { now: new Date('2026-02-01T00:00:00Z') };
const history = (signed: boolean[], key = signer.key) => (root: string) => {
  gitIn(root, 'init', '-q', '-b', 'main');
  signed.forEach((isSigned, index) => commitChange(root, `file${index}.txt`, `${index}\n`, `change ${index}`, isSigned ? { signingKey: key } : {}));
};

testControl(control, {
  pass: [
    { name: 'every commit SSH-signed', files: {}, setup: history([true, true, true]), options: inWindow },
    { name: 'enough commits signed for a lower threshold', files: {}, setup: history([true, true, false]), params: { minimumPercent: 60 }, options: inWindow },
    {
      name: 'signatures verified against the allowed signers',
      files: {},
      setup: history([true, true]),
      options: { ...inWindow, extra: { verifySignatures: true, allowedSigners: signer.allowedSigners } },
    },
  ],
  fail: [
    {
      name: 'one unsigned commit',
      files: {},
      setup: history([true, false, true]),
      options: inWindow,
      findings: [{ message: '"change 1" by Test Author (2026-01-01) is not signed' }],
      reason: /2 of 3 commits on main since 2025-11-03 \(the last 90 days\) are signed \(67%, 100% required\)/,
    },
    { name: 'no commit signed', files: {}, setup: history([false, false]), options: inWindow, findings: 2 },
  ],
  notApplicable: [
    { name: 'no commits in the last 90 days', files: {}, setup: history([false]), options: { now: new Date('2026-11-23T00:00:00Z') } },
  ],
  unknown: [
    {
      name: 'a signature by a key the verifier does not trust',
      files: {},
      setup: history([true], other.key),
      options: { ...inWindow, extra: { verifySignatures: true, allowedSigners: signer.allowedSigners } },
    },
    { name: 'not a git repository', files: { 'a.txt': '' }, reason: /not a git work tree/ },
  ],
});
