import { defineCollector } from '../collector.js';
import { isRecord } from '../../parsers/lockfiles/common.js';
import { dependencyUpdateSetup } from './renovate-config.js';

export interface DependabotConfig {
  file: string;
  /** `package-ecosystem` of each `updates` entry. */
  ecosystems: string[];
  readable: boolean;
}

export interface RenovateSetup {
  file: string;
  /** `"enabled": false` switches Renovate off for the repository. */
  enabled: boolean;
  /** Renovate opens pull requests for vulnerable versions (`vulnerabilityAlerts`, `osvVulnerabilityAlerts`). */
  vulnerabilityAlerts: boolean;
}

export interface DependencyUpdateFacts {
  dependabot?: DependabotConfig;
  renovate: RenovateSetup[];
}

/** Dependabot and Renovate configuration. */
export const dependencyUpdateFacts = defineCollector<DependencyUpdateFacts>({
  id: 'dependency-updates',
  description: 'Dependabot (.github/dependabot.yml) and Renovate configuration',
  async collect({ repo, facts }) {
    let dependabot: DependabotConfig | undefined;
    const dependabotFile = ['.github/dependabot.yml', '.github/dependabot.yaml'].find((file) => repo.has(file));
    if (dependabotFile) {
      const document = repo.yaml(dependabotFile)?.[0]?.value;
      const updates = isRecord(document) && Array.isArray(document.updates) ? document.updates : [];
      dependabot = {
        file: dependabotFile,
        readable: document !== undefined,
        ecosystems: updates.flatMap((update: unknown) => (isRecord(update) && typeof update['package-ecosystem'] === 'string' ? [update['package-ecosystem']] : [])),
      };
    }
    const renovate: RenovateSetup[] = (await facts(dependencyUpdateSetup)).renovate.map(({ file, value }) => ({
      file,
      enabled: !(isRecord(value) && value.enabled === false),
      vulnerabilityAlerts: isRecord(value) && (('vulnerabilityAlerts' in value && !(isRecord(value.vulnerabilityAlerts) && value.vulnerabilityAlerts.enabled === false)) || value.osvVulnerabilityAlerts === true),
    }));
    return { dependabot, renovate };
  },
});
