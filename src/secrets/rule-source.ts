import { builtinRules } from './rules/index.js';
import { loadGitleaksConfig } from './gitleaks.js';
import type { SecretRule } from './types.js';

/** Where a scan's rules come from: plain data, so that worker threads can load the same set. */
export interface RuleSource {
  /** Absolute path of a gitleaks TOML configuration; the built-in rules otherwise. */
  gitleaksConfig?: string;
}

export interface LoadedRules {
  rules: readonly SecretRule[];
  problems: string[];
  fatal?: string;
}

export function loadRules(source: RuleSource): LoadedRules {
  if (!source.gitleaksConfig) return { rules: builtinRules, problems: [] };
  return loadGitleaksConfig(source.gitleaksConfig, builtinRules);
}
