/**
 * Online advisory sources, used only with `--online`: the OSV API (`/v1/querybatch`, then
 * `/v1/vulns/{id}` for each record) and, for npm, the registry's bulk advisory endpoint that
 * `npm audit` uses. Answers are cached on disk for a TTL; any failure is an error, never "no advisories".
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Ecosystem } from '../core/package-inventory.js';
import { packageKey, toOsvRecord, type OsvRecord } from './osv.js';
import type { VulnSettings } from './settings.js';

export interface PackageQuery {
  ecosystem: Ecosystem;
  name: string;
  version: string;
}

export class OnlineSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OnlineSourceError';
  }
}

const BATCH_SIZE = 1000;
const MAX_PAGES = 20;
const CONCURRENCY = 8;

export const queryKey = (query: PackageQuery): string => `${packageKey(query.ecosystem, query.name)}@${query.version}`;

class DiskCache {
  constructor(
    private readonly dir: string,
    private readonly ttlMs: number,
  ) {}

  private file(kind: string, key: string): string {
    return path.join(this.dir, kind, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  get<T>(kind: string, key: string, fresh = true): T | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.file(kind, key), 'utf8')) as { at: number; key: string; value: T };
      if (entry.key !== key || (fresh && Date.now() - entry.at > this.ttlMs)) return undefined;
      return entry.value;
    } catch {
      return undefined;
    }
  }

  set(kind: string, key: string, value: unknown): void {
    const file = this.file(kind, key);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const staging = `${file}.${process.pid}.tmp`;
      writeFileSync(staging, JSON.stringify({ at: Date.now(), key, value }));
      renameSync(staging, file);
    } catch {
      // A cache that cannot be written only costs a later query.
    }
  }
}

async function postJson(url: string, body: unknown, settings: VulnSettings): Promise<unknown> {
  return requestJson(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }, settings);
}

async function requestJson(url: string, init: RequestInit, settings: VulnSettings): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(settings.timeoutMs), redirect: 'error' });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new OnlineSourceError(`${new URL(url).origin} could not be reached (${error instanceof Error ? error.message : String(error)}${cause})`);
  }
  if (!response.ok) throw new OnlineSourceError(`${new URL(url).origin}${new URL(url).pathname} answered HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new OnlineSourceError(`${new URL(url).origin}${new URL(url).pathname} answered with malformed JSON`);
  }
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** OSV records affecting each queried package version, by `queryKey`. */
export async function queryOsvApi(queries: readonly PackageQuery[], settings: VulnSettings): Promise<Map<string, OsvRecord[]>> {
  const cache = new DiskCache(path.join(settings.cacheDir, 'osv-api'), settings.ttlMs);
  const base = settings.osvApiUrl;
  const idsByQuery = new Map<string, { id: string; modified?: string }[]>();
  const pending: PackageQuery[] = [];
  for (const query of queries) {
    const cached = cache.get<{ id: string; modified?: string }[]>('query', `${base}\0${queryKey(query)}`);
    if (cached) idsByQuery.set(queryKey(query), cached);
    else pending.push(query);
  }
  for (let start = 0; start < pending.length; start += BATCH_SIZE) {
    let batch = pending.slice(start, start + BATCH_SIZE).map((query) => ({ query, token: undefined as string | undefined, ids: [] as { id: string; modified?: string }[] }));
    const all = batch;
    for (let page = 0; page < MAX_PAGES && batch.length > 0; page += 1) {
      const answer = await postJson(
        `${base}/v1/querybatch`,
        {
          queries: batch.map(({ query, token }) => ({
            package: { ecosystem: query.ecosystem, name: query.name },
            version: query.version,
            ...(token ? { page_token: token } : {}),
          })),
        },
        settings,
      );
      const results = isObject(answer) && Array.isArray(answer.results) ? answer.results : undefined;
      if (!results || results.length !== batch.length) throw new OnlineSourceError(`${base}/v1/querybatch answered without one result per query`);
      batch.forEach((item, index) => {
        const result = results[index];
        const vulns = isObject(result) && Array.isArray(result.vulns) ? result.vulns : [];
        for (const vuln of vulns) {
          if (isObject(vuln) && typeof vuln.id === 'string') item.ids.push(typeof vuln.modified === 'string' ? { id: vuln.id, modified: vuln.modified } : { id: vuln.id });
        }
        item.token = isObject(result) && typeof result.next_page_token === 'string' ? result.next_page_token : undefined;
      });
      batch = batch.filter((item) => item.token !== undefined);
    }
    for (const item of all) {
      idsByQuery.set(queryKey(item.query), item.ids);
      cache.set('query', `${base}\0${queryKey(item.query)}`, item.ids);
    }
  }
  const wanted = new Map<string, string | undefined>();
  for (const ids of idsByQuery.values()) for (const { id, modified } of ids) wanted.set(id, modified);
  const records = new Map<string, OsvRecord>();
  await inParallel([...wanted], CONCURRENCY, async ([id, modified]) => {
    // A record's detail stays valid while its `modified` stamp is unchanged, whatever its age.
    const cached = cache.get<OsvRecord>('vuln', `${base}\0${id}`, modified === undefined);
    if (cached && (modified === undefined || cached.modified === modified)) {
      records.set(id, cached);
      return;
    }
    const record = toOsvRecord(await requestJson(`${base}/v1/vulns/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' } }, settings));
    if (!record) throw new OnlineSourceError(`${base}/v1/vulns/${id} is not an OSV record`);
    cache.set('vuln', `${base}\0${id}`, record);
    records.set(id, record);
  });
  const byQuery = new Map<string, OsvRecord[]>();
  for (const [key, ids] of idsByQuery) byQuery.set(key, ids.flatMap(({ id }) => records.get(id) ?? []));
  return byQuery;
}

/**
 * npm advisories from the registry's bulk endpoint (`POST /-/npm/v1/security/advisories/bulk`, body
 * `{ name: [versions] }`), as OSV-shaped records whose affected entry carries the npm range.
 */
export async function queryNpmAdvisories(queries: readonly PackageQuery[], settings: VulnSettings): Promise<Map<string, OsvRecord[]>> {
  const cache = new DiskCache(path.join(settings.cacheDir, 'npm-advisories'), settings.ttlMs);
  const base = settings.npmRegistryUrl;
  const versions = new Map<string, Set<string>>();
  for (const query of queries) if (query.ecosystem === 'npm') versions.set(query.name, (versions.get(query.name) ?? new Set()).add(query.version));
  const byName = new Map<string, OsvRecord[]>();
  const pending: string[] = [];
  for (const name of versions.keys()) {
    const cached = cache.get<OsvRecord[]>('package', npmCacheKey(base, name, versions.get(name)));
    if (cached) byName.set(name, cached);
    else pending.push(name);
  }
  for (let start = 0; start < pending.length; start += BATCH_SIZE) {
    const names = pending.slice(start, start + BATCH_SIZE);
    // Every version of every package is sent so that the registry answers with all of its advisories.
    const body = Object.fromEntries(names.map((name) => [name, [...(versions.get(name) ?? [])]]));
    const answer = await postJson(`${base}/-/npm/v1/security/advisories/bulk`, body, settings);
    if (!isObject(answer)) throw new OnlineSourceError(`${base}/-/npm/v1/security/advisories/bulk answered with something other than an object`);
    for (const name of names) {
      const advisories = Array.isArray(answer[name]) ? (answer[name] as unknown[]) : [];
      const records = advisories.flatMap((advisory) => npmAdvisoryRecord(name, advisory) ?? []);
      byName.set(name, records);
      cache.set('package', npmCacheKey(base, name, versions.get(name)), records);
    }
  }
  const byQuery = new Map<string, OsvRecord[]>();
  for (const query of queries) if (query.ecosystem === 'npm') byQuery.set(queryKey(query), byName.get(query.name) ?? []);
  return byQuery;
}

/** The registry answers for the versions asked about, so they are part of the key. */
function npmCacheKey(base: string, name: string, versions: ReadonlySet<string> | undefined): string {
  return `${base}\0${name}\0${[...(versions ?? [])].sort().join(',')}`;
}

export function npmAdvisoryRecord(name: string, advisory: unknown): OsvRecord | undefined {
  if (!isObject(advisory) || typeof advisory.vulnerable_versions !== 'string') return undefined;
  const url = typeof advisory.url === 'string' ? advisory.url : undefined;
  const ghsa = url ? /GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}/.exec(url)?.[0] : undefined;
  const id = ghsa ?? `NPM-${String(advisory.id ?? name)}`;
  const cvss = isObject(advisory.cvss) && typeof advisory.cvss.vectorString === 'string' ? advisory.cvss.vectorString : undefined;
  return toOsvRecord({
    id,
    summary: typeof advisory.title === 'string' ? advisory.title : undefined,
    severity: cvss ? [{ type: 'CVSS_V3', score: cvss }] : [],
    database_specific: { severity: typeof advisory.severity === 'string' ? advisory.severity.toUpperCase() : undefined },
    affected: [{ package: { ecosystem: 'npm', name }, npmRange: advisory.vulnerable_versions }],
    url,
  });
}
