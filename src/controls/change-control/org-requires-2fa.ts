import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { githubOwner } from '../../facts/change-control/github-access.js';

export default defineControl({
  meta: {
    id: 'org-requires-2fa',
    title: 'The owning GitHub organisation requires two-factor authentication',
    domain: 'change-control',
    severity: 'high',
    rationale: 'Every member account can push or approve; without a second factor, one phished password is enough to change the code.',
    remediation: "In the organisation's Settings → Authentication security, require two-factor authentication for everyone.",
    requires: 'github',
    facts: ['github-owner'],
  },
  async check({ facts }) {
    const owner = await facts(githubOwner);
    if (owner.type !== 'Organization') return notApplicable(`${owner.repository} belongs to the ${owner.type.toLowerCase()} account ${owner.login}, not an organisation`);
    const required = owner.twoFactorRequired;
    if (!required || required.state === 'unavailable') return unknown(required?.reason ?? `the two-factor requirement of ${owner.login} was not read`);
    if (required.value) return evaluated([], `${owner.login} requires two-factor authentication`);
    return evaluated([{ message: `organisation ${owner.login} does not require two-factor authentication`, resource: `github:${owner.login}`, key: owner.login }]);
  },
});
