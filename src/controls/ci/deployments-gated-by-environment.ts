import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { ciFacts, type CiJob } from '../../facts/ci/ci.js';
import { jobAddress } from './ci-jobs.js';

const ID = 'deployments-gated-by-environment';

/** A job that deploys: runs a deployment command or action, or is named for deploying and publishes no package. */
function deploys(job: CiJob): boolean {
  return job.kinds.includes('deploy') || (/deploy/i.test(`${job.id} ${job.name ?? ''}`) && !job.kinds.includes('publish'));
}

/** The reusable workflow a GitHub job calls: the called workflow's jobs carry the environments. */
function calledWorkflow(job: CiJob): string | undefined {
  return job.uses.find((use) => use.kind === 'action' && /\.ya?ml(@|$)/.test(use.ref))?.ref;
}

export default defineControl({
  meta: {
    id: ID,
    title: 'Deploy jobs target named environments',
    domain: 'ci',
    severity: 'medium',
    rationale: 'A named environment (GitHub/GitLab/Azure environments, Bitbucket deployments) scopes the deployment secrets to that job and lets the platform require approvals and branch rules before production changes.',
    remediation: 'Give every deploy job its environment (`environment: production` in GitHub Actions and GitLab, a `deployment` job with `environment:` in Azure, `deployment:` in Bitbucket, a restricted context plus an approval job in CircleCI, an `input` step in Jenkins) and protect production with required reviewers.',
    facts: ['ci'],
  },
  async check({ facts }) {
    const ci = await facts(ciFacts);
    const jobs = ci.jobs.filter(deploys);
    if (jobs.length === 0) return notApplicable('no CI job deploys');
    const findings: FindingInput[] = [];
    for (const job of jobs.filter((entry) => entry.environments.length === 0 && !entry.approval)) {
      const called = calledWorkflow(job);
      // A local reusable workflow's own jobs are judged in their own right.
      if (called?.startsWith('./')) continue;
      const suppressed = ci.waiver(job.file, ID, job.line);
      findings.push({
        ...(suppressed ? { suppressed } : {}),
        message: called
          ? `deploy job ${jobAddress(job)} calls ${called}, whose environments tenet cannot see`
          : `deploy job ${jobAddress(job)} names no environment and needs no approval`,
        file: job.file,
        line: job.line,
        resource: jobAddress(job),
        key: job.id,
        ...(called ? { outcome: 'unknown' as const } : {}),
      });
    }
    const gated = jobs.filter((job) => job.environments.length > 0 || job.approval);
    return evaluated(findings, findings.length === 0 ? gated.map((job) => `${jobAddress(job)} → ${job.environments.join(', ') || 'approval'}`).join('; ') : undefined);
  },
});
