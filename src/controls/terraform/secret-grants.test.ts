import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnscoped, vaultPathUnscoped } from './secret-grants.js';

describe('secret grant scope', () => {
  it('treats * and whole-account ARNs as unscoped', () => {
    assert.equal(isUnscoped('*'), true);
    assert.equal(isUnscoped('arn:aws:secretsmanager:*:*:secret:*'), true);
    assert.equal(isUnscoped('arn:aws:ssm:eu-west-1:1:parameter/*'), true);
    assert.equal(isUnscoped('arn:aws:ssm:eu-west-1:1:parameter/app/*'), false);
    assert.equal(isUnscoped('${aws_kms_key.k.arn}'), false);
  });

  it('treats Vault paths covering everything or a whole mount as unscoped', () => {
    for (const path of ['*', 'secret/*', 'secret/data/*', 'kv/metadata/*', '+/*', 'secret*']) assert.equal(vaultPathUnscoped(path), true, path);
    for (const path of ['secret/data/app/*', 'secret/data/app/db', 'database/creds/app', 'secret/+/app/*']) assert.equal(vaultPathUnscoped(path), false, path);
  });
});
