import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { projectDocuments } from '../../facts/docs/project-documents.js';

export default defineControl({
  meta: {
    id: 'security-policy-present',
    title: 'A security policy tells reporters how to reach the maintainers',
    domain: 'docs',
    severity: 'medium',
    rationale: 'Someone who finds a vulnerability needs a private way to report it; without one, reports arrive as public issues or not at all.',
    remediation: 'Add SECURITY.md (at the root, in .github/ or docs/) naming a reporting contact: a security e-mail address or the private vulnerability reporting link.',
    facts: ['project-documents'],
  },
  async check({ facts }) {
    const { fileCount, securityPolicies } = await facts(projectDocuments);
    if (fileCount === 0) return notApplicable('the repository has no files');
    const withContact = securityPolicies.filter((policy) => policy.contacts.length > 0);
    if (withContact.length > 0) {
      return evaluated([], withContact.map((policy) => `${policy.file} names ${policy.contacts.length} reporting contact(s)`).join('; '));
    }
    if (securityPolicies.length === 0) {
      return evaluated([{ message: 'no SECURITY.md at the root, in .github/ or in docs/', key: 'missing' }]);
    }
    return evaluated(
      securityPolicies.map((policy) => ({
        message: `${policy.file} names no way to report a vulnerability (an e-mail address or a reporting URL)`,
        file: policy.file,
        line: 1,
        key: 'no-contact',
      })),
    );
  },
});
