import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gitIn } from './fixture.js';
import { sshString } from '../parsers/sshsig.js';

/** Commits one file change on the current branch, optionally signed with an SSH key, and returns the commit id. */
export function commitChange(root: string, file: string, content: string, message: string, options: { signingKey?: string } = {}): string {
  writeFileSync(path.join(root, file), content);
  gitIn(root, 'add', file);
  const signing = options.signingKey ? ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${options.signingKey}`, 'commit', '-S'] : ['commit'];
  gitIn(root, ...signing, '-q', '-m', message);
  return gitIn(root, 'rev-parse', 'HEAD').trim();
}

/** Merges `branch` into the current branch with a merge commit carrying `message`. */
export function mergeBranch(root: string, branch: string, message: string): string {
  gitIn(root, 'merge', '-q', '--no-ff', '-m', message, branch);
  return gitIn(root, 'rev-parse', 'HEAD').trim();
}

/** A fresh ed25519 key pair for SSH commit signing, and an allowed-signers file trusting it. */
export function sshSigningKey(): { key: string; allowedSigners: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tenet-ssh-key-'));
  const key = path.join(dir, 'id_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'author@example.com', '-f', key]);
  const publicKey = execFileSync('ssh-keygen', ['-y', '-f', key], { encoding: 'utf8' }).trim();
  const allowedSigners = path.join(dir, 'allowed_signers');
  writeFileSync(allowedSigners, `author@example.com ${publicKey}\n`);
  return { key, allowedSigners };
}

export interface HandMadeCommit {
  file: string;
  content: string;
  message: string;
  /** `Name <email>`; default the fixture identity. */
  author?: string;
  committer?: string;
  /** A signature armour to store in the `gpgsig` header, as git would (nothing checks it). */
  signature?: string;
}

/**
 * Writes a commit object by hand on the current branch: for identities git itself would refuse or
 * rewrite, and signatures no key here can make (a FIDO security key's). Returns the commit id.
 */
export function commitByHand(root: string, commit: HandMadeCommit): string {
  writeFileSync(path.join(root, commit.file), commit.content);
  gitIn(root, 'add', commit.file);
  const tree = gitIn(root, 'write-tree').trim();
  let parent = '';
  try {
    parent = gitIn(root, 'rev-parse', '-q', '--verify', 'HEAD').trim();
  } catch {
    // The first commit on the branch has no parent.
  }
  const when = '1767225600 +0000';
  const lines = [`tree ${tree}`];
  if (parent) lines.push(`parent ${parent}`);
  lines.push(`author ${commit.author ?? 'Test Author <author@example.com>'} ${when}`, `committer ${commit.committer ?? commit.author ?? 'Test Author <author@example.com>'} ${when}`);
  if (commit.signature) lines.push(`gpgsig ${commit.signature.trim().split('\n').join('\n ')}`);
  const text = `${lines.join('\n')}\n\n${commit.message}\n`;
  const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: root, input: text, encoding: 'utf8' }).trim();
  gitIn(root, 'update-ref', 'HEAD', sha);
  return sha;
}

/**
 * A syntactically valid SSHSIG armour whose public key has the given type. The key and signature
 * bytes are filler: it proves nothing, which is all a test of key-type detection needs.
 */
export function fakeSshSignature(keyType: string): string {
  const publicKey = Buffer.concat([sshString(keyType), sshString(Buffer.alloc(32, 7)), ...(keyType.startsWith('sk-') ? [sshString('ssh:')] : [])]);
  const signature = Buffer.concat([sshString(keyType), sshString(Buffer.alloc(64, 9))]);
  const version = Buffer.alloc(4);
  version.writeUInt32BE(1);
  const blob = Buffer.concat([Buffer.from('SSHSIG'), version, sshString(publicKey), sshString('git'), sshString(''), sshString('sha512'), sshString(signature)]);
  const base64 = blob.toString('base64').replace(/.{1,70}/g, '$&\n');
  return `-----BEGIN SSH SIGNATURE-----\n${base64}-----END SSH SIGNATURE-----`;
}
