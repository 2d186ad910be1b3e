import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { defaultBranchHistory, type HistoryCommit } from '../../facts/change-control/default-branch-history.js';
import { SECURITY_KEY_TYPES } from '../../parsers/sshsig.js';

export default defineControl({
  meta: {
    id: 'signing-keys-hardware-backed',
    title: 'Default-branch commits are signed with hardware-backed (FIDO security) keys',
    domain: 'change-control',
    severity: 'medium',
    rationale: 'A signing key kept in a file can be copied by anything that reads the disk; a FIDO security key never releases its private key, so a signature shows the device was present.',
    remediation:
      'Sign commits with an SSH key on a security key (ssh-keygen -t ed25519-sk; git config gpg.format ssh, user.signingkey ~/.ssh/id_ed25519_sk.pub). For OpenPGP smart cards, record an attestation.',
    params: {
      exemptCommitters: {
        type: 'string[]',
        default: ['noreply@github.com'],
        description: "Committer e-mails whose signatures are the hosting platform's own (GitHub's web-flow merges), not a developer's key",
      },
    },
    facts: ['default-branch-history'],
  },
  async check({ facts, params }) {
    const history = await facts(defaultBranchHistory);
    const exempt = new Set(params.exemptCommitters.map((email) => email.toLowerCase()));
    const judged = history.commits.filter((commit) => !exempt.has(commit.committerEmail.toLowerCase()));
    const skipped = history.commits.length - judged.length;
    if (judged.length === 0) {
      return notApplicable(`no developer-signed commits to judge on ${history.branch} ${history.window}${skipped ? ` (${skipped} platform commits exempt)` : ''}`);
    }
    const findings = judged.flatMap((commit) => judge(commit));
    if (history.shallowBoundary) {
      findings.push({ message: `shallow clone: commits before ${history.shallowBoundary.slice(0, 12)} in the window are missing`, key: 'shallow', outcome: 'unknown' });
    }
    const hardware = judged.filter((commit) => commit.signatureKeyType && SECURITY_KEY_TYPES.includes(commit.signatureKeyType)).length;
    const exemptNote = skipped ? `; ${skipped} commits by exempt committers not judged` : '';
    return evaluated(findings, `${hardware} of ${judged.length} commits on ${history.branch} ${history.window} carry a FIDO security-key SSH signature${exemptNote}`);
  },
});

function judge(commit: HistoryCommit): FindingInput[] {
  const short = commit.sha.slice(0, 12);
  const subject = `commit ${short} "${commit.subject}" by ${commit.authorName} (${commit.authorDate.slice(0, 10)})`;
  const base = { key: commit.sha, resource: `commit:${short}` };
  if (commit.signature === undefined) return [{ ...base, message: `${subject} is not signed` }];
  if (commit.signature === 'ssh') {
    if (commit.signatureKeyType === undefined) return [{ ...base, message: `${subject} has an SSH signature whose key type cannot be read`, outcome: 'unknown' }];
    if (SECURITY_KEY_TYPES.includes(commit.signatureKeyType)) return [];
    return [{ ...base, message: `${subject} is signed with a ${commit.signatureKeyType} key, not a FIDO security key`, properties: { keyType: commit.signatureKeyType } }];
  }
  const kind = commit.signature === 'gpg' ? 'an OpenPGP' : 'an S/MIME';
  return [{ ...base, message: `${subject} has ${kind} signature: whether its key is on a smart card or token cannot be seen from the signature (needs an attestation)`, outcome: 'unknown' }];
}
