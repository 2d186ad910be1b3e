import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { ciFacts, type CiJob } from '../../facts/ci/ci.js';
import { jobAddress, upstreamJob } from './ci-jobs.js';

export default defineControl({
  meta: {
    id: 'deploy-requires-passing-tests',
    title: 'Every deployment waits for the tests to pass',
    domain: 'ci',
    severity: 'high',
    rationale: 'A deployment that does not depend on the test job ships whatever was pushed, including changes that fail their tests; the gate only exists if the pipeline encodes it.',
    remediation: 'Make each deploy job depend on the test job: `needs: [test]` (GitHub Actions, GitLab), a later stage than the tests (GitLab, Azure, Travis build stages), `requires: [test]` (CircleCI), a Travis `deploy:` after a `script:` that runs the tests, or run the tests in the deploy job before the deploy step.',
    facts: ['ci'],
  },
  async check({ facts }) {
    const ci = await facts(ciFacts);
    const deploys = ci.jobs.filter(isDeployment);
    if (deploys.length === 0) return notApplicable('no CI job deploys');
    const findings: FindingInput[] = [];
    const reasons: string[] = [];
    for (const job of deploys) {
      if (testsBeforeDeployIn(job)) {
        reasons.push(`${jobAddress(job)} runs the tests before it deploys`);
        continue;
      }
      const { found: gate, blind } = upstreamJob(job, ci.jobs, (candidate) => candidate.kinds.includes('test'));
      if (gate) {
        reasons.push(`${jobAddress(job)} waits for ${jobAddress(gate)}`);
        continue;
      }
      const finding: FindingInput = {
        message: `${jobAddress(job)} deploys without waiting for a job that runs the tests${job.after?.length ? ` (it waits only for ${job.after.join(', ')})` : ''}`,
        file: job.file,
        line: job.line,
        resource: jobAddress(job),
        key: jobAddress(job),
      };
      if (blind.length > 0) Object.assign(finding, { outcome: 'unknown' as const, evidence: `it waits for ${blind.slice(0, 3).join(', ')}, whose steps tenet cannot read` });
      const suppressed = ci.waiver(job.file, 'deploy-requires-passing-tests', job.line);
      if (suppressed) finding.suppressed = suppressed;
      findings.push(finding);
    }
    return evaluated(findings, findings.length === 0 ? reasons.slice(0, 3).join('; ') : undefined);
  },
});

/** A job that deploys: a deploy command or action, or a deployment environment (not CircleCI contexts, which hold secrets for any job). */
function isDeployment(job: CiJob): boolean {
  return job.kinds.includes('deploy') || (job.environments.length > 0 && job.system !== 'circleci');
}

/**
 * Whether the job itself runs tests before its first deploy step. Travis runs `deploy:` only after a
 * successful `script:` phase; elsewhere the order of commands and steps in the file decides.
 */
function testsBeforeDeployIn(job: CiJob): boolean {
  const tests = job.commands.filter((command) => command.kinds.includes('test'));
  if (tests.length === 0) return false;
  if (job.system === 'travis') return true;
  let position = 0;
  const positions: { at: number; test: boolean; deploy: boolean }[] = [];
  for (const command of job.commands) {
    if (command.via === undefined && command.line !== undefined && command.file === job.file) position = command.line;
    positions.push({ at: position, test: command.kinds.includes('test'), deploy: command.kinds.includes('deploy') && command.via === undefined });
  }
  for (const use of job.uses) if (use.kinds.includes('deploy') && use.file === job.file) positions.push({ at: use.line ?? 0, test: false, deploy: true });
  const firstTest = Math.min(...positions.filter((entry) => entry.test).map((entry) => entry.at));
  const deploys = positions.filter((entry) => entry.deploy).map((entry) => entry.at);
  // Deployment by environment alone (no deploy step seen) is gated by tests anywhere in the job.
  return deploys.length === 0 || firstTest < Math.min(...deploys);
}
