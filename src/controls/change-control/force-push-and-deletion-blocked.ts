import { defineControl, evaluated, notApplicable, unknown, type FindingInput } from '../../engine/control.js';
import { branchAddress, githubSettings, rulesOfType } from '../../facts/change-control/github-settings.js';

export default defineControl({
  meta: {
    id: 'force-push-and-deletion-blocked',
    title: 'The default branch cannot be force-pushed or deleted',
    domain: 'change-control',
    severity: 'high',
    rationale: 'A force push rewrites reviewed history and a deletion removes it; either erases the record that change control depends on.',
    remediation: 'Leave "Allow force pushes" and "Allow deletions" off in branch protection, or add the "Block force pushes" and "Restrict deletions" rules to a ruleset.',
    requires: 'github',
    facts: ['github-settings'],
  },
  async check({ facts }) {
    const settings = await facts(githubSettings);
    if (!settings.branchExists) return notApplicable(`${settings.defaultBranch} has no commits yet`);
    const classic = settings.classic.state === 'visible' ? settings.classic.value : undefined;
    const blocked = {
      'force pushes': (classic !== undefined && !classic.allow_force_pushes?.enabled) || rulesOfType(settings, 'non_fast_forward').length > 0,
      deletion: (classic !== undefined && !classic.allow_deletions?.enabled) || rulesOfType(settings, 'deletion').length > 0,
    };
    const open = Object.entries(blocked).filter(([, isBlocked]) => !isBlocked).map(([what]) => what);
    if (open.length === 0) return evaluated([], 'force pushes and deletion are blocked');
    if (settings.classic.state === 'unavailable') return unknown(settings.classic.reason);
    if (settings.rules.state === 'unavailable') return unknown(settings.rules.reason);
    const findings: FindingInput[] = open.map((what) => ({ message: `${what} of ${settings.defaultBranch} ${what === 'deletion' ? 'is' : 'are'} allowed`, resource: branchAddress(settings), key: what }));
    return evaluated(findings);
  },
});
