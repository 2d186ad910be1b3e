import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { ciFacts } from '../../facts/ci/ci.js';
import { projectToolingFacts } from '../../facts/ci/project-tooling.js';
import { blindSpots, evidenceOf, jobAddress, jobsDoing, noCiFinding } from './ci-jobs.js';

export default defineControl({
  meta: {
    id: 'ci-runs-lint',
    title: 'CI runs a linter',
    domain: 'ci',
    severity: 'low',
    rationale: 'A linter configured but never run in CI is advice, not a rule: only a CI run makes every change meet it before merge.',
    remediation: 'Add a lint step to CI (eslint ., ruff check, golangci-lint run, cargo clippy, rubocop, mvn checkstyle:check …), directly or through a `lint` script or make target.',
    facts: ['ci', 'project-tooling'],
  },
  async check({ facts }) {
    const [ci, tooling] = await Promise.all([facts(ciFacts), facts(projectToolingFacts)]);
    if (tooling.languages.length === 0) return notApplicable('no source code in a language tenet recognises');
    if (ci.systems.length === 0) return evaluated([noCiFinding('runs a linter')]);
    const lintJobs = jobsDoing(ci, 'lint');
    const blind = blindSpots(ci);
    if (lintJobs.length === 0 && blind) return unknown(`no linter found in the CI configuration tenet can read; ${blind}`);
    if (lintJobs.length === 0) {
      return evaluated([{ message: `no CI job runs a linter (jobs: ${ci.jobs.map(jobAddress).join(', ') || 'none'})`, file: ci.systems[0]?.files[0], key: 'no-lint' }]);
    }
    return evaluated([], lintJobs.slice(0, 3).map((job) => evidenceOf(job, 'lint')).join('; '));
  },
});
