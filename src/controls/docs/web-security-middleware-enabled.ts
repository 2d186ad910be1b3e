import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { webAppFacts } from '../../facts/docs/web-apps.js';

const NODE_SERVERS = new Set(['express', 'fastify', 'koa', 'nestjs', 'hapi']);
const HEADER_PACKAGES = ['helmet', '@fastify/helmet', 'koa-helmet', 'blankie', 'next-secure-headers', '@next-safe/middleware'];
const DJANGO_REQUIRED = ['django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.security.SecurityMiddleware'];

export default defineControl({
  meta: {
    id: 'web-security-middleware-enabled',
    title: 'Web frameworks keep CSRF protection and security headers on',
    domain: 'docs',
    severity: 'high',
    rationale:
      'Cross-site request forgery and missing security headers (CSP, frame options, HSTS) are among the most common web weaknesses; frameworks prevent them when their protections stay on. ' +
      'Detection covers the framework settings in the repository; custom protections need review.',
    remediation:
      'Node servers: use helmet (or the framework equivalent). Django: keep CsrfViewMiddleware and SecurityMiddleware in MIDDLEWARE. Flask: CSRFProtect and Talisman. ' +
      'Rails: do not skip verify_authenticity_token. Spring Security: do not disable csrf(). Next.js: set security headers in next.config.',
    facts: ['web-apps'],
  },
  async check({ facts }) {
    const web = await facts(webAppFacts);
    const names = new Set(web.frameworks.map((framework) => framework.name));
    const manifestOf = (name: string): string | undefined => web.frameworks.find((framework) => framework.name === name)?.manifest;
    const applicable = [...names].filter((name) => NODE_SERVERS.has(name) || ['django', 'flask', 'rails', 'spring', 'next'].includes(name));
    if (applicable.length === 0) return notApplicable('no server-side web framework whose protections tenet knows is declared');
    const findings: FindingInput[] = [];
    const hasHeaders = web.securityHeaders.length > 0 || HEADER_PACKAGES.some((name) => web.dependencies.has(name)) || web.dependencies.has('flask-talisman');

    for (const name of applicable.filter((entry) => NODE_SERVERS.has(entry) || entry === 'next')) {
      if (!hasHeaders) findings.push({ message: `${name} application without security headers (helmet or equivalent)`, file: manifestOf(name), key: `${name}-headers` });
    }
    if (names.has('django')) {
      if (web.djangoSettings.length === 0) {
        findings.push({ message: 'Django settings with a MIDDLEWARE list were not found', file: manifestOf('django'), key: 'django-settings', outcome: 'unknown' });
      }
      for (const settings of web.djangoSettings) {
        for (const required of DJANGO_REQUIRED.filter((entry) => !settings.middleware.includes(entry))) {
          findings.push({ message: `MIDDLEWARE lacks ${required}`, file: settings.file, line: settings.line, key: required });
        }
      }
    }
    if (names.has('flask')) {
      if (!web.dependencies.has('flask-wtf') && !web.csrfEnabled.some((hit) => /CSRFProtect|SeaSurf/.test(hit.what))) {
        findings.push({ message: 'Flask application without CSRF protection (CSRFProtect or SeaSurf)', file: manifestOf('flask'), key: 'flask-csrf' });
      }
      if (!hasHeaders) findings.push({ message: 'Flask application without security headers (Talisman)', file: manifestOf('flask'), key: 'flask-headers' });
    }
    for (const hit of web.csrfDisabled) {
      findings.push({ message: `CSRF protection switched off: ${hit.what}`, file: hit.file, line: hit.line, key: hit.what });
    }
    return evaluated(findings, findings.length === 0 ? `frameworks: ${applicable.join(', ')}; partial: custom protections need review` : undefined);
  },
});
