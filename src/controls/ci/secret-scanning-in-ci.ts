import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { ciFacts } from '../../facts/ci/ci.js';
import { projectToolingFacts } from '../../facts/ci/project-tooling.js';
import { blindSpots, evidenceOf, jobsDoing } from './ci-jobs.js';

export default defineControl({
  meta: {
    id: 'secret-scanning-in-ci',
    title: 'A secret scanner runs in CI or before each commit',
    domain: 'ci',
    severity: 'medium',
    rationale: 'A credential pushed once stays in history and in every clone; a scanner in CI or a pre-commit hook stops it before it spreads.',
    remediation: 'Run gitleaks, TruffleHog, detect-secrets, ggshield, secretlint or `tenet scan` in CI, or add one as a pre-commit hook (.pre-commit-config.yaml, husky, lefthook).',
    facts: ['ci', 'project-tooling'],
  },
  async check({ facts }) {
    const [ci, tooling] = await Promise.all([facts(ciFacts), facts(projectToolingFacts)]);
    if (tooling.fileCount === 0) return notApplicable('the repository has no files');
    const scanning = jobsDoing(ci, 'secret-scan');
    if (scanning[0]) return evaluated([], evidenceOf(scanning[0], 'secret-scan'));
    const hook = ci.hooks.find((entry) => entry.kinds.includes('secret-scan'));
    if (hook) return evaluated([], `commit hook ${hook.tool} in ${hook.file}${hook.line ? `:${hook.line}` : ''}`);
    const blind = blindSpots(ci);
    if (blind) return unknown(`no secret scanner found in the CI configuration tenet can read or in commit hooks; ${blind}`);
    return evaluated([
      {
        message: `no secret scanner runs in CI${ci.systems.length === 0 ? ' (no CI is configured)' : ''} or as a commit hook (gitleaks, trufflehog, detect-secrets, ggshield, secretlint, tenet …)`,
        file: ci.systems[0]?.files[0],
        key: 'no-secret-scanning',
      },
    ]);
  },
});
