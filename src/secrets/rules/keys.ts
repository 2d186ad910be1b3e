import type { SecretRule } from '../types.js';
import { isJwt } from '../checksum.js';
import { pattern } from './define.js';

const F = 'keys';

/**
 * A PEM block's body: anything but a run of five dashes, so that the scan of one block stops at the
 * next `-----` and scans of different blocks never overlap (linear on any input).
 */
const PEM_BODY = String.raw`(?:[^-]|-(?!----)){64,65536}?`;

function pem(id: string, description: string, label: string, keyword: string): SecretRule {
  return pattern(F, id, description, String.raw`(-----BEGIN ${label}-----${PEM_BODY}-----END ${label}-----)`, {
    keywords: [keyword.toLowerCase()],
    allowRuns: true,
    entropy: 4,
  });
}

/** Private keys of every armoured kind, and self-describing tokens (JWT). */
export const keyRules: SecretRule[] = [
  pem('private-key-rsa', 'RSA private key (PKCS#1 PEM)', 'RSA PRIVATE KEY', 'BEGIN RSA PRIVATE KEY'),
  pem('private-key-dsa', 'DSA private key (PEM)', 'DSA PRIVATE KEY', 'BEGIN DSA PRIVATE KEY'),
  pem('private-key-ec', 'EC private key (SEC1 PEM)', 'EC PRIVATE KEY', 'BEGIN EC PRIVATE KEY'),
  pem('private-key-openssh', 'OpenSSH private key', 'OPENSSH PRIVATE KEY', 'BEGIN OPENSSH PRIVATE KEY'),
  pem('private-key-pkcs8', 'Private key (PKCS#8 PEM)', 'PRIVATE KEY', 'BEGIN PRIVATE KEY'),
  pem('private-key-pkcs8-encrypted', 'Encrypted private key (PKCS#8 PEM): still key material', 'ENCRYPTED PRIVATE KEY', 'BEGIN ENCRYPTED PRIVATE KEY'),
  pem('private-key-pgp', 'PGP private key block', 'PGP PRIVATE KEY BLOCK', 'BEGIN PGP PRIVATE KEY BLOCK'),
  pem('private-key-ssh2', 'SSH.com / Tectia private key', 'SSH2 ENCRYPTED PRIVATE KEY', 'BEGIN SSH2 ENCRYPTED PRIVATE KEY'),
  pem('openvpn-static-key', 'OpenVPN static key', 'OpenVPN Static key V1', 'BEGIN OpenVPN Static key V1'),
  pattern(F, 'private-key-other', 'Private key (other PEM label)', String.raw`(-----BEGIN [A-Z0-9 ]{1,40}PRIVATE KEY(?: BLOCK)?-----${PEM_BODY}-----END [A-Z0-9 ]{1,40}PRIVATE KEY(?: BLOCK)?-----)`, {
    keywords: ['private key-----'],
    allowRuns: true,
    entropy: 4,
    confidence: 'low',
  }),
  pattern(F, 'private-key-putty', 'PuTTY private key (.ppk)', String.raw`(PuTTY-User-Key-File-[23]: [a-z0-9-]{3,40}\r?\nEncryption: [a-z0-9-]{1,40}\r?\nComment: [^\r\n]{0,200}\r?\nPublic-Lines: \d{1,3}\r?\n(?:[A-Za-z0-9+/=]{1,100}\r?\n){1,100}(?:[A-Za-z0-9-]{1,40}: [^\r\n]{0,200}\r?\n){0,6}Private-Lines: \d{1,3}\r?\n(?:[A-Za-z0-9+/=]{1,100}\r?\n){0,99}[A-Za-z0-9+/=]{1,100}(?=\r?\n|$))`, {
    keywords: ['putty-user-key-file'],
    allowRuns: true,
  }),
  pattern(F, 'wireguard-private-key', 'WireGuard private key', String.raw`PrivateKey\s{0,5}=\s{0,5}([A-Za-z0-9+/]{42}[AEIMQUYcgkosw480]=)`, { keywords: ['privatekey'] }),
  pattern(F, 'jwt', 'JSON Web Token (signed)', String.raw`(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,4000}\.eyJ[A-Za-z0-9_-]{5,8000}\.[A-Za-z0-9_-]{20,1000})(?![A-Za-z0-9_-])`, {
    keywords: ['eyj'],
    validate: isJwt,
    confidence: 'low',
  }),
];
