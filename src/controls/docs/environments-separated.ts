import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { environmentFacts } from '../../facts/ci/environments.js';

export default defineControl({
  meta: {
    id: 'environments-separated',
    title: 'Development, staging and production are separate environments',
    domain: 'docs',
    severity: 'medium',
    rationale:
      'Changes must be tried somewhere other than production, and production data and credentials must not be reachable from development. ' +
      'The repository can show that separate environments are defined; whether they live in separate accounts needs an attestation.',
    remediation:
      'Define a production and at least one non-production environment: CI deploy jobs with `environment: staging` / `production`, ' +
      'Kubernetes overlays, per-environment Terraform directories or tfvars, or per-environment configuration files.',
    facts: ['environments'],
  },
  async check({ facts }) {
    const { evidence, deploymentArtifacts } = await facts(environmentFacts);
    if (deploymentArtifacts.length === 0) {
      return notApplicable('nothing in the repository deploys or defines infrastructure');
    }
    const names = [...new Set(evidence.map((entry) => entry.environment))].sort();
    const hasProduction = names.includes('production');
    const nonProduction = names.filter((name) => name !== 'production');
    const summary = names.map((name) => `${name} (${evidence.find((entry) => entry.environment === name)?.source ?? '?'})`).join(', ');
    if (hasProduction && nonProduction.length > 0) {
      return evaluated([], `environments: ${summary}; partial: separate accounts or projects need an attestation`);
    }
    const first = evidence[0];
    const subject = first?.file ?? deploymentArtifacts[0];
    const message =
      names.length === 0
        ? `the repository deploys (${deploymentArtifacts.slice(0, 3).join(', ')}) but names no environments`
        : hasProduction
          ? 'only a production environment is defined: no staging or development environment to test changes in'
          : `no production environment is told apart from ${nonProduction.join(', ')}`;
    return evaluated([{ message, file: subject, line: first?.line, key: names.join(',') || 'none' }]);
  },
});
