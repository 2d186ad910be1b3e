/** Whether a locked version is affected by OSV records, and the merged vulnerabilities that result. */
import semver from 'semver';
import type { Ecosystem } from '../core/package-inventory.js';
import { cvss3BaseScore, ratingOf } from './cvss.js';
import { normalizeName, osvEcosystem, type OsvAffected, type OsvEvent, type OsvRecord } from './osv.js';
import { SEMVER_ORDER, sameVersion, versionOrder, type VersionOrder } from './versions/index.js';

export type VulnSeverity = 'critical' | 'high' | 'medium' | 'low' | 'unknown';
export const SEVERITY_RANK: Record<VulnSeverity, number> = { unknown: 0, low: 1, medium: 2, high: 3, critical: 4 };

export interface Vulnerability {
  /** The GHSA id when there is one, else the advisory's own id. */
  id: string;
  /** Every other id of the same vulnerability (CVE, GHSA, PYSEC, GO, RUSTSEC …), sorted. */
  aliases: string[];
  summary?: string;
  severity: VulnSeverity;
  /** The highest CVSS v3 base score computed from the advisories' vectors. */
  score?: number;
  vector?: string;
  /** The lowest version above the locked one that fixes every matched range, when one exists. */
  fixed?: string;
  hasFix: boolean;
  url?: string;
}

export type AffectedVerdict = { affected: true; fixed?: string; noFix: boolean } | { affected: false } | { affected: 'unknown'; reason: string };

type RangeVerdict = { affected: boolean; fixed?: string } | { unknown: string };

/** OSV's evaluation of one range: events in version order, `introduced: 0` first, `last_affected` inclusive. */
export function evaluateEvents(order: VersionOrder, version: string, events: readonly OsvEvent[]): RangeVerdict {
  const boundOf = (event: OsvEvent): string => event.introduced ?? event.fixed ?? event.last_affected ?? event.limit ?? '';
  for (const event of events) {
    const bound = boundOf(event);
    if (event.introduced === '0') continue;
    if (order.compare(bound, bound) === undefined) return { unknown: `advisory version '${bound}' is not a ${order.name} version` };
  }
  const sorted = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      if (a.event.introduced === '0' || b.event.introduced === '0') return a.event.introduced === '0' ? (b.event.introduced === '0' ? 0 : -1) : 1;
      return (order.compare(boundOf(a.event), boundOf(b.event)) ?? 0) || a.index - b.index;
    })
    .map(({ event }) => event);
  let affected = false;
  let fixed: string | undefined;
  for (const event of sorted) {
    if (event.introduced !== undefined) {
      if (event.introduced === '0' || (order.compare(version, event.introduced) ?? -1) >= 0) affected = true;
    } else if (event.fixed !== undefined) {
      const cmp = order.compare(version, event.fixed) ?? -1;
      if (cmp >= 0) affected = false;
      else if (affected && fixed === undefined) fixed = event.fixed;
    } else if (event.last_affected !== undefined) {
      if ((order.compare(version, event.last_affected) ?? 0) > 0) affected = false;
    } else if (event.limit !== undefined && event.limit !== '*') {
      if ((order.compare(version, event.limit) ?? -1) >= 0) affected = false;
    }
  }
  return affected ? (fixed === undefined ? { affected } : { affected, fixed }) : { affected };
}

/** Whether one `affected[]` entry covers the version: its `versions` list, its ranges, or an npm range. */
export function evaluateAffected(ecosystem: Ecosystem, entry: OsvAffected, version: string): AffectedVerdict {
  const order = versionOrder(ecosystem);
  if (entry.versions.some((listed) => sameVersion(order, listed, version))) {
    return { affected: true, ...fixedFromRanges(order, entry, version) };
  }
  const ranges = entry.ranges.filter((range) => range.type === 'SEMVER' || range.type === 'ECOSYSTEM');
  if (entry.npmRange !== undefined) {
    if (!semver.valid(version, { loose: true })) return { affected: 'unknown', reason: `'${version}' is not a SemVer version` };
    if (semver.satisfies(version, entry.npmRange, { loose: true, includePrerelease: true })) return { affected: true, noFix: false };
  }
  const versionReadable = ranges.every((range) => (range.type === 'SEMVER' ? SEMVER_ORDER : order).compare(version, version) !== undefined);
  if (!versionReadable) return { affected: 'unknown', reason: `'${version}' is not a ${order.name} version` };
  let unknownReason: string | undefined;
  for (const range of ranges) {
    const verdict = evaluateEvents(range.type === 'SEMVER' ? SEMVER_ORDER : order, version, range.events);
    if ('unknown' in verdict) unknownReason = verdict.unknown;
    else if (verdict.affected) return verdict.fixed === undefined ? { affected: true, noFix: true } : { affected: true, fixed: verdict.fixed, noFix: false };
  }
  return unknownReason === undefined ? { affected: false } : { affected: 'unknown', reason: unknownReason };
}

function fixedFromRanges(order: VersionOrder, entry: OsvAffected, version: string): { fixed?: string; noFix: boolean } {
  const fixes = entry.ranges
    .flatMap((range) => range.events.map((event) => event.fixed))
    .filter((fixed): fixed is string => fixed !== undefined && (order.compare(fixed, version) ?? -1) > 0)
    .sort((a, b) => order.compare(a, b) ?? 0);
  return fixes[0] === undefined ? { noFix: true } : { fixed: fixes[0], noFix: false };
}

