/** A commit object as git stores it, read without asking git (or gpg) to verify anything. */
export interface RawCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** ISO 8601. */
  authorDate: string;
  committerName: string;
  committerEmail: string;
  subject: string;
  body: string;
  signature?: 'gpg' | 'ssh' | 'x509';
  /** For an SSH signature: the signer's key type from the SSHSIG blob (e.g. sk-ssh-ed25519@openssh.com), when readable. */
  signatureKeyType?: string;
}

import { sshSignatureKeyType } from './sshsig.js';

const IDENTITY = /^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/;

/** Parses the text of `git cat-file commit SHA`. */
export function parseRawCommit(sha: string, text: string): RawCommit {
  const split = text.indexOf('\n\n');
  const headerText = split === -1 ? text : text.slice(0, split);
  const message = split === -1 ? '' : text.slice(split + 2);
  const commit: RawCommit = {
    sha,
    parents: [],
    authorName: '',
    authorEmail: '',
    authorDate: '',
    committerName: '',
    committerEmail: '',
    subject: message.split('\n')[0] ?? '',
    body: message.split('\n').slice(1).join('\n').trim(),
  };
  let current = '';
  const armour: string[] = [];
  for (const line of headerText.split('\n')) {
    if (line.startsWith(' ')) {
      // Continuation of a multi-line header (gpgsig, mergetag): only the signature's armour matters.
      if (current === 'gpgsig' || current === 'gpgsig-sha256') {
        commit.signature ??= signatureKind(line.trim());
        armour.push(line.slice(1));
      }
      continue;
    }
    const space = line.indexOf(' ');
    current = space === -1 ? line : line.slice(0, space);
    const value = space === -1 ? '' : line.slice(space + 1);
    if (current === 'parent') commit.parents.push(value);
    else if (current === 'author' || current === 'committer') {
      const match = IDENTITY.exec(value);
      if (!match) continue;
      if (current === 'author') {
        commit.authorName = match[1] ?? '';
        commit.authorEmail = match[2] ?? '';
        commit.authorDate = isoDate(Number(match[3]), match[4] ?? '+0000');
      } else {
        commit.committerName = match[1] ?? '';
        commit.committerEmail = match[2] ?? '';
      }
    } else if (current === 'gpgsig' || current === 'gpgsig-sha256') {
      commit.signature = signatureKind(value.trim()) ?? 'gpg';
      armour.push(value);
    }
  }
  if (commit.signature === 'ssh') {
    const key = sshSignatureKeyType(armour.join('\n'));
    if (key.ok) commit.signatureKeyType = key.keyType;
  }
  return commit;
}

function signatureKind(armour: string): RawCommit['signature'] | undefined {
  if (armour.includes('BEGIN PGP SIGNATURE')) return 'gpg';
  if (armour.includes('BEGIN SSH SIGNATURE')) return 'ssh';
  if (armour.includes('BEGIN SIGNED MESSAGE') || armour.includes('BEGIN PKCS7')) return 'x509';
  return undefined;
}

function isoDate(seconds: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  const local = new Date((seconds + minutes * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** The ways hosting services mark a commit that landed through a reviewed pull or merge request. */
export function pullRequestReference(commit: RawCommit): string | undefined {
  const subject = commit.subject;
  const patterns: RegExp[] = [
    /^Merge pull request #(\d+) from /, // GitHub merge commit
    /\(#(\d+)\)\s*$/, // GitHub squash and rebase merges
    /^Merged PR (\d+):/, // Azure DevOps
    /^Merged in \S+ \(pull request #(\d+)\)/, // Bitbucket
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(subject);
    if (match) return `#${match[1]}`;
  }
  const gitlab = /See merge request (\S*!\d+)/.exec(commit.body);
  if (gitlab) return gitlab[1];
  const gerrit = /^Reviewed-on: (\S+)/m.exec(commit.body);
  if (gerrit) return gerrit[1];
  const phabricator = /^Differential Revision: (\S+)/m.exec(commit.body);
  if (phabricator) return phabricator[1];
  return undefined;
}
