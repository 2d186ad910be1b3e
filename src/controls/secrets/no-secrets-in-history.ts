import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { secretsInHistory } from '../../facts/secrets/secrets.js';

export default defineControl({
  meta: {
    id: 'no-secrets-in-history',
    title: 'No credentials anywhere in git history',
    domain: 'secrets',
    severity: 'critical',
    rationale:
      'Deleting a credential from the tree leaves it in every earlier commit, every branch and every clone; it stays usable by whoever reads history until it is revoked.',
    remediation:
      'Revoke and rotate each credential listed (rewriting history does not un-leak it). Then, if policy requires, purge it with git filter-repo and force-push every affected ref. Values that are not secrets: add their fingerprints to .tenetignore-secrets.',
    facts: ['secrets-in-history'],
  },
  async check({ facts }) {
    const history = await facts(secretsInHistory);
    if (!history.available) return notApplicable(history.reason ?? 'no git history');
    const scope = `${history.blobsScanned} blobs${history.since ? ` new since ${history.since}` : ''}${history.shallow ? ' (shallow clone: history before the graft is not scanned)' : ''}`;
    return evaluated(
      history.findings.map((secret) => {
        const origin = secret.commit ? `introduced in ${secret.commit.slice(0, 12)} by ${secret.author ?? '?'} on ${(secret.date ?? '').slice(0, 10)}` : 'introducing commit not found';
        const properties: Record<string, string> = { rule: secret.ruleId, inHead: String(secret.inHead) };
        if (secret.commit) properties.commit = secret.commit;
        if (secret.author) properties.author = secret.author;
        if (secret.date) properties.date = secret.date;
        return {
          message: `${secret.description} (${secret.ruleId}) ${origin}${secret.inHead ? ', still in HEAD' : ', no longer in HEAD'}`,
          file: secret.path,
          line: secret.line,
          fingerprint: secret.fingerprint,
          evidence: secret.redacted,
          properties,
          ...(secret.suppressed ? { suppressed: secret.suppressed } : {}),
        };
      }),
      scope,
    );
  },
});
