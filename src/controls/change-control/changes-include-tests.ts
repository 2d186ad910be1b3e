import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { classifyPath } from '../../facts/change-control/change-paths.js';
import { defaultBranchChanges } from '../../facts/change-control/default-branch-changes.js';
import { defaultBranchHistory } from '../../facts/change-control/default-branch-history.js';

export default defineControl({
  meta: {
    id: 'changes-include-tests',
    title: 'Changes to source code come with changes to tests',
    domain: 'change-control',
    severity: 'low',
    rationale: 'Code that changes without its tests changing is either untested or tested by tests nobody updated; either way the change is unverified.',
    remediation: 'Add or update tests in the same pull request as the code they cover.',
    params: {
      minimumPercent: { type: 'number', default: 80, minimum: 0, maximum: 100, description: 'Share of source-changing commits that must also change tests' },
    },
    facts: ['default-branch-history', 'default-branch-changes'],
  },
  async check({ facts, params }) {
    const history = await facts(defaultBranchHistory);
    const changes = await facts(defaultBranchChanges);
    const sourceChanges = history.commits.flatMap((commit) => {
      const paths = changes.paths.get(commit.sha);
      if (!paths) return [];
      const kinds = new Set(paths.map(classifyPath));
      return kinds.has('source') ? [{ commit, withTests: kinds.has('test'), sources: paths.filter((file) => classifyPath(file) === 'source') }] : [];
    });
    if (sourceChanges.length === 0) return notApplicable(`no commit on ${history.branch} ${history.window} changed source files`);
    const withTests = sourceChanges.filter((change) => change.withTests).length;
    const percent = (withTests / sourceChanges.length) * 100;
    const findings: FindingInput[] = [];
    if (percent < params.minimumPercent) {
      for (const { commit, sources } of sourceChanges.filter((change) => !change.withTests)) {
        const short = commit.sha.slice(0, 12);
        findings.push({
          message: `${commit.parents.length > 1 ? 'merge' : 'commit'} ${short} "${commit.subject}" changes ${sources.length} source file(s) (${sources.slice(0, 3).join(', ')}${sources.length > 3 ? ', …' : ''}) and no test`,
          resource: `commit:${short}`,
          key: commit.sha,
        });
      }
    }
    if (history.shallowBoundary) {
      findings.push({ message: `shallow clone: commits before ${history.shallowBoundary.slice(0, 12)} in the window are missing`, key: 'shallow', outcome: 'unknown' });
    }
    return evaluated(
      findings,
      `${withTests} of ${sourceChanges.length} source-changing commits on ${history.branch} ${history.window} also change tests (${percent.toFixed(0)}%, ${params.minimumPercent}% required)`,
    );
  },
});
