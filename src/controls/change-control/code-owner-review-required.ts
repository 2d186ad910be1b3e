import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { branchAddress, githubSettings, invisibility, rulesOfType } from '../../facts/change-control/github-settings.js';

export default defineControl({
  meta: {
    id: 'code-owner-review-required',
    title: 'Merging into the default branch needs a review by the code owners',
    domain: 'change-control',
    severity: 'medium',
    rationale: 'CODEOWNERS only names who should review; unless the branch requires their review, any approver can merge changes to code they do not own.',
    remediation: 'Enable "Require review from Code Owners" in the branch protection or in a ruleset\'s pull request rule for the default branch.',
    requires: 'github',
    facts: ['github-settings'],
  },
  async check({ facts }) {
    const settings = await facts(githubSettings);
    if (!settings.branchExists) return notApplicable(`${settings.defaultBranch} has no commits yet`);
    const classic = settings.classic.state === 'visible' ? settings.classic.value?.required_pull_request_reviews : undefined;
    if (classic?.require_code_owner_reviews) return evaluated([], 'branch protection requires review from code owners');
    const rule = rulesOfType(settings, 'pull_request').find((candidate) => candidate.parameters?.require_code_owner_review === true);
    if (rule) return evaluated([], `ruleset ${rule.ruleset_id ?? '(unnumbered)'} requires review from code owners`);
    const hidden = invisibility(settings);
    if (hidden) return unknown(hidden);
    return evaluated([{ message: `${settings.defaultBranch} can be merged without a code owner's review`, resource: branchAddress(settings), key: 'code-owner-review' }]);
  },
});
