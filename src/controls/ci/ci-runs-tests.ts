import { defineControl, evaluated, notApplicable, unknown, type FindingInput } from '../../engine/control.js';
import { ciFacts } from '../../facts/ci/ci.js';
import { projectToolingFacts } from '../../facts/ci/project-tooling.js';
import { blindSpots, evidenceOf, jobAddress, jobsDoing, noCiFinding } from './ci-jobs.js';

export default defineControl({
  meta: {
    id: 'ci-runs-tests',
    title: 'CI runs the tests on every push and every pull request',
    domain: 'ci',
    severity: 'high',
    rationale: 'Tests protect only the changes they run against: a pull request merged without a test run, or a push that skips them, can break or weaken the product unnoticed.',
    remediation: 'Run the test command (npm test, pytest, go test ./..., cargo test, mvn verify …) in a CI job triggered by both `push` and `pull_request` (merge requests on GitLab).',
    facts: ['ci', 'project-tooling'],
  },
  async check({ facts }) {
    const [ci, tooling] = await Promise.all([facts(ciFacts), facts(projectToolingFacts)]);
    if (tooling.languages.length === 0) return notApplicable('no source code in a language tenet recognises');
    if (ci.systems.length === 0) return evaluated([noCiFinding('runs the tests')]);
    const testJobs = jobsDoing(ci, 'test');
    const blind = blindSpots(ci);
    if (testJobs.length === 0 && blind) return unknown(`no test command found in the CI configuration tenet can read; ${blind}`);
    if (testJobs.length === 0) {
      return evaluated([{ message: `no CI job runs a test command (jobs: ${ci.jobs.map(jobAddress).join(', ') || 'none'})`, file: ci.systems[0]?.files[0], key: 'no-tests' }]);
    }
    const findings: FindingInput[] = [];
    const first = testJobs[0];
    for (const trigger of ['push', 'pull_request'] as const) {
      if (testJobs.some((job) => job.triggers.includes(trigger))) continue;
      findings.push({
        message: `tests run in ${testJobs.map(jobAddress).join(', ')}, but never on ${trigger === 'push' ? 'push' : 'pull requests'} (triggers: ${[...new Set(testJobs.flatMap((job) => job.triggers))].join(', ') || 'none'})`,
        file: first?.file,
        line: first?.line,
        resource: first ? jobAddress(first) : undefined,
        key: `missing-${trigger}`,
        ...(blind ? { outcome: 'unknown' as const, evidence: blind.slice(0, 200) } : {}),
      });
    }
    return evaluated(findings, findings.length === 0 ? testJobs.slice(0, 3).map((job) => evidenceOf(job, 'test')).join('; ') : undefined);
  },
});
