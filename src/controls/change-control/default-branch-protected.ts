import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { branchAddress, githubSettings, invisibility } from '../../facts/change-control/github-settings.js';

export default defineControl({
  meta: {
    id: 'default-branch-protected',
    title: 'The default branch is protected by branch protection or a ruleset',
    domain: 'change-control',
    severity: 'high',
    rationale: 'An unprotected default branch accepts any push from anyone with write access: no review, no checks, history rewritable.',
    remediation: 'Protect the default branch in the repository settings (Branches → branch protection rule, or Rules → a ruleset targeting the default branch).',
    requires: 'github',
    facts: ['github-settings'],
  },
  async check({ facts }) {
    const settings = await facts(githubSettings);
    if (!settings.branchExists) return notApplicable(`${settings.defaultBranch} has no commits yet`);
    const sources: string[] = [];
    if (settings.classic.state === 'visible' && settings.classic.value) sources.push('classic branch protection');
    if (settings.rules.state === 'visible' && settings.rules.value.length > 0) sources.push(`${settings.rules.value.length} ruleset rule(s)`);
    if (sources.length > 0) return evaluated([], `${settings.defaultBranch} is protected by ${sources.join(' and ')}`);
    const hidden = invisibility(settings);
    if (hidden) return unknown(hidden);
    return evaluated([{ message: `${settings.defaultBranch} has neither branch protection nor a ruleset`, resource: branchAddress(settings), key: 'unprotected' }]);
  },
});
