import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCredentialName, isReference } from './credential-names.js';

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