export interface RecordMatch {
  record: OsvRecord;
  fixed?: string;
  noFix: boolean;
}

export interface PackageVerdict {
  matches: RecordMatch[];
  /** Advisories that name the package but whose ranges could not be evaluated, with why. */
  unjudged: { id: string; reason: string }[];
}

/** The records (of this package's name, any order) that affect the version; withdrawn ones never do. */
export function matchPackage(ecosystem: Ecosystem, name: string, version: string, records: readonly OsvRecord[]): PackageVerdict {
  const wanted = normalizeName(ecosystem, name);
  const verdict: PackageVerdict = { matches: [], unjudged: [] };
  for (const record of records) {
    if (record.withdrawn) continue;
    let match: RecordMatch | undefined;
    let unknownReason: string | undefined;
    for (const entry of record.affected) {
      if (osvEcosystem(entry.package.ecosystem) !== ecosystem || normalizeName(ecosystem, entry.package.name) !== wanted) continue;
      const result = evaluateAffected(ecosystem, entry, version);
      if (result.affected === 'unknown') unknownReason = result.reason;
      else if (result.affected) {
        const better = !match || (result.fixed !== undefined && (match.fixed === undefined || (versionOrder(ecosystem).compare(result.fixed, match.fixed) ?? 0) > 0));
        if (better) match = { record, fixed: result.fixed, noFix: result.noFix };
      }
    }
    if (match) verdict.matches.push(match);
    else if (unknownReason !== undefined) verdict.unjudged.push({ id: record.id, reason: unknownReason });
  }
  return verdict;
}

/** Severity of one record: its CVSS v3 vectors (computed), else the database's own rating. */
export function severityOf(record: OsvRecord): { severity: VulnSeverity; score?: number; vector?: string } {
  let best: { score: number; vector: string } | undefined;
  const vectors = [...record.severity, ...record.affected.flatMap((entry) => entry.severity)];
  for (const entry of vectors) {
    if (!entry.type.startsWith('CVSS_V3')) continue;
    const computed = cvss3BaseScore(entry.score);
    if (computed && (!best || computed.score > best.score)) best = { score: computed.score, vector: computed.vector };
  }
  if (best) {
    const rating = ratingOf(best.score);
    return { severity: rating === 'none' ? 'low' : rating, score: best.score, vector: best.vector };
  }
  const named = record.databaseSeverity?.toLowerCase();
  if (named === 'critical' || named === 'high' || named === 'low') return { severity: named };
  if (named === 'moderate' || named === 'medium') return { severity: 'medium' };
  return { severity: 'unknown' };
}

function idRank(id: string): number {
  if (id.startsWith('GHSA-')) return 0;
  if (id.startsWith('CVE-')) return 2;
  return 1;
}

export function preferredId(ids: Iterable<string>): string {
  return [...ids].sort((a, b) => idRank(a) - idRank(b) || a.localeCompare(b))[0] ?? '';
}

/**
 * One vulnerability per group of records that name each other (GHSA, PYSEC, GO and CVE ids of the
 * same flaw), with the highest severity and the fix that clears every record of the group.
 */
export function mergeMatches(ecosystem: Ecosystem, matches: readonly RecordMatch[]): Vulnerability[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const { record } of matches) {
    find(record.id);
    for (const alias of record.aliases) union(record.id, alias);
  }
  const groups = new Map<string, RecordMatch[]>();
  for (const match of matches) {
    const root = find(match.record.id);
    groups.set(root, [...(groups.get(root) ?? []), match]);
  }
  const order = versionOrder(ecosystem);
  const vulnerabilities: Vulnerability[] = [];
  for (const group of groups.values()) {
    const ids = new Set(group.flatMap(({ record }) => [record.id, ...record.aliases]));
    const id = preferredId(ids);
    ids.delete(id);
    let severity: ReturnType<typeof severityOf> = { severity: 'unknown' };
    for (const { record } of group) {
      const candidate = severityOf(record);
      const higher =
        (candidate.score ?? -1) > (severity.score ?? -1) ||
        (candidate.score === undefined && severity.score === undefined && SEVERITY_RANK[candidate.severity] > SEVERITY_RANK[severity.severity]);
      if (higher) severity = candidate;
    }
    // Records of one flaw from different databases may disagree; the highest fix named clears them all.
    const fixes = group.map((match) => match.fixed).filter((fixed): fixed is string => fixed !== undefined);
    const fixed = fixes.sort((a, b) => order.compare(a, b) ?? 0).at(-1);
    const primary = group.find(({ record }) => record.id === id)?.record ?? group[0]?.record;
    const vulnerability: Vulnerability = { id, aliases: [...ids].sort(), severity: severity.severity, hasFix: fixed !== undefined };
    if (severity.score !== undefined) vulnerability.score = severity.score;
    if (severity.vector !== undefined) vulnerability.vector = severity.vector;
    if (fixed !== undefined) vulnerability.fixed = fixed;
    const summary = primary?.summary ?? group.find(({ record }) => record.summary)?.record.summary;
    if (summary) vulnerability.summary = summary;
    const url = primary?.url ?? `https://osv.dev/vulnerability/${id}`;
    vulnerability.url = url;
    vulnerabilities.push(vulnerability);
  }
  return vulnerabilities.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (b.score ?? 0) - (a.score ?? 0) || a.id.localeCompare(b.id));
}
