import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { githubMergedChanges, MAX_COMMITS } from '../../facts/change-control/github-pull-reviews.js';

export default defineControl({
  meta: {
    id: 'merged-changes-reviewed',
    title: 'Every change merged into the default branch was approved by someone other than its author',
    domain: 'change-control',
    severity: 'high',
    rationale: 'Settings say what should happen; the record of merged pull requests shows whether reviews actually took place, including merges by admins who bypass the rules.',
    remediation: 'Merge only through pull requests approved by the required number of reviewers other than the author, and do not let admins bypass the requirement.',
    params: {
      approvals: { type: 'number', default: 1, minimum: 1, maximum: 10, description: 'Distinct approving reviewers (other than the author) each merged pull request needs' },
    },
    requires: 'github',
    facts: ['default-branch-history', 'github-settings', 'github-merged-changes'],
  },
  async check({ facts, params }) {
    const merged = await facts(githubMergedChanges);
    if (merged.changes.length === 0) return notApplicable(`no commits on ${merged.branch} ${merged.window} (the initial commit aside)`);
    const findings: FindingInput[] = [];
    const judgedPulls = new Set<number>();
    let approved = 0;
    for (const { commit, pull, problem } of merged.changes) {
      const short = commit.sha.slice(0, 12);
      if (problem) {
        findings.push({ message: `commit ${short} "${commit.subject}" could not be looked up: ${problem}`, resource: `commit:${short}`, key: commit.sha, outcome: 'unknown' });
      } else if (!pull) {
        findings.push({
          message: `commit ${short} "${commit.subject}" by ${commit.authorName} (${commit.authorDate.slice(0, 10)}) did not come through a merged pull request, so no review is recorded`,
          resource: `commit:${short}`,
          key: commit.sha,
        });
      } else if (!judgedPulls.has(pull.number)) {
        judgedPulls.add(pull.number);
        const resource = `github:${merged.repository}/pull/${pull.number}`;
        if (pull.approvers.length >= params.approvals) approved++;
        else if (!pull.reviewsComplete) findings.push({ message: `pull request #${pull.number} has more reviews than were read`, resource, key: `#${pull.number}`, outcome: 'unknown' });
        else {
          const who = pull.approvers.length ? ` (${pull.approvers.join(', ')})` : '';
          findings.push({
            message: `pull request #${pull.number} by ${pull.author} was merged ${pull.mergedAt.slice(0, 10)} with ${pull.approvers.length} approval(s) from others${who}; ${params.approvals} required`,
            resource,
            key: `#${pull.number}`,
          });
        }
      }
    }
    if (merged.skipped) findings.push({ message: `only the newest ${MAX_COMMITS} commits were looked up; ${merged.skipped} older ones in the window were not`, key: 'skipped', outcome: 'unknown' });
    if (merged.shallowBoundary) {
      findings.push({ message: `shallow clone: commits before ${merged.shallowBoundary.slice(0, 12)} in the window are missing`, key: 'shallow', outcome: 'unknown' });
    }
    return evaluated(findings, `${approved} of ${judgedPulls.size} pull requests merged into ${merged.branch} ${merged.window} had ${params.approvals}+ approval(s) from others; ${merged.changes.length} commits looked up`);
  },
});
