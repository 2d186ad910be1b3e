import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { githubSettings } from '../../facts/change-control/github-settings.js';

export default defineControl({
  meta: {
    id: 'repository-visibility-matches-policy',
    title: 'The repository is as visible as the policy says (private, internal or public)',
    domain: 'change-control',
    severity: 'high',
    rationale: 'Some policies keep source code confidential, others require it to be open; a repository with the wrong visibility breaks either promise.',
    remediation: 'Change the repository visibility in its settings, or correct the policy parameter if the policy allows it.',
    params: {
      visibility: { type: 'string', default: 'any', enum: ['any', 'private', 'internal', 'public', 'non-public'], description: 'The visibility the policy requires' },
    },
    requires: 'github',
    facts: ['github-settings'],
  },
  async check({ facts, params }) {
    if (params.visibility === 'any') return notApplicable('the policy in force requires no particular visibility');
    const settings = await facts(githubSettings);
    const matches = params.visibility === 'non-public' ? settings.visibility !== 'public' : settings.visibility === params.visibility;
    if (matches) return evaluated([], `${settings.repository} is ${settings.visibility}`);
    return evaluated([{ message: `${settings.repository} is ${settings.visibility}; the policy requires ${params.visibility}`, resource: `github:${settings.repository}`, key: settings.visibility }]);
  },
});
