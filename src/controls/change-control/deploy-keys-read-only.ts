import { defineControl, evaluated, notApplicable, unknown, type FindingInput } from '../../engine/control.js';
import { githubDeployKeys } from '../../facts/change-control/github-access.js';

export default defineControl({
  meta: {
    id: 'deploy-keys-read-only',
    title: 'Every deploy key on the repository is read-only',
    domain: 'change-control',
    severity: 'high',
    rationale: 'A deploy key with write access pushes as nobody in particular, outside review and branch rules that bind people; stolen from a server, it rewrites the repository.',
    remediation: 'Recreate write-enabled deploy keys as read-only; for automation that must push, use a GitHub App or a bot account bound by branch protection.',
    requires: 'github',
    facts: ['github-deploy-keys'],
  },
  async check({ facts }) {
    const { repository, keys, complete } = await facts(githubDeployKeys);
    if (keys.state === 'unavailable') return unknown(keys.reason);
    if (keys.value.length === 0) return notApplicable(`${repository} has no deploy keys`);
    const findings: FindingInput[] = keys.value
      .filter((key) => !key.readOnly)
      .map((key) => ({
        message: `deploy key ${key.id} "${key.title}" can write to ${repository}`,
        resource: `github:${repository}/keys/${key.id}`,
        key: String(key.id),
        properties: { title: key.title, ...(key.lastUsed ? { lastUsed: key.lastUsed } : {}) },
      }));
    if (!complete) findings.push({ message: 'more deploy keys exist than were read (pagination limit)', key: 'incomplete', outcome: 'unknown' });
    return evaluated(findings, `${keys.value.filter((key) => key.readOnly).length} of ${keys.value.length} deploy keys are read-only`);
  },
});
