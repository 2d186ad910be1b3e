import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import { COMMENT_LINE, NOT_SOURCE, SOURCE_EXTENSIONS, TEST_FILE } from '../code/source-files.js';
import { isRecord } from '../../core/records.js';

export interface SourceHit {
  file: string;
  line: number;
  /** What was seen, e.g. `Sentry.init` or `sendDefaultPii: true`. */
  what: string;
}

export interface WebAppFacts {
  /** Web frameworks declared by manifests: `next`, `express`, `django`, `rails` … with the manifest that declares each. */
  frameworks: { name: string; manifest: string }[];
  /** Declared dependency names, all ecosystems together (lower case). */
  dependencies: Set<string>;
  privacyPolicies: string[];
  cookieConsent: SourceHit[];
  crashReporters: SourceHit[];
  /** Settings that send personal data to a crash reporter, or leave its default of sending it. */
  crashReporterPii: SourceHit[];
  /** Security-header middleware in use (helmet( …, Talisman(…). */
  securityHeaders: SourceHit[];
  /** CSRF protection switched off, or framework settings without it. */
  csrfDisabled: SourceHit[];
  csrfEnabled: SourceHit[];
  /** Django settings modules and the middleware they list. */
  djangoSettings: { file: string; line: number; middleware: string[] }[];
}

const WEB_FRAMEWORKS: Record<string, string> = {
  next: 'next',
  nuxt: 'nuxt',
  'react-dom': 'react',
  vue: 'vue',
  '@angular/core': 'angular',
  svelte: 'svelte',
  '@sveltejs/kit': 'sveltekit',
  gatsby: 'gatsby',
  '@remix-run/react': 'remix',
  astro: 'astro',
  express: 'express',
  fastify: 'fastify',
  koa: 'koa',
  '@nestjs/core': 'nestjs',
  '@hapi/hapi': 'hapi',
  django: 'django',
  flask: 'flask',
  rails: 'rails',
  'laravel/framework': 'laravel',
  'spring-boot-starter-web': 'spring',
};

