import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlineWaiver } from './inline-waivers.js';

describe('inlineWaiver', () => {
  const text = [
    '# tenet:ignore tf-backups-enabled scratch bucket, rebuilt nightly',
    '# owner: data team',
    'resource "aws_s3_bucket" "scratch" {',
    '}',
    '',
    'resource "aws_s3_bucket" "other" { // tenet:ignore tf-audit-logging-enabled logs go elsewhere',
    '}',
    '# tenet:ignore tf-backups-enabled',
    'resource "aws_s3_bucket" "bare" {}',
    '# tenet:ignore tf-backups-enabled not adjacent',
    '',
    'resource "aws_s3_bucket" "far" {}',
  ].join('\n');

  it('finds a waiver in the comment lines directly above', () => {
    assert.deepEqual(inlineWaiver(text, 3, 'tf-backups-enabled'), { reason: 'scratch bucket, rebuilt nightly', line: 1 });
  });
  it('finds a trailing waiver on the line itself', () => {
    assert.deepEqual(inlineWaiver(text, 6, 'tf-audit-logging-enabled'), { reason: 'logs go elsewhere', line: 6 });
  });
  it('ignores other controls and comments separated by a blank line', () => {
    assert.equal(inlineWaiver(text, 3, 'tf-audit-logging-enabled'), undefined);
    assert.equal(inlineWaiver(text, 12, 'tf-backups-enabled'), undefined);
  });
  it('keeps a waiver without a reason visible as such', () => {
    assert.deepEqual(inlineWaiver(text, 9, 'tf-backups-enabled'), { reason: 'no reason given', line: 8 });
  });
});
