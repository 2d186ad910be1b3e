import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SecretMatcher } from '../matcher.js';
import { FakeSecrets, sampleFor } from '../samples.js';
import type { SecretRule } from '../types.js';
import { builtinRules } from './index.js';

const fake = new FakeSecrets(7);
const b64 = (text: string): string => Buffer.from(text).toString('base64');
const b64url = (text: string): string => Buffer.from(text).toString('base64url');
const pemBody = (): string => Array.from({ length: 12 }, () => fake.base64(64)).join('\n');
const pem = (label: string): string => `-----BEGIN ${label}-----\n${pemBody()}\n-----END ${label}-----`;

/**
 * Samples of rules whose shape is not a plain list of segments: each returns the text to scan and
 * the secret the rule must report. Every value is generated here, by concatenation, at run time.
 */
const CUSTOM: Record<string, () => { text: string; secret: string }> = {
  'github-pat': () => token(fake.checksummed('gh' + 'p_')),
  'github-oauth-token': () => token(fake.checksummed('gh' + 'o_')),
  'github-user-to-server-token': () => token(fake.checksummed('gh' + 'u_')),
  'github-app-token': () => token(fake.checksummed('gh' + 's_')),
  'npm-access-token': () => token(fake.checksummed('np' + 'm_')),
  'aws-secret-access-key': () => {
    const secret = fake.base64(40);
    return { text: `[default]\naws_access_key_id = ${'AK' + 'IA' + fake.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\nsecret = ${secret}\n`, secret };
  },
  'gcp-service-account': () => {
    const secret = fake.hex(40);
    return { text: `{\n  "type": "service_account",\n  "private_key_id": "${secret}",\n}`, secret };
  },
  'azure-storage-account-key': () => {
    const secret = fake.base64(86) + '==';
    return { text: `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${secret};EndpointSuffix=core.windows.net`, secret };
  },
  'azure-shared-access-key': () => {
    const secret = fake.base64(43) + '=';
    return { text: `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${secret}`, secret };
  },
  'azure-sas-token': () => {
    const secret = fake.base64(43) + '%3D';
    return { text: `url = "https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=r&se=2030-01-01&sig=${secret}"`, secret };
  },
  'azure-app-configuration': () => {
    const secret = fake.base64(43) + '=';
    return { text: `Endpoint=https://myapp.azconfig.io;Id=Ab12-l0-s0:Cd34;Secret=${secret}`, secret };
  },
  'kubeconfig-client-key': () => {
    const secret = fake.base64(400);
    return { text: `users:\n- name: admin\n  user:\n    client-key-data: ${secret}\n`, secret };
  },
  'kubeconfig-token': () => {
    const secret = fake.base64url(64);
    return { text: `users:\n- name: admin\n  user:\n    token: ${secret}\n`, secret };
  },
  'npmrc-auth-token': () => {
    const secret = fake.alnum(40);
    return { text: `//registry.example.org/:_authToken=${secret}\n`, secret };
  },
  'npmrc-auth': () => {
    const secret = b64('deploy:' + fake.alnum(20));
    return { text: `registry=https://registry.example.org/\n_auth=${secret}\n`, secret };
  },
  'docker-config-auth': () => {
    const secret = b64('robot:' + fake.alnum(24));
    return { text: `{"auths":{"registry.example.org":{"auth":"${secret}"}}}`, secret };
  },
  'teams-webhook-url': () => {
    const secret = `https://acme.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${fake.hex(32)}/${uuid()}`;
    return { text: `url: ${secret}\n`, secret };
  },
  'teams-workflow-webhook-url': () => {
    const secret = `https://prod-12.westeurope.logic.azure.com:443/workflows/${fake.hex(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers&sv=1.0&sig=${fake.base64url(43)}`;
    return { text: `url: ${secret}\n`, secret };
  },
  'openai-api-key': () => token('sk-' + 'proj-' + fake.base64url(40) + 'T3Blbk' + 'FJ' + fake.base64url(40)),
  'sentry-org-token': () => token('sntrys_' + 'eyJpYXQiO' + fake.alnum(30) + 'LCJyZWdpb25fdXJs' + fake.alnum(30) + '_' + fake.base64(43)),
  'terraform-cloud-token': () => token(fake.alnum(14) + '.atlas' + 'v1.' + fake.base64url(66)),
  'onepassword-secret-key': () => token('A3-' + fake.upper(6) + '-' + fake.upper(11) + '-' + fake.upper(5) + '-' + fake.upper(5) + '-' + fake.upper(5)),
  'salesforce-access-token': () => token('00D' + fake.alnum(15) + '!' + fake.alnum(96)),
  'private-key-rsa': () => whole(pem('RSA ' + 'PRIVATE KEY')),
  'private-key-dsa': () => whole(pem('DSA ' + 'PRIVATE KEY')),
  'private-key-ec': () => whole(pem('EC ' + 'PRIVATE KEY')),
  'private-key-openssh': () => whole(pem('OPENSSH ' + 'PRIVATE KEY')),
  'private-key-pkcs8': () => whole(pem('PRIVATE' + ' KEY')),
  'private-key-pkcs8-encrypted': () => whole(pem('ENCRYPTED ' + 'PRIVATE KEY')),
  'private-key-pgp': () => whole(pem('PGP ' + 'PRIVATE KEY BLOCK')),
  'private-key-ssh2': () => whole(pem('SSH2 ENCRYPTED ' + 'PRIVATE KEY')),
  'openvpn-static-key': () => whole(pem('OpenVPN ' + 'Static key V1')),
  'private-key-other': () => whole(pem('X9 ' + 'PRIVATE KEY')),
  'private-key-putty': () => {
    const lines = (n: number): string => Array.from({ length: n }, () => fake.base64(64)).join('\n');
    const secret = `PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: key\nPublic-Lines: 6\n${lines(6)}\nPrivate-Lines: 14\n${lines(14)}\n`;
    return { text: `${secret}Private-MAC: ${fake.hex(64)}\n`, secret: secret.trim() };
  },
  'wireguard-private-key': () => {
    const secret = fake.base64(42) + 'A=';
    return { text: `[Interface]\nPrivateKey = ${secret}\n`, secret };
  },
  jwt: () => token(`${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${fake.alnum(12)}","iat":1700000000}`)}.${fake.base64url(43)}`),
  'url-credentials': () => {
    const secret = fake.alnum(20);
    return { text: `DATABASE_URL=postgres://app:${secret}@db.internal:5432/app\n`, secret };
  },
  'url-query-credential': () => {
    const secret = fake.alnum(28);
    return { text: `fetch("https://api.example.org/v1/items?access_token=${secret}")\n`, secret };
  },
  'connection-string-password': () => {
    const secret = fake.alnum(18);
    return { text: `"Server=db;Database=app;User Id=sa;Password=${secret};"\n`, secret };
  },
  'sumologic-access-id': () => {
    const secret = 'su' + fake.alnum(12);
    return { text: `SUMO_ACCESS_ID=${secret}\nSUMO_ACCESS_KEY=${fake.alnum(64)}\n`, secret };
  },
  'generic-secret-assignment': () => {
    const secret = fake.alnum(32);
    return { text: `client_secret = "${secret}"\n`, secret };
  },
};

