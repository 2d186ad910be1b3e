import type { SecretRule } from '../types.js';
import { pattern } from './define.js';

const F = 'generic';

/** Passwords people leave as URL user info that are documentation, not credentials. */
const PLACEHOLDER_PASSWORDS = /^(?:password|passwd|pass|pwd|secret|changeme|change_me|example|placeholder|dummy|test|xxx+|\*+|user|username|foo|bar|foobar|mypassword|yourpassword|your_password|p@ssw0rd|token|apikey|api_key|null|none|undefined)$/i;

/** Hosts reserved for documentation and tests (RFC 2606, RFC 6761): credentials there are examples. */
const DOCUMENTATION_HOST = /@(?:[A-Za-z0-9-]{1,63}\.){0,10}(?:example\.(?:com|org|net)|example|test|invalid|localhost)(?![A-Za-z0-9-])/i;
/** `postgres:postgres@`: a local development default, not a secret. */
const SAME_USER_AND_PASSWORD = /:\/\/([^:@/\s]{1,100}):\1@/;

/** Credentials embedded in URLs and connection strings, and secret-like assignments. */
export const genericRules: SecretRule[] = [
  pattern(F, 'url-credentials', 'Credentials in a URL or connection string (scheme://user:password@host)', String.raw`(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://([^\s:/@'"\x60<>{}$]{0,100}):([^\s:/@'"\x60<>{}$]{3,200})@[A-Za-z0-9._-]{1,255}`, {
    keywords: ['://'],
    secretGroup: 2,
    confidence: 'low',
    lineScoped: true,
    allow: [PLACEHOLDER_PASSWORDS],
    allowMatch: [DOCUMENTATION_HOST, SAME_USER_AND_PASSWORD],
  }),
  pattern(F, 'url-query-credential', 'Credential in a URL query string (?password=, ?access_token= …)', String.raw`[?&](?:password|passwd|pwd|secret|client_secret|access_token|api_key|apikey|auth_token|private_token)=([^&\s'"#<>\x60]{12,300})`, {
    keywords: ['password=', 'passwd=', 'pwd=', 'secret=', 'token=', 'api_key=', 'apikey='],
    confidence: 'low',
    lineScoped: true,
    entropy: 3.5,
  }),
  pattern(F, 'connection-string-password', 'Password in an ADO.NET / JDBC / ODBC connection string', String.raw`(?:Server|Data Source|Host|jdbc:[a-z]{2,20}:)[^\n'"]{0,200}?;\s{0,3}(?:Password|Pwd)\s{0,3}=\s{0,3}([^;'"\s]{4,200})`, {
    keywords: ['password=', 'pwd=', 'password =', 'pwd ='],
    confidence: 'low',
    lineScoped: true,
    flags: 'i',
    allow: [PLACEHOLDER_PASSWORDS],
  }),
  pattern(F, 'generic-secret-assignment', 'Secret-like value assigned to a key, token, secret or password name', String.raw`(?:secret|token|passw(?:or)?d|pwd|api[_.-]?key|apikey|access[_.-]?key|auth[_.-]?key|private[_.-]?key|client[_.-]?secret|credentials?|signing[_.-]?key|encryption[_.-]?key)[\w.-]{0,25}["'\]]{0,2}[ \t]{0,3}(?:=|:=|:|=>|\?=|<-)[ \t]{0,3}["'\x60]?([A-Za-z0-9+/=_.~!@#%^&*-]{12,200})(?=["'\x60\s;,)<}\]]|\\[nrt]|$)`, {
    keywords: ['secret', 'token', 'passw', 'pwd', 'key', 'credential'],
    confidence: 'generic',
    lineScoped: true,
    flags: 'i',
    entropy: 3.7,
  }),
];
