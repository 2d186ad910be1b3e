import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { ciFacts } from '../../facts/ci/ci.js';
import { projectToolingFacts } from '../../facts/ci/project-tooling.js';
import { noCiFinding } from './ci-jobs.js';

export default defineControl({
  meta: {
    id: 'ci-configured',
    title: 'A CI system is configured',
    domain: 'ci',
    severity: 'medium',
    rationale: 'Without continuous integration, tests, linters and scanners run only when someone remembers, and every change reaches the default branch unchecked.',
    remediation: 'Add a CI pipeline (e.g. .github/workflows/ci.yml, .gitlab-ci.yml) that builds and tests every push and pull request.',
    facts: ['ci', 'project-tooling'],
  },
  async check({ facts }) {
    const [ci, tooling] = await Promise.all([facts(ciFacts), facts(projectToolingFacts)]);
    if (ci.systems.length === 0 && tooling.fileCount === 0) return notApplicable('the repository has no files');
    if (ci.systems.length === 0) return evaluated([noCiFinding('is checked automatically')]);
    return evaluated([], ci.systems.map((system) => `${system.system}: ${system.files.join(', ')}`).join('; '));
  },
});
