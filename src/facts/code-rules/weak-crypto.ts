import { fingerprintOf } from '../../core/redact.js';
import type { CodeRuleSet } from '../code/code-scan.js';
import { CSHARP, GO, JS, JVM, PHP, PY, RUBY } from './languages.js';
import { matchLinePatterns, type LinePattern } from './text.js';

/**
 * Words that say a value guards something: randomness for these must come from a CSPRNG. Whole
 * words or snake_case parts (`reset_token`, but not `tokenizer`), or camelCase parts (`resetToken`).
 */
const SECRET_WORD = /(?:^|[^A-Za-z])(?:token|secret|password|passwd|pwd|nonce|salt|otp|csrf|api_?key|apikey|secret_?key|access_?key|private_?key|signing_?key|session_?id|sessionid|reset_?code|verification_?code|invite_?code)s?(?![A-Za-z])/i;
const SECRET_PART = /[a-z0-9](?:Token|Secret|Password|Passwd|Nonce|Salt|Otp|Csrf|ApiKey|SecretKey|AccessKey|PrivateKey|SigningKey|SessionId|ResetCode|VerificationCode|InviteCode)s?(?![a-z])/;
const SECRET_USE = (line: string): boolean => SECRET_WORD.test(line) || SECRET_PART.test(line);
/** Digests used as cache keys or checksums, which need no collision resistance. */
const NOT_SECURITY = /(usedforsecurity\s{0,3}=\s{0,3}False|e-?tag|cache|checksum|dedupe?|fingerprint_?file|content_?hash)/i;
const MD5_MESSAGE = 'MD5/SHA-1 are broken for security use (passwords, signatures, integrity): use SHA-256+ or a password hash (argon2, bcrypt, scrypt)';
const CIPHER_MESSAGE = 'DES, 3DES, RC4, RC2 and Blowfish are broken or deprecated ciphers: use AES-GCM or ChaCha20-Poly1305';
const ECB_MESSAGE = 'ECB mode leaks plaintext patterns: use an authenticated mode (GCM) with a random IV';

