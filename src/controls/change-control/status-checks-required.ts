import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { branchAddress, githubSettings, rulesOfType } from '../../facts/change-control/github-settings.js';

export default defineControl({
  meta: {
    id: 'status-checks-required',
    title: 'CI status checks must pass before merging into the default branch',
    domain: 'change-control',
    severity: 'high',
    rationale: 'Tests that run but do not block merging are advice; required status checks make a red build stop the change.',
    remediation: 'Require status checks to pass before merging, naming the CI jobs that must succeed (branch protection or a ruleset rule).',
    requires: 'github',
    facts: ['github-settings'],
  },
  async check({ facts }) {
    const settings = await facts(githubSettings);
    if (!settings.branchExists) return notApplicable(`${settings.defaultBranch} has no commits yet`);
    const classic = settings.classic.state === 'visible' ? settings.classic.value : undefined;
    const required = new Set<string>([
      ...(classic?.required_status_checks?.contexts ?? []),
      ...(classic?.required_status_checks?.checks ?? []).map((check) => check.context),
      ...rulesOfType(settings, 'required_status_checks').flatMap((rule) => (rule.parameters?.required_status_checks ?? []).map((check) => check.context)),
    ]);
    if (required.size > 0) return evaluated([], `required checks: ${[...required].join(', ')}`);
    if (settings.classic.state === 'unavailable') return unknown(settings.classic.reason);
    if (settings.rules.state === 'unavailable') return unknown(settings.rules.reason);
    return evaluated([{ message: `no status check is required before merging into ${settings.defaultBranch}`, resource: branchAddress(settings), key: 'none' }]);
  },
});