/** Crash-reporter settings count only in files that load an SDK, so that a mention in other code is not mistaken for one. */
const SDK_IMPORT = /^\s*(import\s.*from\s+['"](@sentry\/|@bugsnag\/|rollbar['"])|.*require\(\s*['"](@sentry\/|@bugsnag\/|bugsnag['"]|rollbar['"])|import\s+(sentry_sdk|bugsnag|rollbar|io\.sentry|FirebaseCrashlytics|com\.google\.firebase\.crashlytics)|from\s+(sentry_sdk|bugsnag|rollbar)\s+import|require\s+['"](sentry|bugsnag|rollbar)|using\s+(Sentry|Bugsnag)|import\s+['"]package:(sentry|firebase_crashlytics))/m;

const PATTERNS: { kind: 'crashReporters' | 'crashReporterPii' | 'securityHeaders' | 'csrfDisabled' | 'csrfEnabled' | 'cookieConsent'; pattern: RegExp }[] = [
  { kind: 'crashReporters', pattern: /\b(Sentry\.init|sentry_sdk\.init|Raven\.config|Bugsnag\.(start|configure)|bugsnag\.configure|Rollbar\.init|new Rollbar\(|rollbar\.init|FirebaseCrashlytics|Crashlytics\.crashlytics)\b/ },
  { kind: 'crashReporterPii', pattern: /\b(sendDefaultPii\s*[:=]\s*true|send_default_pii\s*=\s*(True|true)|SendDefaultPii\s*=\s*true|setUserEmail\s*\(|setUserName\s*\(|captureIp\s*:\s*true|collectUserIp\s*:\s*true)/ },
  { kind: 'securityHeaders', pattern: /\b(helmet\s*\(|fastifyHelmet|@fastify\/helmet|Talisman\s*\(|SecureHeaders|secure_headers|Content-Security-Policy|X-Frame-Options)/ },
  { kind: 'csrfDisabled', pattern: /(csrf\(\)\s*\.disable\(\)|csrf\(\s*AbstractHttpConfigurer::disable\s*\)|csrf\s*\{\s*disable\(\)|skip_forgery_protection|skip_before_action\s+:verify_authenticity_token|default_protect_from_forgery\s*=\s*false|WTF_CSRF_ENABLED\s*=\s*False|@csrf_exempt)/ },
  { kind: 'csrfEnabled', pattern: /\b(CSRFProtect\s*\(|SeaSurf\s*\(|csurf|csrf-csrf|doubleCsrf|lusca\.csrf|protect_from_forgery\s+with:\s*:exception)/ },
  { kind: 'cookieConsent', pattern: /(cookie[ _-]?(consent|banner|notice)|cookieconsent|CookieConsent|cookiebot|cookielaw\.org|klaro|tarteaucitron|osano)/i },
];

/** Words at least one pattern needs: a file with none of them is passed over without splitting it into lines. */
const KEYWORDS = /sentry|bugsnag|rollbar|crashlytics|raven|pii|setuser|captureip|collectuserip|helmet|talisman|secureheaders|secure_headers|content-security-policy|x-frame-options|csrf|forgery|authenticity_token|seasurf|lusca|cookie|klaro|tarteaucitron|osano|middleware/i;

const CONSENT_PACKAGES = ['cookieconsent', 'vanilla-cookieconsent', 'react-cookie-consent', '@cookiehub/cookiehub', 'klaro', 'tarteaucitronjs', 'django-cookie-consent', 'cookies_eu', 'ngx-cookieconsent', 'vue-cookieconsent'];

/** What a web application declares and does about privacy notices, crash-report PII and request-forgery defences. */
export const webAppFacts = defineCollector<WebAppFacts>({
  id: 'web-apps',
  description: 'Web frameworks, crash reporters, security-header and CSRF middleware, privacy and cookie notices',
  collect({ repo }) {
    const facts: WebAppFacts = {
      frameworks: [],
      dependencies: new Set(),
      privacyPolicies: [],
      cookieConsent: [],
      crashReporters: [],
      crashReporterPii: [],
      securityHeaders: [],
      csrfDisabled: [],
      csrfEnabled: [],
      djangoSettings: [],
    };
    for (const { path: file } of repo.files) {
      if (NOT_SOURCE.test(file)) continue;
      const name = path.posix.basename(file);
      declaredDependencies(repo, file, name).forEach((dependency) => {
        facts.dependencies.add(dependency);
        const framework = WEB_FRAMEWORKS[dependency];
        if (framework && !facts.frameworks.some((entry) => entry.name === framework)) facts.frameworks.push({ name: framework, manifest: file });
      });
      if (/privacy/i.test(file) && !/\.(test|spec)\./.test(file)) facts.privacyPolicies.push(file);
      if (!SOURCE_EXTENSIONS.has(path.posix.extname(file)) || TEST_FILE.test(file)) continue;
      const text = repo.readTextOnce(file);
      if (text === undefined || !KEYWORDS.test(text)) continue;
      const lines = text.split('\n');
      const loadsSdk = SDK_IMPORT.test(text);
      lines.forEach((line, index) => {
        if (line.length > 2000 || COMMENT_LINE.test(line)) return;
        for (const { kind, pattern } of PATTERNS) {
          if ((kind === 'crashReporters' || kind === 'crashReporterPii') && !loadsSdk) continue;
          const match = pattern.exec(line);
          if (match) facts[kind].push({ file, line: index + 1, what: match[0] });
        }
      });
      if (/(^|\/)settings(\/[^/]+)?\.py$/.test(file) && text.includes('MIDDLEWARE')) {
        const at = lines.findIndex((line) => /^\s*MIDDLEWARE\s*=/.test(line));
        if (at !== -1) {
          const block = lines.slice(at, at + 60).join('\n');
          const end = block.indexOf(']');
          const middleware = [...block.slice(0, end === -1 ? undefined : end).matchAll(/['"]([\w.]+)['"]/g)].map((match) => match[1] ?? '');
          facts.djangoSettings.push({ file, line: at + 1, middleware });
        }
      }
    }
    for (const dependency of CONSENT_PACKAGES) {
      if (facts.dependencies.has(dependency)) facts.cookieConsent.push({ file: 'dependencies', line: 1, what: dependency });
    }
    return facts;
  },
});

function declaredDependencies(repo: Repository, file: string, name: string): string[] {
  if (name === 'package.json') {
    const manifest = repo.json(file)?.value;
    if (!isRecord(manifest)) return [];
    return ['dependencies', 'devDependencies', 'peerDependencies']
      .flatMap((section) => (isRecord(manifest[section]) ? Object.keys(manifest[section]) : []))
      .map((dependency) => dependency.toLowerCase());
  }
  if (/^requirements.*\.(txt|in)$/.test(name) || name === 'Pipfile' || name === 'pyproject.toml' || name === 'Gemfile' || name === 'pom.xml' || /^build\.gradle(\.kts)?$/.test(name) || name === 'composer.json') {
    const text = repo.readText(file) ?? '';
    const found: string[] = [];
    for (const candidate of ['django', 'flask', 'rails', 'laravel/framework', 'spring-boot-starter-web', 'sentry-sdk', 'django-cookie-consent', 'cookies_eu', 'flask-talisman', 'flask-wtf']) {
      const escaped = candidate.replace(/[/-]/g, (character) => `\\${character}`);
      if (new RegExp(`(^|[\\s"'<>:\\[])${escaped}($|[\\s"'<>=~!;,\\]\\[:])`, 'im').test(text)) found.push(candidate);
    }
    return found;
  }
  return [];
}