function token(secret: string): { text: string; secret: string } {
  return { text: `value = "${secret}"\n`, secret };
}
function whole(secret: string): { text: string; secret: string } {
  return { text: `${secret}\n`, secret };
}
function uuid(): string {
  return `${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}`;
}

function sample(rule: SecretRule): { text: string; secret: string } {
  const custom = CUSTOM[rule.id];
  if (custom) return custom();
  const generated = sampleFor(rule, fake);
  assert.ok(generated, `rule ${rule.id} has neither a shape nor a custom sample`);
  return generated;
}

/** The same text with the secret's random part replaced by a run of one character. */
function placeholderOf(text: string, secret: string): string {
  const keep = Math.min(8, Math.floor(secret.length / 4));
  return text.replace(secret, secret.slice(0, keep) + secret.slice(keep).replace(/[^\s'"]/g, 'x'));
}

/** The rule alone, with the rule it must be near: each rule is judged on its own. */
function matcherFor(rule: SecretRule): SecretMatcher {
  const partner = rule.near ? builtinRules.find((candidate) => candidate.id === rule.near?.rule) : undefined;
  return new SecretMatcher(partner ? [rule, partner] : [rule]);
}

describe('built-in secret rules', () => {

  it('cover at least 200 credential formats, each with a unique id and a keyword or a reason to run always', () => {
    assert.ok(builtinRules.length >= 200, `${builtinRules.length} rules`);
    assert.equal(new Set(builtinRules.map((rule) => rule.id)).size, builtinRules.length);
    for (const rule of builtinRules) assert.ok(rule.keywords.length > 0, `${rule.id} has no prefilter keyword`);
    for (const rule of builtinRules) for (const keyword of rule.keywords) assert.equal(keyword, keyword.toLowerCase(), `${rule.id}: ${keyword}`);
  });

  for (const rule of builtinRules) {
    it(`${rule.id}: finds a generated ${rule.description}, not a placeholder of the same shape`, () => {
      const { text, secret } = sample(rule);
      const matcher = matcherFor(rule);
      const hits = matcher.scanText(text, 'config/settings.txt');
      const hit = hits.find((candidate) => candidate.rule.id === rule.id);
      assert.ok(hit, `not found by ${rule.id}; found by ${hits.map((h) => h.rule.id).join(', ') || 'nothing'}`);
      assert.ok(hit.secret.trim() === secret.trim(), `captured a different value (${hit.redacted})`);
      assert.ok(!hit.redacted.includes(secret.slice(6, 14)) || secret.length < 16, 'redacted form shows too much');
      for (const keyword of rule.keywords.length ? [rule.keywords.some((k) => text.toLowerCase().includes(k))] : [true]) assert.ok(keyword, 'no keyword in a true positive: the prefilter would skip it');
      const fakeText = placeholderOf(text, secret);
      assert.ok(!matcher.scanText(fakeText, 'config/settings.txt').some((candidate) => candidate.rule.id === rule.id), 'placeholder reported');
    });
  }
});
