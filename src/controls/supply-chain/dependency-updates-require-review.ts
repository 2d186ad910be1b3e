import path from 'node:path';
import { defineControl, evaluated, FactsUnavailable, notApplicable, type CheckContext, type FindingInput, type ParamSpecs } from '../../engine/control.js';
import { botMergeWorkflows } from '../../facts/supply-chain/bot-merge-workflows.js';
import { defaultBranchChanges } from '../../facts/change-control/default-branch-changes.js';
import { defaultBranchHistory } from '../../facts/change-control/default-branch-history.js';
import { githubMergedChanges } from '../../facts/change-control/github-pull-reviews.js';
import { automergeSettings, dependencyUpdateSetup, LOCKFILES } from '../../facts/supply-chain/renovate-config.js';

export default defineControl({
  meta: {
    id: 'dependency-updates-require-review',
    title: 'Dependency updates are reviewed by a person before they merge',
    domain: 'supply-chain',
    severity: 'high',
    rationale: 'An auto-merged update ships whatever a compromised package publishes; review is the last point where a person can notice a suspicious release.',
    remediation: 'Turn off automerge in the Renovate config and remove workflows that auto-merge or auto-approve bot pull requests; let dependency updates go through reviewed pull requests like any change.',
    facts: ['dependency-update-setup', 'bot-merge-workflows', 'default-branch-history', 'default-branch-changes', 'github-merged-changes'],
  },
  async check(context) {
    const { facts, options } = context;
    const setup = await facts(dependencyUpdateSetup);
    const configs = setup.renovate;
    const findings: FindingInput[] = [];
    for (const config of configs) {
      if (config.problem) {
        findings.push({ message: `${config.file} could not be read (${config.problem}): automerge settings unknown`, file: config.file, key: `${config.file}:unreadable`, outcome: 'unknown' });
        continue;
      }
      for (const setting of automergeSettings(config.value)) {
        findings.push({ message: `Renovate merges updates without review: ${setting.what}`, file: config.file, line: config.lineOf(setting.path), key: `${config.file}:${setting.path.join('.')}` });
      }
    }
    for (const step of await facts(botMergeWorkflows)) {
      findings.push({ message: `job ${step.job} ${step.what}`, file: step.file, line: step.line, key: `${step.file}:${step.job}:${step.what}` });
    }
    if (configs.length === 0 && setup.dependabot.length === 0 && setup.lockfiles.length === 0 && findings.length === 0) {
      return notApplicable('no lockfiles, Renovate or Dependabot configuration');
    }
    const history = await lockfileCommits(context);
    findings.push(...history.findings);
    if (!options.github) history.notes.push('approvals of lockfile changes not checked (run with --github)');
    return evaluated(findings, [`${configs.length} Renovate config(s) and the GitHub workflows checked for automerge`, ...history.notes].join('; '));
  },
});

/** Lockfile-changing first-parent commits in the window: each must come through a pull request (approved, when the API is available). */
async function lockfileCommits({ facts, options }: CheckContext<ParamSpecs>): Promise<{ findings: FindingInput[]; notes: string[] }> {
  const findings: FindingInput[] = [];
  const notes: string[] = [];
  try {
    const history = await facts(defaultBranchHistory);
    const changes = await facts(defaultBranchChanges);
    const updates = history.commits.filter((commit) => commit.sha !== history.rootCommit && (changes.paths.get(commit.sha) ?? []).some((file) => LOCKFILES.has(path.posix.basename(file))));
    notes.push(`${updates.length} lockfile-changing commits on ${history.branch} ${history.window}`);
    for (const commit of updates.filter((entry) => entry.pullRequest === undefined)) {
      const short = commit.sha.slice(0, 12);
      findings.push({ message: `commit ${short} "${commit.subject}" changed a lockfile without a pull request`, resource: `commit:${short}`, key: commit.sha });
    }
    if (options.github && updates.length) {
      const merged = await facts(githubMergedChanges);
      const wanted = new Set(updates.filter((entry) => entry.pullRequest !== undefined).map((entry) => entry.sha));
      for (const change of merged.changes.filter((entry) => wanted.has(entry.commit.sha) && entry.pull && entry.pull.approvers.length === 0)) {
        const pull = change.pull;
        if (!pull) continue;
        findings.push({ message: `pull request #${pull.number} by ${pull.author} changed a lockfile and was merged without an approving review`, resource: `github:${merged.repository}/pull/${pull.number}`, key: `#${pull.number}` });
      }
    }
  } catch (error) {
    if (!(error instanceof FactsUnavailable)) throw error;
    findings.push({ message: `lockfile changes in the history could not be checked: ${error.message}`, key: 'history', outcome: 'unknown' });
  }
  return { findings, notes };
}
