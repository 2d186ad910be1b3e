import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { dependencyUpdateFacts } from '../../facts/supply-chain/dependency-updates.js';
import { hasThirdPartyDependencies, lockfileFacts } from '../../facts/supply-chain/lockfiles.js';

export default defineControl({
  meta: {
    id: 'dependency-updates-automated',
    title: 'Dependency updates are automated (Dependabot or Renovate)',
    domain: 'supply-chain',
    severity: 'low',
    rationale:
      'Dependencies that are only updated by hand fall behind, and the fix for a published vulnerability then arrives late, buried in a large and risky upgrade.',
    remediation:
      'Add .github/dependabot.yml with an `updates` entry per package ecosystem, or a Renovate configuration (renovate.json, .github/renovate.json, or "renovate" in package.json).',
    facts: ['lockfiles', 'dependency-updates'],
  },
  async check({ facts }) {
    if (!hasThirdPartyDependencies(await facts(lockfileFacts))) return notApplicable('no third-party dependencies to update');
    const { dependabot, renovate } = await facts(dependencyUpdateFacts);
    if (dependabot && dependabot.ecosystems.length > 0) return evaluated([], `Dependabot updates ${dependabot.ecosystems.join(', ')} (${dependabot.file})`);
    const enabled = renovate.find((config) => config.enabled);
    if (enabled) return evaluated([], `Renovate is configured in ${enabled.file}`);
    if (dependabot) {
      return evaluated([{ message: `${dependabot.file} ${dependabot.readable ? 'has no `updates` entry with a package-ecosystem' : 'could not be read'}`, file: dependabot.file, line: 1, key: 'dependabot-empty' }]);
    }
    if (renovate[0]) return evaluated([{ message: `Renovate is disabled in ${renovate[0].file} ("enabled": false)`, file: renovate[0].file, key: 'renovate-disabled' }]);
    return evaluated([{ message: 'neither Dependabot (.github/dependabot.yml) nor Renovate is configured', key: 'none' }]);
  },
});
