import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { secretsInTree } from '../../facts/secrets/secrets.js';

export default defineControl({
  meta: {
    id: 'no-secrets-in-tree',
    title: 'No credentials in the working tree',
    domain: 'secrets',
    severity: 'critical',
    rationale:
      'A credential in a repository is readable by everyone who can clone it, in every fork and backup, for as long as the credential lives; attackers scan public and leaked repositories for them within minutes.',
    remediation:
      'Revoke and rotate the credential first, then remove it and load it from a secret store or the environment. A value that is not a secret: add a `tenet:allow` comment on its line, or its fingerprint to .tenetignore-secrets.',
    facts: ['secrets-in-tree'],
  },
  async check({ facts }) {
    const tree = await facts(secretsInTree);
    if (tree.filesScanned === 0) return notApplicable('no text files to scan');
    return evaluated(
      tree.findings.map((secret) => ({
        message: `${secret.description} (${secret.ruleId})`,
        file: secret.file,
        line: secret.line,
        fingerprint: secret.fingerprint,
        evidence: secret.redacted,
        properties: { rule: secret.ruleId },
        ...(secret.suppressed ? { suppressed: secret.suppressed } : {}),
      })),
      `${tree.filesScanned} files, ${tree.rules} rule${tree.rules === 1 ? "" : "s"}`,
    );
  },
});
