import { redactSecret, redactUrlCredentials } from '../../core/redact.js';

/**
 * Variable names that hold credentials (`DB_PASSWORD`, `NPM_TOKEN`, `apiKey` …), but not names that
 * only point at one (`*_FILE`, `*_PATH`, `*_URL`, `*_ID` …). Names are split into words at `_`, `-`,
 * `.` and camelCase humps, so `BYPASS` or `TOKENIZER` are not mistaken for `PASS` or `TOKEN`.
 */
const CREDENTIAL_WORDS = new Set(['PASS', 'PASSWORD', 'PASSWD', 'PWD', 'SECRET', 'TOKEN', 'AUTH', 'CREDENTIAL', 'CREDENTIALS', 'APIKEY', 'PASSPHRASE']);
const CREDENTIAL_PAIRS = new Set(['API KEY', 'ACCESS KEY', 'PRIVATE KEY', 'SIGNING KEY', 'ENCRYPTION KEY', 'MASTER KEY']);
const POINTER_WORDS = new Set(['FILE', 'PATH', 'DIR', 'URL', 'URI', 'ENDPOINT', 'HOST', 'NAME', 'ID', 'TYPE', 'HEADER', 'LENGTH', 'TTL', 'EXPIRY', 'ENABLED', 'REF']);

export function isCredentialName(name: string): boolean {
  if (name.length > 200) return false;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split(/[_.-]+/).filter(Boolean);
  const last = words[words.length - 1];
  if (last === undefined || POINTER_WORDS.has(last)) return false;
  return words.some((word, index) => CREDENTIAL_WORDS.has(word) || CREDENTIAL_PAIRS.has(`${word} ${words[index + 1] ?? ''}`));
}

/** A value that stands for something else rather than being the credential itself. */
export function isReference(value: string): boolean {
  return /^\$(?:\{[^}]{1,200}\}|\([^)]{1,200}\)|[A-Za-z_][A-Za-z0-9_]{0,200})$/.test(value.trim());
}

/** `scheme://user:password@host` with a password written out (not a `${…}` placeholder). */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]{0,30}:\/\/[^/\s:@]{1,200}:(?!\$)[^/\s@]{1,200}@/i;

/**
 * A credential written out in full: a credential-like name with a non-empty value that is not a
 * reference, or any value that is a URL with a password in it (`DATABASE_URL=postgres://u:p@db`).
 */
export function isLiteralCredential(name: string, value: string | undefined): value is string {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '' || isReference(trimmed)) return false;
  return isCredentialName(name) || URL_WITH_PASSWORD.test(trimmed);
}

/** The redacted form of a literal credential; a URL keeps its shape with the password masked, and stays recognisable as one. */
export function redactCredential(value: string): string {
  const trimmed = value.trim();
  return URL_WITH_PASSWORD.test(trimmed) ? redactUrlCredentials(trimmed) : redactSecret(trimmed);
}
