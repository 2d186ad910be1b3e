import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCredentialName, isLiteralCredential, isReference } from './credential-names.js';

describe('isCredentialName', () => {
  for (const name of ['DB_PASSWORD', 'NPM_TOKEN', 'API_KEY', 'apiKey', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'POSTGRES_PASSWD', 'clientSecret', 'PASSWORD']) {
    it(`${name} is a credential`, () => assert.equal(isCredentialName(name), true));
  }
  for (const name of ['PASSWORD_FILE', 'TOKEN_URL', 'NODE_ENV', 'PORT', 'TOKENIZER_MODEL', 'AWS_ACCESS_KEY_ID', 'AUTHOR', 'BYPASS']) {
    it(`${name} is not`, () => assert.equal(isCredentialName(name), false));
  }
});

describe('isReference', () => {
  it('recognises variable references', () => {
    assert.equal(isReference('$TOKEN'), true);
    assert.equal(isReference('${TOKEN}'), true);
    assert.equal(isReference('$(DB_PASSWORD)'), true);
    assert.equal(isReference('hunter2'), false);
    assert.equal(isReference('pre-$TOKEN'), false);
  });
});

describe('isLiteralCredential', () => {
  it('needs a credential name and a literal, or a URL with a password', () => {
    assert.equal(isLiteralCredential('DB_PASSWORD', 'hunter2'), true);
    assert.equal(isLiteralCredential('DB_PASSWORD', '${DB_PASSWORD}'), false);
    assert.equal(isLiteralCredential('DB_PASSWORD', '  '), false);
    assert.equal(isLiteralCredential('LOG_LEVEL', 'debug'), false);
    assert.equal(isLiteralCredential('DATABASE_URL', 'postgres://app:s3cret@db:5432/app'), true);
    assert.equal(isLiteralCredential('DATABASE_URL', 'postgres://app:${DB_PASSWORD}@db/app'), false);
    assert.equal(isLiteralCredential('DATABASE_URL', 'postgres://db:5432/app'), false);
  });
});
