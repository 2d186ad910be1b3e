/**
 * Known vulnerabilities of the locked packages: matched against an offline OSV export (`--osv-db`)
 * and, with `--online`, the OSV API and the npm registry's advisory endpoint. A source that cannot
 * be read makes the facts unavailable (the control is then `unknown`), never empty.
 */
import { FactsUnavailable } from '../../engine/control.js';
import { defineCollector } from '../collector.js';
import type { Ecosystem, LockedPackage } from '../../core/package-inventory.js';
import { packageInventory } from './inventory.js';
import { matchPackage, mergeMatches, type Vulnerability } from '../../vulns/match.js';
import { openOsvDatabase } from '../../vulns/osv-db.js';
import { queryKey, queryNpmAdvisories, queryOsvApi, type PackageQuery } from '../../vulns/osv-api.js';
import type { OsvRecord } from '../../vulns/osv.js';
import { vulnSettings } from '../../vulns/settings.js';

export interface VulnerablePackage {
  package: LockedPackage;
  vulnerabilities: Vulnerability[];
  /** Advisories naming the package whose ranges could not be evaluated against its version. */
  unjudged: { id: string; reason: string }[];
}

export interface VulnerabilityFacts {
  /** The advisory sources consulted, described for the report. */
  sources: string[];
  /** How many distinct package versions were checked. */
  checked: number;
  /** Only packages with a vulnerability or an advisory that could not be judged. */
  packages: VulnerablePackage[];
}

export const vulnerabilityFacts = defineCollector<VulnerabilityFacts>({
  id: 'vulnerabilities',
  description: 'Locked packages matched against OSV advisories (offline export and/or online services)',
  async collect({ options, facts, repo }) {
    const settings = vulnSettings(options);
    if (!settings.osvDb && !settings.online) {
      throw new FactsUnavailable('no advisory source: give an OSV export with --osv-db PATH, or allow --online');
    }
    const { lockfiles } = await facts(packageInventory);
    const all = lockfiles.flatMap((lockfile) => lockfile.packages);
    const queries = new Map<string, PackageQuery>();
    for (const pkg of all) queries.set(queryKey(pkg), { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version });
    if (queries.size === 0) return { sources: [], checked: 0, packages: [] };
    const records = new Map<string, Map<string, OsvRecord>>();
    const add = (key: string, found: readonly OsvRecord[]): void => {
      const known = records.get(key) ?? new Map<string, OsvRecord>();
      for (const record of found) {
        const existing = known.get(record.id);
        if (!existing || (record.modified ?? '') > (existing.modified ?? '')) known.set(record.id, record);
      }
      records.set(key, known);
    };
    const sources: string[] = [];
    if (settings.osvDb) {
      let db;
      try {
        db = await openOsvDatabase(settings.osvDb, settings.cacheDir);
      } catch (error) {
        throw new FactsUnavailable(`the OSV database could not be read: ${(error as Error).message}`);
      }
      try {
        sources.push(db.description);
        for (const problem of db.problems.slice(0, 5)) repo.report(undefined, `OSV database: ${problem}`);
        for (const [key, query] of queries) add(key, db.lookup(query.ecosystem, query.name));
      } finally {
        db.close();
      }
    }
    if (settings.online && queries.size > 0) {
      const wanted = [...queries.values()];
      try {
        for (const [key, found] of await queryOsvApi(wanted, settings)) add(key, found);
        sources.push(`OSV API ${settings.osvApiUrl}`);
        if (wanted.some((query) => query.ecosystem === 'npm')) {
          for (const [key, found] of await queryNpmAdvisories(wanted, settings)) add(key, found);
          sources.push(`npm advisories ${settings.npmRegistryUrl}`);
        }
      } catch (error) {
        throw new FactsUnavailable(`online advisories could not be fetched: ${(error as Error).message}`);
      }
    }
    const packages: VulnerablePackage[] = [];
    for (const pkg of all) {
      const found = [...(records.get(queryKey(pkg))?.values() ?? [])];
      if (found.length === 0) continue;
      const verdict = matchPackage(pkg.ecosystem as Ecosystem, pkg.name, pkg.version, found);
      const vulnerabilities = mergeMatches(pkg.ecosystem, verdict.matches);
      if (vulnerabilities.length > 0 || verdict.unjudged.length > 0) packages.push({ package: pkg, vulnerabilities, unjudged: verdict.unjudged });
    }
    return { sources, checked: queries.size, packages };
  },
});
