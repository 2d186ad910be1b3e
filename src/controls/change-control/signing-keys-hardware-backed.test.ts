import { testControl } from '../../testing/control-table.js';
import { gitIn } from '../../testing/fixture.js';
import { commitByHand, commitChange, fakeSshSignature, sshSigningKey } from '../../testing/git-history.js';
import control from './signing-keys-hardware-backed.js';

const fileKey = sshSigningKey();
const inWindow = { now: new Date('2026-02-01T00:00:00Z') };
const pgp = '-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEE\n=abcd\n-----END PGP SIGNATURE-----';
type Step = { signature?: string; committer?: string; realKey?: boolean };
const history = (steps: Step[]) => (root: string) => {
  gitIn(root, 'init', '-q', '-b', 'main');
  steps.forEach((step, index) => {
    if (step.realKey) commitChange(root, `file${index}.txt`, `${index}\n`, `change ${index}`, { signingKey: fileKey.key });
    else commitByHand(root, { file: `file${index}.txt`, content: `${index}\n`, message: `change ${index}`, signature: step.signature, committer: step.committer });
  });
};
const ed25519Sk = { signature: fakeSshSignature('sk-ssh-ed25519@openssh.com') };
const ecdsaSk = { signature: fakeSshSignature('sk-ecdsa-sha2-nistp256@openssh.com') };

testControl(control, {
  pass: [
    { name: 'FIDO ed25519-sk and ecdsa-sk signatures', files: {}, setup: history([ed25519Sk, ecdsaSk]), options: inWindow, reason: /2 of 2 commits/ },
    {
      name: "GitHub's own merge signatures are exempt",
      files: {},
      setup: history([ed25519Sk, { signature: pgp, committer: 'GitHub <noreply@github.com>' }]),
      options: inWindow,
      reason: /1 commits by exempt committers/,
    },
  ],
  fail: [
    { name: 'a file-based ed25519 key (real ssh-keygen signature)', files: {}, setup: history([ed25519Sk, { realKey: true }]), options: inWindow, findings: [{ message: 'signed with a ssh-ed25519 key, not a FIDO security key' }] },
    { name: 'an unsigned commit', files: {}, setup: history([ed25519Sk, {}]), options: inWindow, findings: [{ message: '"change 1" by Test Author (2026-01-01) is not signed' }] },
    { name: 'unsigned beside a PGP signature', files: {}, setup: history([{ signature: pgp }, {}]), options: inWindow, findings: 2 },
  ],
  notApplicable: [
    { name: 'no commits in the window', files: {}, setup: history([ed25519Sk]), options: { now: new Date('2026-11-23T00:00:00Z') } },
    { name: 'only platform commits', files: {}, setup: history([{ signature: pgp, committer: 'GitHub <noreply@github.com>' }]), options: inWindow },
  ],
  unknown: [
    { name: 'a PGP signature (needs attestation)', files: {}, setup: history([ed25519Sk, { signature: pgp }]), options: inWindow, findings: [{ message: 'OpenPGP signature', outcome: 'unknown' }] },
    { name: 'an S/MIME signature', files: {}, setup: history([{ signature: '-----BEGIN SIGNED MESSAGE-----\nMIIB\n-----END SIGNED MESSAGE-----' }]), options: inWindow },
    { name: 'an unreadable SSH signature', files: {}, setup: history([{ signature: '-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----' }]), options: inWindow },
    { name: 'not a git repository', files: { 'a.txt': '' }, reason: /not a git work tree/ },
  ],
});
