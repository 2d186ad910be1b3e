/**
 * Secret-laden file sets for tests and the benchmark, generated at run time (never stored): each
 * value has the exact documented shape of a real credential and is random, so it is not one.
 */
import { FakeSecrets } from './samples.js';

export interface PlantedSecret {
  ruleId: string;
  value: string;
}

/** A handful of credentials of distinct, high-confidence formats. */
export function plantedSecrets(seed = 1): PlantedSecret[] {
  const fake = new FakeSecrets(seed);
  const b64url = (text: string): string => Buffer.from(text).toString('base64url');
  return [
    { ruleId: 'github-pat', value: fake.checksummed('gh' + 'p_') },
    { ruleId: 'aws-access-key-id', value: 'AK' + 'IA' + fake.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16) },
    { ruleId: 'slack-bot-token', value: 'xox' + 'b-' + fake.from('0123456789', 12) + '-' + fake.from('0123456789', 12) + '-' + fake.alnum(24) },
    { ruleId: 'stripe-secret-key', value: 'sk_' + 'live_' + fake.alnum(32) },
    { ruleId: 'openai-api-key', value: 'sk-' + 'proj-' + fake.base64url(40) + 'T3Blbk' + 'FJ' + fake.base64url(40) },
    { ruleId: 'gitlab-pat', value: 'glp' + 'at-' + fake.base64url(20) },
    { ruleId: 'jwt', value: `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${fake.alnum(10)}"}`)}.${fake.base64url(43)}` },
    {
      ruleId: 'private-key-rsa',
      value: `-----BEGIN RSA ${'PRIVATE'} KEY-----\n${Array.from({ length: 10 }, () => fake.base64(64)).join('\n')}\n-----END RSA ${'PRIVATE'} KEY-----`,
    },
  ];
}

export function secretFile(secret: PlantedSecret): string {
  return secret.ruleId.startsWith('private-key') ? `${secret.value}\n` : `export const value = "${secret.value}";\n`;
}
