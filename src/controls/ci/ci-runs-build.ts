import { defineControl, evaluated, notApplicable, unknown, type FindingInput } from '../../engine/control.js';
import { ciFacts } from '../../facts/ci/ci.js';
import { projectToolingFacts } from '../../facts/ci/project-tooling.js';
import { blindSpots, evidenceOf, jobAddress, jobsDoing, noCiFinding } from './ci-jobs.js';

export default defineControl({
  meta: {
    id: 'ci-runs-build',
    title: 'CI builds the project on every push and every pull request',
    domain: 'ci',
    severity: 'medium',
    rationale: 'Continuous integration means every change is built where everyone can see the result: a change that no longer builds is caught before merge, not by the next person or the release.',
    remediation: 'Run the build (npm run build, tsc, go build ./..., cargo build, mvn package, gradle assemble, docker build …) in a CI job triggered by both `push` and `pull_request` (merge requests on GitLab).',
    facts: ['ci', 'project-tooling'],
  },
  async check({ facts }) {
    const [ci, tooling] = await Promise.all([facts(ciFacts), facts(projectToolingFacts)]);
    if (tooling.languages.length === 0) return notApplicable('no source code in a language tenet recognises');
    if (ci.systems.length === 0) return evaluated([noCiFinding('builds the project')]);
    const buildJobs = jobsDoing(ci, 'build');
    const blind = blindSpots(ci);
    if (buildJobs.length === 0 && blind) return unknown(`no build command found in the CI configuration tenet can read; ${blind}`);
    if (buildJobs.length === 0) {
      return evaluated([{ message: `no CI job runs a build command (jobs: ${ci.jobs.map(jobAddress).slice(0, 10).join(', ') || 'none'})`, file: ci.systems[0]?.files[0], key: 'no-build' }]);
    }
    const findings: FindingInput[] = [];
    const first = buildJobs[0];
    for (const trigger of ['push', 'pull_request'] as const) {
      if (buildJobs.some((job) => job.triggers.includes(trigger))) continue;
      findings.push({
        message: `the build runs in ${buildJobs.map(jobAddress).slice(0, 5).join(', ')}, but never on ${trigger === 'push' ? 'push' : 'pull requests'} (triggers: ${[...new Set(buildJobs.flatMap((job) => job.triggers))].join(', ') || 'none'})`,
        file: first?.file,
        line: first?.line,
        resource: first ? jobAddress(first) : undefined,
        key: `missing-${trigger}`,
        ...(blind ? { outcome: 'unknown' as const, evidence: blind.slice(0, 200) } : {}),
      });
    }
    return evaluated(findings, findings.length === 0 ? buildJobs.slice(0, 3).map((job) => evidenceOf(job, 'build')).join('; ') : undefined);
  },
});
