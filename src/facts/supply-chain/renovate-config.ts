import JSON5 from 'json5';
import { defineCollector } from '../collector.js';
import { lineOfText } from '../../parsers/lines.js';
import type { Repository } from '../../repo/repository.js';
import { parseJson, type JsonDocument } from '../../parsers/json.js';

/** Where Renovate looks for its repository config, in its own order. */
export const RENOVATE_CONFIG_FILES = [
  'renovate.json',
  'renovate.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
];

export interface RenovateConfig {
  file: string;
  /** The parsed config, or undefined when it could not be read (see `problem`). */
  value?: unknown;
  problem?: string;
  /** Line of a property by its path (JSON: exact; JSON5: first occurrence of the key). */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Lockfiles whose change is a dependency update, whoever made it. */
export const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb',
  'poetry.lock', 'Pipfile.lock', 'uv.lock', 'pdm.lock', 'Cargo.lock', 'go.sum', 'Gemfile.lock', 'composer.lock',
  'gradle.lockfile', 'packages.lock.json', 'pubspec.lock', 'mix.lock', 'Package.resolved', 'Podfile.lock', 'flake.lock',
]);

export interface DependencyUpdateSetup {
  /** Renovate configs, including the "renovate" key of a root package.json. */
  renovate: RenovateConfig[];
  dependabot: string[];
  lockfiles: string[];
}

/** How dependency updates reach the repository: Renovate and Dependabot configuration, and the lockfiles they change. */
export const dependencyUpdateSetup = defineCollector<DependencyUpdateSetup>({
  id: 'dependency-update-setup',
  description: 'Renovate and Dependabot configuration and lockfiles',
  collect({ repo }) {
    return {
      renovate: readRenovateConfigs(repo),
      dependabot: ['.github/dependabot.yml', '.github/dependabot.yaml'].filter((file) => repo.has(file)),
      lockfiles: repo.named(...LOCKFILES).map((file) => file.path),
    };
  },
});

/** Every Renovate configuration in the repository, parsed as Renovate parses it (JSON5), with lines. */
function readRenovateConfigs(repo: Repository): RenovateConfig[] {
  const configs: RenovateConfig[] = [];
  for (const file of RENOVATE_CONFIG_FILES.filter((candidate) => repo.has(candidate))) {
    const text = repo.readText(file);
    if (text === undefined) {
      configs.push({ file, problem: 'unreadable', lineOf: () => undefined });
      continue;
    }
    const byKey = (path: readonly (string | number)[]): number | undefined => {
      const key = [...path].reverse().find((part): part is string => typeof part === 'string');
      return key === undefined ? undefined : lineOfText(text, key);
    };
    try {
      const strict = strictJson(text);
      // Renovate reads every config file as JSON5, so comments and trailing commas are tolerated everywhere.
      configs.push(strict ? { file, value: strict.value, lineOf: (path) => strict.lineOf(path) } : { file, value: JSON5.parse(text), lineOf: byKey });
    } catch (error) {
      const problem = `malformed JSON5: ${error instanceof Error ? error.message : String(error)}`;
      repo.report(file, problem);
      configs.push({ file, problem, lineOf: () => undefined });
    }
  }
  if (repo.has('package.json')) {
    const manifest = repo.json('package.json');
    const value = manifest && typeof manifest.value === 'object' && manifest.value !== null ? (manifest.value as Record<string, unknown>).renovate : undefined;
    if (manifest && value !== undefined) configs.push({ file: 'package.json', value, lineOf: (path) => manifest.lineOf(['renovate', ...path]) });
  }
  return configs;
}

// Presets that switch automerge on (":automergeBranch"/":automergePr" only choose how, ":automergeDisabled" turns it off).
const AUTOMERGE_PRESET = /^(?:default)?:automerge(?:All|Major|Minor|Patch|Digest|Linters|Testers|Types|StableNonMajor)$/;
const MAX_DEPTH = 20;

/** Every place in a Renovate config that turns on automerge: `automerge: true` at any depth, or an automerge preset. */
export function automergeSettings(config: unknown): { path: (string | number)[]; what: string }[] {
  const found: { path: (string | number)[]; what: string }[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (path.length > MAX_DEPTH || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]));
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === 'automerge' && child === true) found.push({ path: [...path, key], what: `${[...path, key].join('.')}: true` });
      else if (key === 'extends' && Array.isArray(child)) {
        child.forEach((preset, index) => {
          if (typeof preset === 'string' && AUTOMERGE_PRESET.test(preset)) found.push({ path: [...path, key, index], what: `extends ${preset}` });
        });
      } else walk(child, [...path, key]);
    }
  };
  walk(config, []);
  return found;
}

function strictJson(text: string): JsonDocument | undefined {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}
