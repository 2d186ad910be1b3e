import type { CodeFile, CodeRuleSet, HitInput, ScannedFile } from '../code/code-scan.js';
import { redactUrlCredentials } from '../../core/redact.js';
import { hostOf, isHarmlessHost } from './endpoints.js';
import { JS, JVM, PHP, PY, RUBY } from './languages.js';
import { forEachCodeLine, isProse, matchLinePatterns, type LinePattern } from './text.js';

const PLAINTEXT_URL = /\b(http|ws|ftp|telnet|redis|amqp|mqtt|ldap|memcached?|nats):\/\/([^\s'"`<>()\\{}|,;]{1,300})/gi;
/** Lines that name documents rather than endpoints: namespaces, schema ids, licences, project links. */
const DOCUMENT_LINE = /xmlns|\$schema|\$id|schemaLocation|DOCTYPE|@see|@link|licen[cs]e|copyright/i;
/**
 * In code, an http:// literal is taken for an endpoint only where the line shows a connection: a
 * client call, or a name for a service address. A bare `url = 'http://…'` is as often a homepage or
 * a reference as an endpoint, and false alarms cost more than the odd miss.
 */
const CONNECTION_CONTEXT = /(?:\b(?:fetch|axios|got|ky|superagent|request|requests|urlopen|urlretrieve|httpx|aiohttp|get|post|put|patch|delete|head|open|connect|createClient|createConnection|WebSocket|EventSource|HttpClient|RestTemplate|NewRequest|http\.Get|http\.Post|Dial|curl_init|file_get_contents|Net::HTTP|HTTParty|Faraday|URI)\s{0,3}[.(]|(?:api|base|endpoint|server|host|service|backend|webhook|callback|broker|upstream|proxy|origin|remote|gateway|registry|redirect|auth|token|login|oauth|sso|ws|socket|db|database|cache|queue|smtp|mail)[\w-]{0,20}["']?\s{0,3}[:=(])/i;

/** Schema and namespace URLs name a document format; nothing connects to them. */
const IDENTIFIER_PATH = /\/(?:schemas?|ns|xmlns|namespaces?|dtd)(?:\/|$)|\.(?:xsd|dtd|rng)$|\.schema\.json$/i;
const DOCUMENT_KEY = /^\s{0,40}-?\s{0,5}["']?(?:homepage|home|website|documentation|docs?|help|repository|repo|sources?|icon|logo|author|bugs|issues|changelog|funding|wiki|tracker|schema|link|url_docs|termsOfService|terms)["']?\s{0,5}[:=]/i;
/** Manifests whose URLs describe the project (homepage, repository, funding), never its traffic. */
const PROJECT_METADATA = /(^|\/)(package\.json|composer\.json|Chart\.ya?ml|bower\.json|app\.json|manifest\.json|[^/]*\.schema\.json|renovate\.json5?|\.?devcontainer\.json|tsconfig[^/]*\.json|\.eslintrc[^/]*)$/;

const VERIFY_OFF = 'certificate verification is disabled: connections can be intercepted';
const PATTERNS: LinePattern[] = [
  { rule: 'sslmode-disable', pattern: /\bsslmode\s{0,3}[=:]\s{0,3}["']?disable\b/i, message: 'sslmode disabled sends database traffic in plaintext: use sslmode=verify-full' },
  { rule: 'tls-off', pattern: /\b(?:ssl|tls|use_?ssl|use_?tls|ssl_?enabled|tls_?enabled|enable_?ssl|enable_?tls|require_?ssl|ssl_?required)["']?\s{0,3}[:=]\s{0,3}["']?(?:false|no|off)\b/i, message: 'TLS is switched off for this connection' },
  { rule: 'tls-verify-off', pattern: /NODE_TLS_REJECT_UNAUTHORIZED["']?\s{0,3}[:=]\s{0,3}["']?0\b/, message: `NODE_TLS_REJECT_UNAUTHORIZED set to 0: ${VERIFY_OFF}` },
  { rule: 'tls-verify-off', pattern: /\brejectUnauthorized["']?\s{0,3}[:=]\s{0,3}false\b/, message: `rejectUnauthorized set to false: ${VERIFY_OFF}` },
  // Set, not compared or declared as a default: TLS libraries name these values all the time.
  { rule: 'tls-verify-off', in: PY, pattern: /\bverify\s{0,3}=\s{0,3}False\b|\bssl\._create_unverified_context\b|\b(?:verify_mode|cert_reqs)\s{0,3}=\s{0,3}(?:ssl\.)?["']?CERT_NONE\b|\bcheck_hostname\s{0,3}=\s{0,3}False\b/, unless: /^\s{0,40}(?:async\s{1,5})?def\s/, message: `Python TLS verification off: ${VERIFY_OFF}` },
  { rule: 'tls-verify-off', pattern: /\binsecure_?skip_?verify["']?\s{0,3}[:=]\s{0,3}["']?true\b/i, message: `InsecureSkipVerify: ${VERIFY_OFF}` },
  { rule: 'tls-verify-off', in: JVM, pattern: /\b(?:NoopHostnameVerifier|ALLOW_ALL_HOSTNAME_VERIFIER|TrustAllStrategy|TrustSelfSignedStrategy)\b/, message: `accept-all hostname or trust strategy: ${VERIFY_OFF}` },
  { rule: 'tls-verify-off', in: RUBY, pattern: /\bOpenSSL::SSL::VERIFY_NONE\b/, message: `VERIFY_NONE: ${VERIFY_OFF}` },
  { rule: 'tls-verify-off', in: PHP, pattern: /\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\s{0,3},\s{0,3}(?:false|0)\b/i, message: `curl verification off: ${VERIFY_OFF}` },
  { rule: 'tls-verify-off', pattern: /\bcurl\b[^|;&\n]{0,200}?\s(?:-[a-zA-Z]{0,8}k[a-zA-Z]{0,8}|--insecure)(?=\s|$|["'])|\bwget\b[^|;&\n]{0,200}?\s--no-check-certificate\b|\bGIT_SSL_NO_VERIFY\b|\bhttp\.sslVerify\s{1,3}false\b/, message: `curl or wget told to skip certificate checks: ${VERIFY_OFF}` },
];

const KEYWORDS = /:\/\/|sslmode|ssl|tls|NODE_TLS|rejectUnauthorized|verify|CERT_NONE|hostname|insecure|Trust|check-certificate/i;

function acceptsFile(file: CodeFile): boolean {
  return !file.isTest && file.kind !== 'data';
}

/** `no-plaintext-transport`: plaintext endpoints to non-local hosts and TLS turned off or unverified, in code, config and scripts (tests excluded). */
export const plaintextTransportRules: CodeRuleSet = {
  control: 'no-plaintext-transport',
  accepts: acceptsFile,
  keywords: KEYWORDS,
  scan(file, emit) {
    // A description that names these settings (a policy text, an error message) does not set them.
    matchLinePatterns(file, file.kind === 'template' ? [] : PATTERNS, emit, isProse);
    if (!PROJECT_METADATA.test(file.path)) plaintextEndpoints(file, emit);
  },
};

function plaintextEndpoints(file: ScannedFile, emit: (hit: HitInput) => void): void {
  if (!file.text.includes('://')) return;
  const quotedOnly = file.kind === 'source' || (JS as readonly string[]).includes(file.ext);
  forEachCodeLine(file, (line, lineNumber) => {
    if (!line.includes('://') || isProse(line) || DOCUMENT_LINE.test(line) || (file.kind === 'config' && DOCUMENT_KEY.test(line))) return;
    for (const match of line.matchAll(PLAINTEXT_URL)) {
      const before = line[(match.index ?? 0) - 1] ?? '';
      // In code, an endpoint is a string literal; a URL in prose (a trailing comment, a docstring) is not traffic.
      if (quotedOnly && !`'"\``.includes(before)) continue;
      if (quotedOnly && (match[1] ?? '').toLowerCase() === 'http' && !CONNECTION_CONTEXT.test(line)) continue;
      // A link (`href=`) is a page the reader may open, not a connection the program makes.
      if (/href\s{0,3}=\s{0,3}\{?["'`]?$/i.test(line.slice(Math.max(0, (match.index ?? 0) - 12), match.index))) continue;
      if (file.kind === 'template' && !/(?:src|action)\s{0,3}=\s{0,3}["']?$/i.test(line.slice(Math.max(0, (match.index ?? 0) - 12), match.index))) continue;
      const scheme = (match[1] ?? '').toLowerCase();
      const authority = (match[2] ?? '').split(/[/?#]/, 1)[0] ?? '';
      const host = hostOf(authority);
      if (isHarmlessHost(host) || IDENTIFIER_PATH.test((match[2] ?? '').slice(authority.length))) continue;
      const url = redactUrlCredentials(`${scheme}://${match[2] ?? ''}`);
      emit({
        line: lineNumber,
        rule: 'plaintext-endpoint',
        message: `${scheme}:// endpoint ${host} is not encrypted in transit: use ${secureScheme(scheme)}`,
        evidence: url.length > 80 ? `${url.slice(0, 80)}…` : url,
        key: `plaintext-endpoint:${scheme}://${host.toLowerCase()}`,
      });
    }
  });
}

function secureScheme(scheme: string): string {
  const secure: Record<string, string> = { http: 'https://', ws: 'wss://', ftp: 'sftp:// or ftps://', telnet: 'ssh', redis: 'rediss://', amqp: 'amqps://', mqtt: 'mqtts://', ldap: 'ldaps://' };
  return secure[scheme] ?? 'a TLS-protected connection';
}
