import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeSshSignature } from '../testing/git-history.js';
import { parseRawCommit, pullRequestReference } from './git-commit.js';

const header = 'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent aaaa\nparent bbbb\nauthor Ann Example <ann@example.com> 1767225600 +0100\ncommitter GitHub <noreply@github.com> 1767225600 +0000\n';

describe('raw commit objects', () => {
  it('reads parents, identities, dates and the message', () => {
    const commit = parseRawCommit('cccc', `${header}\nMerge pull request #42 from ann/feature\n\nAdd the feature\n`);
    assert.deepEqual(commit.parents, ['aaaa', 'bbbb']);
    assert.equal(commit.authorEmail, 'ann@example.com');
    assert.equal(commit.authorDate, '2026-01-01T01:00:00+01:00');
    assert.equal(commit.committerEmail, 'noreply@github.com');
    assert.equal(commit.subject, 'Merge pull request #42 from ann/feature');
    assert.equal(commit.body, 'Add the feature');
    assert.equal(commit.signature, undefined);
  });

  const signed = (armour: string): string => `${header}gpgsig -----BEGIN ${armour}-----\n \n abc\n -----END ${armour}-----\n\nsubject\n`;
  for (const [armour, kind] of [['PGP SIGNATURE', 'gpg'], ['SSH SIGNATURE', 'ssh'], ['SIGNED MESSAGE', 'x509']] as const) {
    it(`detects a ${kind} signature`, () => assert.equal(parseRawCommit('x', signed(armour)).signature, kind));
  }

  it('keeps the key type of an SSH signature', () => {
    const armour = fakeSshSignature('sk-ssh-ed25519@openssh.com').split('\n').join('\n ');
    const commit = parseRawCommit('x', `${header}gpgsig ${armour}\n\nsubject\n`);
    assert.equal(commit.signature, 'ssh');
    assert.equal(commit.signatureKeyType, 'sk-ssh-ed25519@openssh.com');
    assert.equal(parseRawCommit('x', signed('SSH SIGNATURE')).signatureKeyType, undefined);
  });

  const table: [string, string, string | undefined][] = [
    ['Merge pull request #7 from org/branch', '', '#7'],
    ['Fix the parser (#123)', '', '#123'],
    ['Merged PR 88: Update pipeline', '', '#88'],
    ['Merged in feature/x (pull request #5)', '', '#5'],
    ["Merge branch 'feature' into 'main'", 'Closes #3\n\nSee merge request group/project!17', 'group/project!17'],
    ['Change the thing', 'Change-Id: I123\nReviewed-on: https://review.example.com/c/1', 'https://review.example.com/c/1'],
    ['Direct fix on main', '', undefined],
    ["Merge branch 'main' of github.com:org/repo", '', undefined],
    ['Mention #12 in the middle', '', undefined],
  ];
  for (const [subject, body, expected] of table) {
    it(`recognises "${subject}" as ${expected ?? 'no pull request'}`, () => {
      assert.equal(pullRequestReference(parseRawCommit('x', `${header}\n${subject}\n\n${body}\n`)), expected);
    });
  }
});
