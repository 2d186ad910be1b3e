import { defineCollector } from '../engine/control.js';
import { isRecord } from '../parsers/lockfiles/common.js';

export interface DependabotConfig {
  file: string;
  /** `package-ecosystem` of each `updates` entry. */
  ecosystems: string[];
  readable: boolean;
}

export interface RenovateConfig {
  file: string;
  /** `"enabled": false` switches Renovate off for the repository. */
  enabled: boolean;
  /** Renovate opens pull requests for vulnerable versions (`vulnerabilityAlerts`, `osvVulnerabilityAlerts`). */
  vulnerabilityAlerts: boolean;
}

export interface DependencyUpdateFacts {
  dependabot?: DependabotConfig;
  renovate: RenovateConfig[];
}

/** Every place Renovate looks for its configuration, in its own order. */
export const RENOVATE_FILES = [
  'renovate.json',
  'renovate.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
] as const;

/** Dependabot and Renovate configuration. */
export const dependencyUpdateFacts = defineCollector<DependencyUpdateFacts>({
  id: 'dependency-updates',
  description: 'Dependabot (.github/dependabot.yml) and Renovate configuration',
  collect({ repo }) {
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
    const renovate: RenovateConfig[] = [];
    for (const file of RENOVATE_FILES) {
      if (!repo.has(file)) continue;
      const text = repo.readText(file) ?? '';
      renovate.push({ file, enabled: renovateEnabled(text), vulnerabilityAlerts: /(osvVulnerabilityAlerts["']?\s*:\s*true|vulnerabilityAlerts)/.test(text) });
    }
    const manifest = repo.has('package.json') ? repo.json('package.json')?.value : undefined;
    if (isRecord(manifest) && isRecord(manifest.renovate)) {
      const config = manifest.renovate;
      renovate.push({ file: 'package.json', enabled: config.enabled !== false, vulnerabilityAlerts: 'vulnerabilityAlerts' in config || config.osvVulnerabilityAlerts === true });
    }
    return { dependabot, renovate };
  },
});

/** JSON is read exactly; JSON5 (comments, bare keys) by its top-level `enabled` line. */
function renovateEnabled(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return !(isRecord(value) && value.enabled === false);
  } catch {
    const topLevel = text.split('\n').find((line) => /^\s{0,2}["']?enabled["']?\s*:/.test(line));
    return !(topLevel && /:\s*false/.test(topLevel));
  }
}