const PATTERNS: LinePattern[] = [
  { rule: 'weak-hash', in: PY, pattern: /\bhashlib\.(?:md5|sha1)\s{0,5}\(|\bhashlib\.new\s{0,5}\(\s{0,5}['"](?:md5|sha1)['"]/i, unless: NOT_SECURITY, message: MD5_MESSAGE },
  { rule: 'weak-hash', in: JS, pattern: /\bcreateHash\s{0,5}\(\s{0,5}['"`](?:md5|sha1|sha-1)['"`]/i, unless: NOT_SECURITY, message: MD5_MESSAGE },
  { rule: 'weak-hash', in: JVM, pattern: /\bMessageDigest\.getInstance\s{0,5}\(\s{0,5}"(?:MD5|MD4|MD2|SHA-?1)"/i, unless: NOT_SECURITY, message: MD5_MESSAGE },
  { rule: 'weak-hash', in: GO, pattern: /\b(?:md5|sha1)\.(?:New|Sum)\s{0,3}\(/, unless: NOT_SECURITY, message: MD5_MESSAGE },
  { rule: 'weak-hash', in: CSHARP, pattern: /\b(?:MD5|SHA1)\.Create\s{0,3}\(|\bnew\s{1,5}(?:MD5CryptoServiceProvider|SHA1Managed|SHA1CryptoServiceProvider)\b/, unless: NOT_SECURITY, message: MD5_MESSAGE },
  { rule: 'weak-password-hash', in: PHP, pattern: /\b(?:md5|sha1)\s{0,5}\(\s{0,5}\$[A-Za-z_]{0,40}(?:pass|pwd|secret|token)|\bhash\s{0,5}\(\s{0,5}['"](?:md5|sha1)['"]\s{0,5},\s{0,5}\$[A-Za-z_]{0,40}(?:pass|pwd|secret|token)/i, message: MD5_MESSAGE },
  { rule: 'weak-password-hash', in: RUBY, pattern: /\bDigest::(?:MD5|SHA1)\b/, needs: /pass|secret|token|sign/i, message: MD5_MESSAGE },
  { rule: 'weak-cipher', in: JS, pattern: /\bcreate(?:De)?cipher(?:iv)?\s{0,5}\(\s{0,5}['"`](?:des|rc4|rc2|bf|blowfish)(?:[-\w]{0,20})['"`]/i, message: CIPHER_MESSAGE },
  { rule: 'weak-cipher', in: PY, pattern: /\b(?:DES|DES3|ARC4|ARC2|Blowfish)\.new\s{0,3}\(|\balgorithms\.(?:TripleDES|ARC4|Blowfish|IDEA|CAST5)\s{0,3}\(/, message: CIPHER_MESSAGE },
  { rule: 'weak-cipher', in: JVM, pattern: /\bCipher\.getInstance\s{0,5}\(\s{0,5}"(?:DES|DESede|TripleDES|RC4|RC2|ARCFOUR|Blowfish)\b/i, message: CIPHER_MESSAGE },
  { rule: 'weak-cipher', in: GO, pattern: /\b(?:des\.NewCipher|des\.NewTripleDESCipher|rc4\.NewCipher)\s{0,3}\(/, message: CIPHER_MESSAGE },
  { rule: 'weak-cipher', in: PHP, pattern: /\bopenssl_(?:en|de)crypt\s{0,5}\([^,]{1,200},\s{0,5}['"](?:des|rc4|rc2|bf|blowfish)[-\w]{0,20}['"]/i, message: CIPHER_MESSAGE },
  { rule: 'weak-cipher', in: RUBY, pattern: /\bOpenSSL::Cipher(?:::\w{1,20})?\.new\s{0,3}\(\s{0,3}['"](?:des|rc4|rc2|bf)[-\w]{0,20}['"]/i, message: CIPHER_MESSAGE },
  { rule: 'weak-cipher', in: CSHARP, pattern: /\b(?:DESCryptoServiceProvider|TripleDESCryptoServiceProvider|RC2CryptoServiceProvider|DES\.Create|TripleDES\.Create)\b/, message: CIPHER_MESSAGE },
  { rule: 'ecb-mode', in: JS, pattern: /\bcreate(?:De)?cipher(?:iv)?\s{0,5}\(\s{0,5}['"`][-\w]{0,20}-ecb['"`]/i, message: ECB_MESSAGE },
  { rule: 'ecb-mode', in: PY, pattern: /\bMODE_ECB\b|\bmodes\.ECB\s{0,3}\(/, message: ECB_MESSAGE },
  { rule: 'ecb-mode', in: JVM, pattern: /\bCipher\.getInstance\s{0,5}\(\s{0,5}"(?:AES|[A-Za-z0-9]{1,20}\/ECB\/[^"]{0,30})"/, message: `${ECB_MESSAGE} (a bare "AES" means AES/ECB)` },
  { rule: 'ecb-mode', in: PHP, pattern: /\bopenssl_(?:en|de)crypt\s{0,5}\([^,]{1,200},\s{0,5}['"][-\w]{0,20}-ecb['"]/i, message: ECB_MESSAGE },
  { rule: 'ecb-mode', in: RUBY, pattern: /\bOpenSSL::Cipher(?:::\w{1,20})?\.new\s{0,3}\(\s{0,3}['"][-\w]{0,20}-ecb['"]/i, message: ECB_MESSAGE },
  { rule: 'ecb-mode', in: CSHARP, pattern: /\bCipherMode\.ECB\b/, message: ECB_MESSAGE },
  { rule: 'cipher-without-iv', in: JS, pattern: /\bcreate(?:Dec|C)ipher\s{0,5}\(/, message: 'crypto.createCipher derives the key with MD5 and uses no IV (removed in Node 22): use createCipheriv with a random IV' },
  { rule: 'mcrypt', in: PHP, pattern: /\bmcrypt_[a-z_]{1,30}\s{0,3}\(/, message: 'mcrypt is abandoned and removed from PHP: use sodium_* or openssl_* with AES-GCM' },
  { rule: 'insecure-random', in: JS, pattern: /\bMath\.random\s{0,3}\(\s{0,3}\)/, needs: SECRET_USE, message: 'Math.random is predictable: use crypto.randomBytes / crypto.getRandomValues for tokens, keys, nonces and passwords' },
  { rule: 'insecure-random', in: PY, pattern: /\brandom\.(?:random|randint|randrange|choice|choices|getrandbits|sample)\s{0,3}\(/, needs: SECRET_USE, message: 'the random module is predictable: use secrets.token_* for tokens, keys, nonces and passwords' },
  { rule: 'insecure-random', in: JVM, pattern: /\bnew\s{1,5}Random\s{0,3}\(/, needs: SECRET_USE, message: 'java.util.Random is predictable: use SecureRandom for tokens, keys, nonces and passwords' },
  { rule: 'insecure-random', in: PHP, pattern: /\b(?:rand|mt_rand|uniqid|lcg_value)\s{0,3}\(/, needs: SECRET_USE, message: 'rand/mt_rand/uniqid are predictable: use random_bytes or random_int for tokens, keys, nonces and passwords' },
  { rule: 'insecure-random', in: RUBY, pattern: /(?:^|[^.\w])rand\s{0,3}\(/, needs: SECRET_USE, message: 'Kernel#rand is predictable: use SecureRandom for tokens, keys, nonces and passwords' },
  { rule: 'hard-coded-iv', pattern: /\b(?:iv|IV|initVector|init_vector|initializationVector)\s{0,3}[:=]\s{0,3}(?:b|Buffer\.from\(\s{0,3}|bytes\(\s{0,3})?(['"])[^'"\n]{8,64}\1/, message: 'a hard-coded IV repeats across messages: generate a random IV per encryption and send it with the ciphertext' },
  { rule: 'hard-coded-iv', in: JVM, pattern: /\bnew\s{1,3}IvParameterSpec\s{0,3}\(\s{0,3}(?:"|new\s{1,3}byte\s{0,3}\[)/, message: 'a constant IvParameterSpec repeats across messages: use a random IV from SecureRandom' },
  { rule: 'hard-coded-iv', in: JS, pattern: /\bcreate(?:De)?cipheriv\s{0,3}\([^,]{1,100},[^,]{1,100},\s{0,3}(?:Buffer\.(?:from|alloc)\(\s{0,3})?['"0-9]/i, message: 'a constant IV repeats across messages: use crypto.randomBytes for each encryption' },
];

/** Words at least one pattern needs: most files have none and are never split into lines. */
const KEYWORDS = /md5|sha1|sha-1|des|rc4|rc2|arc4|blowfish|ecb|cipher|mcrypt|random|rand\b|rand\s{0,3}\(|\biv\b|initVector|init_vector|initializationVector|IvParameterSpec/i;

/** `no-weak-crypto-primitives`: broken digests, ciphers and modes, predictable randomness and constant IVs in first-party code (tests excluded). */
export const weakCryptoRules: CodeRuleSet = {
  control: 'no-weak-crypto-primitives',
  accepts: (file) => !file.isTest && (file.kind === 'source' || file.ext === '.vue' || file.ext === '.svelte' || file.ext === '.erb' || file.ext === '.haml'),
  keywords: KEYWORDS,
  scan(file, emit) {
    matchLinePatterns(file, PATTERNS, (hit) => emit(hit.rule === 'hard-coded-iv' ? { ...hit, evidence: hit.evidence.replace(/(['"])[^'"]{0,64}\1/g, "'…'"), key: `hard-coded-iv:${fingerprintOf(hit.key)}` } : hit));
  },
};
