import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { codeScanFacts } from '../../facts/code/code-scan.js';
import { hitFinding } from './code-scan-outcome.js';

const ID = 'inline-suppressions-justified';

export default defineControl({
  meta: {
    id: ID,
    title: 'Inline security suppressions carry a written reason',
    domain: 'code',
    severity: 'medium',
    rationale: 'A suppression without a reason (nosec, nosemgrep, NOSONAR, eslint-disable of a security rule, checkov:skip, tfsec/trivy:ignore, kics-scan ignore, gitleaks:allow, pragma: allowlist secret, tenet:ignore) hides a finding from every later reviewer with nothing to check it against.',
    remediation: 'Write why the finding does not apply on the same comment: after the rule ids (nosec B602 -- only runs a constant command), after " -- " for eslint-disable, after the colon for checkov:skip=CKV_X:reason, in parentheses or after NOSONAR.',
    params: {
      minReasonLength: { type: 'number', default: 10, minimum: 1, description: 'Fewest characters (and at least two words) a written reason must have.' },
    },
    facts: ['code-scan'],
  },
  async check({ facts, params }) {
    const result = (await facts(codeScanFacts))[ID];
    if (!result || result.filesExamined === 0) return notApplicable('no source, configuration or IaC files to examine');
    const unjustified = result.hits.filter((hit) => !isReason(hit.detail ?? '', params.minReasonLength));
    return evaluated(
      unjustified.map((hit) => hitFinding(hit, `${hit.message} suppression without a written reason`)),
      `${result.hits.length} inline security suppression(s) in ${result.filesExamined} files`,
    );
  },
});

function isReason(text: string, minLength: number): boolean {
  const words = text.match(/[A-Za-z\u00C0-\u024F]{2,}/g) ?? [];
  return text.length >= minLength && words.length >= 2;
}
