import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { ciFacts, type CiFacts, type CommandKind } from '../../facts/ci/ci.js';
import { programsOf } from '../../facts/ci/commands.js';
import { projectToolingFacts } from '../../facts/ci/project-tooling.js';
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
      redundantCategories: {
        type: 'string[]',
        default: [],
        description: 'Categories that need a second layer: two different tools, or the same check both in CI and before each commit (sast, vulnerability-scan, secret-scan, iac-scan, container-scan, dast).',
      },
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
    const layers = layerFindings(ci, params.redundantCategories, ci.systems[0]?.files[0]);
    const present = CATEGORIES.filter(({ kind }) => found.has(kind));
    const missing = CATEGORIES.filter(({ kind }) => !found.has(kind));
    const summary = present.map(({ kind, name }) => `${name}: ${found.get(kind) ?? ''}`).join('; ');
    const blind = blindSpots(ci);
    if (present.length >= params.minimumCategories) return evaluated(layers, layers.length === 0 ? summary : undefined);
    return evaluated([
      ...layers,
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

/** Categories in `required` that run in fewer than two layers (distinct tools, or CI and a commit hook). */
function layerFindings(ci: CiFacts, required: readonly string[], file: string | undefined): FindingInput[] {
  const findings: FindingInput[] = [];
  for (const category of CATEGORIES.filter(({ kind }) => required.includes(kind))) {
    const layers = new Set<string>();
    for (const job of ci.jobs) {
      for (const command of job.commands) if (command.kinds.includes(category.kind) && command.via === undefined) layers.add(`ci:${toolOf(command.text)}`);
      for (const use of job.uses) if (use.kinds.includes(category.kind)) layers.add(`ci:${use.ref.replace(/@.{0,200}$/, '')}`);
    }
    for (const hook of ci.hooks) if (hook.kinds.includes(category.kind)) layers.add(`hook:${toolOf(hook.tool)}`);
    if (layers.size >= 2) continue;
    findings.push({
      message: `${category.name} scanning has ${layers.size === 0 ? 'no layer' : `one layer only (${[...layers][0]?.replace(/^(ci|hook):/, '') ?? ''})`}; a second tool, or the check both in CI and before each commit, is required`,
      file,
      key: `layers:${category.kind}`,
    });
  }
  return findings;
}

function toolOf(text: string): string {
  return programsOf(text)[0] ?? text.split(/\s/)[0] ?? text;
}
