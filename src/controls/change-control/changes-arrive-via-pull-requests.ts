import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { defaultBranchHistory } from '../../facts/change-control/default-branch-history.js';

export default defineControl({
  meta: {
    id: 'changes-arrive-via-pull-requests',
    title: 'Default-branch changes arrive through pull or merge requests',
    domain: 'change-control',
    severity: 'high',
    rationale: 'A change pushed straight to the default branch skips review and the checks that run on pull requests.',
    remediation: 'Merge every change through a pull request (merge, squash or rebase) and protect the default branch against direct pushes.',
    facts: ['default-branch-history'],
  },
  async check({ facts }) {
    const history = await facts(defaultBranchHistory);
    const judged = history.commits.filter((commit) => commit.sha !== history.rootCommit);
    if (judged.length === 0) return notApplicable(`no commits on ${history.branch} ${history.window} (the initial commit aside)`);
    const findings: FindingInput[] = judged
      .filter((commit) => commit.pullRequest === undefined)
      .map((commit) => ({
        message: `${commit.parents.length > 1 ? 'merge' : 'commit'} ${commit.sha.slice(0, 12)} "${commit.subject}" by ${commit.authorName} (${commit.authorDate.slice(0, 10)}) was pushed directly`,
        resource: `commit:${commit.sha.slice(0, 12)}`,
        key: commit.sha,
      }));
    if (history.shallowBoundary) {
      findings.push({ message: `shallow clone: commits before ${history.shallowBoundary.slice(0, 12)} in the window are missing`, key: 'shallow', outcome: 'unknown' });
    }
    const viaRequests = judged.length - findings.filter((finding) => finding.outcome !== 'unknown').length;
    return evaluated(findings, `${viaRequests} of ${judged.length} commits on ${history.branch} ${history.window} arrived through a pull or merge request`);
  },
});
