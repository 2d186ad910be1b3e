import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { webAppFacts } from '../../facts/docs/web-apps.js';

const USER_FACING = new Set(['next', 'nuxt', 'react', 'vue', 'angular', 'svelte', 'sveltekit', 'gatsby', 'remix', 'astro', 'django', 'flask', 'rails', 'laravel']);

export default defineControl({
  meta: {
    id: 'privacy-notice-present',
    title: 'A web application ships a privacy policy and a cookie consent notice',
    domain: 'docs',
    severity: 'medium',
    rationale:
      'People using a web application must be told what personal data it keeps and must be asked before non-essential cookies are set. ' +
      'The repository can show that a privacy page and a consent mechanism exist; whether their texts are adequate needs an attestation.',
    remediation: 'Add a privacy policy page (a route or document named privacy…) and a cookie consent banner (a consent library or component).',
    facts: ['web-apps'],
  },
  async check({ facts }) {
    const web = await facts(webAppFacts);
    const frameworks = web.frameworks.filter((framework) => USER_FACING.has(framework.name));
    if (frameworks.length === 0) return notApplicable('no user-facing web framework is declared');
    const manifest = frameworks[0]?.manifest;
    const findings = [];
    if (web.privacyPolicies.length === 0) {
      findings.push({ message: `a ${frameworks.map((f) => f.name).join('/')} application without a privacy policy page or document`, file: manifest, key: 'privacy-policy' });
    }
    if (web.cookieConsent.length === 0) {
      findings.push({ message: 'no cookie consent notice (no consent library, banner component or consent script)', file: manifest, key: 'cookie-consent' });
    }
    return evaluated(
      findings,
      findings.length === 0 ? `privacy policy: ${web.privacyPolicies[0] ?? ''}; consent: ${web.cookieConsent[0]?.what ?? ''}; partial: the texts need an attestation` : undefined,
    );
  },
});
