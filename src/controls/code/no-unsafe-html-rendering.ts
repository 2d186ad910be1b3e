import { defineControl } from '../../engine/control.js';
import { codeScanFacts } from '../../facts/code/code-scan.js';
import { codeScanOutcome } from './code-scan-outcome.js';

export default defineControl({
  meta: {
    id: 'no-unsafe-html-rendering',
    title: 'No raw HTML rendering without escaping or a sanitiser',
    domain: 'code',
    severity: 'high',
    rationale: 'Rendering a value as HTML without escaping (mark_safe, |safe, autoescape off, dangerouslySetInnerHTML, v-html, innerHTML, html_safe, echo of request data) is how cross-site scripting gets in.',
    remediation: 'Let the template engine escape values; where markup is needed, build it with format_html/Markup or pass it through a sanitiser (DOMPurify.sanitize, sanitize-html, bleach) in the same expression or file.',
    facts: ['code-scan'],
  },
  async check({ facts }) {
    return codeScanOutcome(await facts(codeScanFacts), 'no-unsafe-html-rendering', 'first-party source and template files');
  },
});
