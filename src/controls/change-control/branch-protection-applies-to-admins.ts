import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { branchAddress, githubSettings } from '../../facts/change-control/github-settings.js';

export default defineControl({
  meta: {
    id: 'branch-protection-applies-to-admins',
    title: 'Administrators cannot bypass the default branch protection',
    domain: 'change-control',
    severity: 'high',
    rationale: 'A protection that administrators may skip protects against everyone except the accounts an attacker most wants to take over.',
    remediation: 'Enable "Do not allow bypassing the above settings" (enforce for administrators), or use a ruleset with an empty bypass list.',
    requires: 'github',
    facts: ['github-settings'],
  },
  async check({ facts }) {
    const settings = await facts(githubSettings);
    if (!settings.branchExists) return notApplicable(`${settings.defaultBranch} has no commits yet`);
    const classic = settings.classic.state === 'visible' ? settings.classic.value : undefined;
    if (classic?.enforce_admins?.enabled) return evaluated([], 'branch protection is enforced for administrators');
    const withoutBypass = settings.rulesets.find((ruleset) => ruleset.bypassActors !== undefined && ruleset.bypassActors.length === 0);
    if (withoutBypass) return evaluated([], `ruleset ${withoutBypass.name ?? withoutBypass.id} has no bypass actors`);
    const hiddenBypass = settings.rulesets.filter((ruleset) => ruleset.bypassActors === undefined);
    if (hiddenBypass.length > 0) return unknown(`who may bypass ruleset(s) ${hiddenBypass.map((ruleset) => ruleset.id).join(', ')} is not visible to this token (needs admin rights)`);
    if (settings.classic.state === 'unavailable') return unknown(settings.classic.reason);
    const protectedAtAll = classic !== undefined || settings.rulesets.length > 0;
    return evaluated([
      {
        message: protectedAtAll
          ? `administrators may bypass the protection of ${settings.defaultBranch}${settings.rulesets.length ? ' (every ruleset lists bypass actors)' : ''}`
          : `${settings.defaultBranch} is not protected at all`,
        resource: branchAddress(settings),
        key: protectedAtAll ? 'bypass' : 'unprotected',
      },
    ]);
  },
});
