import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { ciFacts } from '../../facts/ci/ci.js';
import { projectToolingFacts } from '../../facts/ci/project-tooling.js';
import { blindSpots, evidenceOf, jobsDoing, noCiFinding } from './ci-jobs.js';

export default defineControl({
  meta: {
    id: 'sast-in-ci',
    title: 'A static application security testing tool runs in CI',
    domain: 'ci',
    severity: 'medium',
    rationale: 'Injection, unsafe deserialisation and similar flaws follow recognisable patterns; a SAST tool in CI finds them in every change instead of in an occasional audit.',
    remediation: 'Run CodeQL (github/codeql-action), Semgrep, Bandit (Python), gosec (Go), Brakeman (Rails), SonarQube/SonarCloud or Snyk Code in CI, or add eslint-plugin-security to an ESLint run in CI.',
    facts: ['ci', 'project-tooling'],
  },
  async check({ facts }) {
    const [ci, tooling] = await Promise.all([facts(ciFacts), facts(projectToolingFacts)]);
    if (tooling.languages.length === 0) return notApplicable('no source code in a language tenet recognises');
    if (ci.systems.length === 0) return evaluated([noCiFinding('runs static security analysis')]);
    const sast = jobsDoing(ci, 'sast');
    if (sast[0]) return evaluated([], evidenceOf(sast[0], 'sast'));
    const eslintInCi = ci.jobs.find((job) => job.commands.some((command) => /\beslint\b/.test(command.text)));
    if (tooling.eslintSecurityPlugins.length > 0 && eslintInCi) {
      return evaluated([], `${tooling.eslintSecurityPlugins.join(', ')} with ESLint run in CI (${evidenceOf(eslintInCi, 'lint')})`);
    }
    const blind = blindSpots(ci);
    if (blind) return unknown(`no static security analysis found in the CI configuration tenet can read; ${blind}`);
    return evaluated([{ message: 'no CI job runs a static security analysis tool (CodeQL, Semgrep, Bandit, gosec, Brakeman, SonarQube, Snyk Code, an ESLint security plugin …)', file: ci.systems[0]?.files[0], key: 'no-sast' }]);
  },
});
