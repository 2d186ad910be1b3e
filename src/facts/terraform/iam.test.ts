import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionMatches, grantedActions } from './iam.js';

describe('IAM action matching', () => {
  it('matches wildcards case-insensitively', () => {
    assert.equal(actionMatches('kms:*', 'kms:Decrypt'), true);
    assert.equal(actionMatches('*', 'ssm:GetParameter'), true);
    assert.equal(actionMatches('ssm:GetParameter*', 'ssm:GetParametersByPath'), true);
    assert.equal(actionMatches('KMS:decrypt', 'kms:Decrypt'), true);
    assert.equal(actionMatches('kms:De?rypt', 'kms:Decrypt'), true);
    assert.equal(actionMatches('kms:Encrypt', 'kms:Decrypt'), false);
    assert.equal(actionMatches('s3:*', 'kms:Decrypt'), false);
  });

  it('stays fast on adversarial patterns', () => {
    const started = Date.now();
    assert.equal(actionMatches(`${'*a'.repeat(2000)}b`, 'a'.repeat(5000)), false);
    assert.ok(Date.now() - started < 2000);
  });

  it('reads NotAction as granting what it does not list, and Deny as granting nothing', () => {
    assert.deepEqual(grantedActions({ effect: 'Allow', notActions: ['kms:Encrypt'] }, ['kms:Decrypt', 'kms:Encrypt']).granted, ['kms:Decrypt']);
    assert.deepEqual(grantedActions({ effect: 'Deny', actions: ['*'] }, ['kms:Decrypt']).granted, []);
  });
});
