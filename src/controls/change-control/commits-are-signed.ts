import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { defaultBranchHistory, type HistoryCommit } from '../../facts/change-control/default-branch-history.js';

// 'U' is a valid signature by a key nobody vouched for: it proves nothing about the author.
const GOOD = new Set(['G']);
const BAD: Record<string, string> = { B: 'a bad signature', R: 'a signature by a revoked key', X: 'an expired signature', Y: 'a signature by an expired key' };

export default defineControl({
  meta: {
    id: 'commits-are-signed',
    title: 'Default-branch commits carry a GPG, SSH or S/MIME signature',
    domain: 'change-control',
    severity: 'medium',
    rationale: 'A signature ties a commit to a key its author holds; without it, anyone who can push can write history under any name.',
    remediation: 'Sign commits (git config commit.gpgsign true, with gpg.format ssh or openpgp) and require signed commits on the default branch.',
    params: {
      minimumPercent: { type: 'number', default: 100, minimum: 0, maximum: 100, description: 'Share of commits in the window that must be signed' },
    },
    facts: ['default-branch-history'],
  },
  async check({ facts, params }) {
    const history = await facts(defaultBranchHistory);
    if (history.commits.length === 0) return notApplicable(`no commits on ${history.branch} ${history.window}`);
    const isSigned = (commit: HistoryCommit): boolean =>
      commit.signature !== undefined && (!history.verified || GOOD.has(commit.verification ?? ''));
    const signed = history.commits.filter(isSigned).length;
    const percent = (signed / history.commits.length) * 100;
    const findings: FindingInput[] = [];
    if (percent < params.minimumPercent) {
      for (const commit of history.commits.filter((entry) => !isSigned(entry))) {
        const problem = commit.signature === undefined ? 'is not signed' : history.verified && BAD[commit.verification ?? ''] ? `has ${BAD[commit.verification ?? '']}` : undefined;
        const short = commit.sha.slice(0, 12);
        findings.push(
          problem
            ? { message: `commit ${short} "${commit.subject}" by ${commit.authorName} (${commit.authorDate.slice(0, 10)}) ${problem}`, key: commit.sha, resource: `commit:${short}` }
            : { message: `commit ${short}'s ${commit.signature ?? ''} signature could not be checked (no trusted key for it)`, key: commit.sha, resource: `commit:${short}`, outcome: 'unknown' },
        );
      }
    }
    if (history.shallowBoundary) {
      findings.push({ message: `shallow clone: commits before ${history.shallowBoundary.slice(0, 12)} in the window are missing`, key: 'shallow', outcome: 'unknown' });
    }
    const summary = `${signed} of ${history.commits.length} commits on ${history.branch} ${history.window} are signed${history.verified ? ' and verified' : ''} (${percent.toFixed(0)}%, ${params.minimumPercent}% required)`;
    return evaluated(findings, summary);
  },
});
