import { homedir } from 'node:os';
import path from 'node:path';
import type { ScanOptionsView } from '../engine/control.js';

/** Where advisories come from and where tenet keeps what it learnt about them. */
export interface VulnSettings {
  /** `--osv-db`: an OSV export (directory or zip files). */
  osvDb?: string;
  /** `--online`: ask the OSV API and the npm registry. */
  online: boolean;
  cacheDir: string;
  osvApiUrl: string;
  npmRegistryUrl: string;
  /** How long answers of the online services are reused. */
  ttlMs: number;
  timeoutMs: number;
}

export const DEFAULT_OSV_API_URL = 'https://api.osv.dev';
export const DEFAULT_NPM_REGISTRY_URL = 'https://registry.npmjs.org';
const DEFAULT_TTL_SECONDS = 6 * 60 * 60;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The cache directory: `--cache-dir`, else TENET_CACHE_DIR, else XDG_CACHE_HOME/tenet, else ~/.cache/tenet. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  return text(env.TENET_CACHE_DIR) ?? path.join(text(env.XDG_CACHE_HOME) ?? path.join(homedir(), '.cache'), 'tenet');
}

/** Settings from the scan options (`extra` of ScanOptions: osvDb, cacheDir, osvApiUrl, npmRegistryUrl, advisoryTtlSeconds), then the environment. */
export function vulnSettings(options: ScanOptionsView, env: NodeJS.ProcessEnv = process.env): VulnSettings {
  const ttl = typeof options.advisoryTtlSeconds === 'number' ? options.advisoryTtlSeconds : DEFAULT_TTL_SECONDS;
  const settings: VulnSettings = {
    online: options.online,
    cacheDir: path.resolve(text(options.cacheDir) ?? defaultCacheDir(env)),
    osvApiUrl: (text(options.osvApiUrl) ?? text(env.TENET_OSV_API_URL) ?? DEFAULT_OSV_API_URL).replace(/\/+$/, ''),
    npmRegistryUrl: (text(options.npmRegistryUrl) ?? text(env.TENET_NPM_REGISTRY_URL) ?? DEFAULT_NPM_REGISTRY_URL).replace(/\/+$/, ''),
    ttlMs: ttl * 1000,
    timeoutMs: typeof options.networkTimeoutMs === 'number' ? options.networkTimeoutMs : 30_000,
  };
  const osvDb = text(options.osvDb);
  if (osvDb) settings.osvDb = path.resolve(osvDb);
  return settings;
}
