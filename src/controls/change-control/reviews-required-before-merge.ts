import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { branchAddress, githubSettings, invisibility, rulesOfType } from '../../facts/change-control/github-settings.js';

export default defineControl({
  meta: {
    id: 'reviews-required-before-merge',
    title: 'Merging into the default branch needs approving reviews, and new pushes dismiss old approvals',
    domain: 'change-control',
    severity: 'high',
    rationale: 'Review only protects when it is enforced, by enough people, and on the code that is actually merged: a push after approval must be reviewed again.',
    remediation: 'Require pull request reviews before merging with at least the required number of approvals, and dismiss stale approvals when new commits are pushed.',
    params: {
      approvals: { type: 'number', default: 1, minimum: 1, maximum: 10, description: 'Approving reviews required' },
      dismissStaleReviews: { type: 'boolean', default: true, description: 'Whether new commits must dismiss earlier approvals' },
    },
    requires: 'github',
    facts: ['github-settings'],
  },
  async check({ facts, params }) {
    const settings = await facts(githubSettings);
    if (!settings.branchExists) return notApplicable(`${settings.defaultBranch} has no commits yet`);
    const offers: { source: string; approvals: number; dismissStale: boolean }[] = [];
    const classicReviews = settings.classic.state === 'visible' ? settings.classic.value?.required_pull_request_reviews : undefined;
    if (classicReviews) {
      offers.push({ source: 'branch protection', approvals: classicReviews.required_approving_review_count ?? 0, dismissStale: classicReviews.dismiss_stale_reviews ?? false });
    }
    for (const rule of rulesOfType(settings, 'pull_request')) {
      offers.push({
        source: `ruleset ${rule.ruleset_id ?? ''}`.trim(),
        approvals: rule.parameters?.required_approving_review_count ?? 0,
        dismissStale: rule.parameters?.dismiss_stale_reviews_on_push ?? false,
      });
    }
    const enough = offers.find((offer) => offer.approvals >= params.approvals && (offer.dismissStale || !params.dismissStaleReviews));
    if (enough) return evaluated([], `${enough.source} requires ${enough.approvals} approval(s)${enough.dismissStale ? ' and dismisses stale ones' : ''}`);
    const hidden = invisibility(settings);
    if (hidden) return unknown(hidden);
    const best = offers.sort((a, b) => b.approvals - a.approvals)[0];
    const message = !best
      ? `${settings.defaultBranch} can be merged without any approving review (${params.approvals} required)`
      : best.approvals < params.approvals
        ? `${best.source} requires ${best.approvals} approval(s); the policy requires ${params.approvals}`
        : `${best.source} keeps approvals after new commits are pushed (stale reviews are not dismissed)`;
    return evaluated([{ message, resource: branchAddress(settings), key: `${best?.approvals ?? 0}/${String(best?.dismissStale ?? false)}` }]);
  },
});
