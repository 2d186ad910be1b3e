import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { ciFacts, type CommandKind } from '../../facts/ci.js';
import { projectToolingFacts } from '../../facts/project-tooling.js';
import { blindSpots, evidenceOf } from './ci-jobs.js';

const CATEGORIES: { kind: CommandKind; name: string }[] = [
  { kind: 'sast', name: 'SAST' },
  { kind: 'vulnerability-scan', name: 'dependency CVE' },
  { kind: 'secret-scan', name: 'secrets' },
  { kind: 'iac-scan', name: 'IaC' },
  { kind: 'container-scan', name: 'container image' },
  { kind: 'dast', name: 'DAST' },
];

export default defineControl({
  meta: {
    id: 'layered-security-tooling',
    title: 'Several kinds of security scanner run in CI or before each commit',
    domain: 'ci',
    severity: 'medium',
    rationale: 'Each kind of scanner sees one kind of flaw (code patterns, vulnerable dependencies, leaked secrets, infrastructure misconfiguration, vulnerable images, a running application); relying on one leaves the others unchecked.',
    remediation: 'Add scanners of the missing kinds to CI or pre-commit: SAST (CodeQL, Semgrep), dependency CVE (osv-scanner, npm audit, tenet --online), secrets (gitleaks, tenet), IaC (checkov, tfsec, trivy config, kics, terrascan, tenet), container image (trivy image, grype, docker scout, snyk container), DAST (ZAP, nuclei).',
    params: {
      minimumCategories: { type: 'number', default: 3, description: 'How many distinct scanner categories (SAST, dependency CVE, secrets, IaC, container image, DAST) must run.' },
    },
    facts: ['ci', 'project-tooling'],
  },
  async check({ facts, params }) {
    const [ci, tooling] = await Promise.all([facts(ciFacts), facts(projectToolingFacts)]);
    if (tooling.languages.length === 0 && tooling.deliverables.length === 0) return notApplicable('no source code or deliverables to scan');
    const found = new Map<CommandKind, string>();
    for (const { kind } of CATEGORIES) {
      const job = ci.jobs.find((entry) => entry.kinds.includes(kind));
      const hook = ci.hooks.find((entry) => entry.kinds.includes(kind));
      if (job) found.set(kind, evidenceOf(job, kind));
      else if (hook) found.set(kind, `pre-commit ${hook.file}${hook.line === undefined ? '' : `:${hook.line}`} runs ${hook.tool.slice(0, 60)}`);
    }
    const eslint = ci.jobs.find((job) => job.commands.some((command) => /\beslint\b/.test(command.text)));
    if (!found.has('sast') && tooling.eslintSecurityPlugins.length > 0 && eslint) found.set('sast', `${tooling.eslintSecurityPlugins.join(', ')} with ESLint (${evidenceOf(eslint, 'lint')})`);
    const present = CATEGORIES.filter(({ kind }) => found.has(kind));
    const missing = CATEGORIES.filter(({ kind }) => !found.has(kind));
    const summary = present.map(({ kind, name }) => `${name}: ${found.get(kind) ?? ''}`).join('; ');
    if (present.length >= params.minimumCategories) return evaluated([], summary);
    const blind = blindSpots(ci);
    return evaluated([
      {
        message: `${present.length} of ${params.minimumCategories} required security scanner categories run (${present.map(({ name }) => name).join(', ') || 'none'}); missing: ${missing.map(({ name }) => name).join(', ')}`,
        file: ci.systems[0]?.files[0],
        key: 'categories',
        ...(summary ? { properties: { found: summary.slice(0, 500) } } : {}),
        ...(blind ? { outcome: 'unknown' as const, evidence: blind.slice(0, 200) } : {}),
      },
    ]);
  },
});
