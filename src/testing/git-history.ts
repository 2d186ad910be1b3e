import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gitIn } from './fixture.js';

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
