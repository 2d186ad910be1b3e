/** OSV records (https://ossf.github.io/osv-schema/): the fields tenet reads, checked on the way in. */
import type { Ecosystem } from '../core/package-inventory.js';
import { isRecord } from '../core/records.js';

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: string;
  events: OsvEvent[];
}

export interface OsvSeverity {
  type: string;
  score: string;
}

export interface OsvAffected {
  package: { ecosystem: string; name: string };
  ranges: OsvRange[];
  versions: string[];
  severity: OsvSeverity[];
  /** Not OSV: an npm semver range, as the registry's bulk advisory endpoint gives it. */
  npmRange?: string;
}

export interface OsvRecord {
  id: string;
  modified?: string;
  withdrawn?: string;
  aliases: string[];
  summary?: string;
  severity: OsvSeverity[];
  affected: OsvAffected[];
  /** `database_specific.severity` (GitHub: LOW, MODERATE, HIGH, CRITICAL). */
  databaseSeverity?: string;
  url?: string;
}

export const ECOSYSTEMS: readonly Ecosystem[] = ['npm', 'PyPI', 'crates.io', 'Go', 'RubyGems', 'Packagist', 'Maven'];

/** The ecosystem of an OSV `package.ecosystem` (which may carry a `:suffix`), if tenet handles it. */
export function osvEcosystem(raw: string): Ecosystem | undefined {
  const base = raw.split(':')[0] ?? '';
  return (ECOSYSTEMS as readonly string[]).includes(base) ? (base as Ecosystem) : undefined;
}

/** Package names as the ecosystem compares them: PEP 503 for PyPI, case-insensitive Packagist and crates. */
export function normalizeName(ecosystem: Ecosystem, name: string): string {
  switch (ecosystem) {
    case 'PyPI':
      return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
    case 'Packagist':
    case 'crates.io':
      return name.trim().toLowerCase();
    default:
      return name.trim();
  }
}

export function packageKey(ecosystem: Ecosystem, name: string): string {
  return `${ecosystem}\u0000${normalizeName(ecosystem, name)}`;
}

const MAX_TEXT = 300;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

function severities(value: unknown): OsvSeverity[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => (isRecord(item) && typeof item.type === 'string' && typeof item.score === 'string' ? [{ type: item.type, score: item.score }] : []));
}

function events(value: unknown): OsvEvent[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): OsvEvent[] => {
    if (!isRecord(item)) return [];
    for (const kind of ['introduced', 'fixed', 'last_affected', 'limit'] as const) {
      const version = str(item[kind]);
      if (version !== undefined) return [{ [kind]: version }];
    }
    return [];
  });
}

/**
 * A checked, trimmed copy of an OSV record (details, references and credits dropped), keeping only the
 * affected entries of ecosystems tenet handles; undefined when the value is not an OSV record.
 */
export function toOsvRecord(value: unknown): OsvRecord | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') return undefined;
  const affected: OsvAffected[] = [];
  for (const entry of Array.isArray(value.affected) ? value.affected : []) {
    if (!isRecord(entry) || !isRecord(entry.package)) continue;
    const ecosystem = str(entry.package.ecosystem);
    const name = str(entry.package.name);
    if (ecosystem === undefined || name === undefined || osvEcosystem(ecosystem) === undefined) continue;
    const ranges = (Array.isArray(entry.ranges) ? entry.ranges : []).flatMap((range): OsvRange[] =>
      isRecord(range) && typeof range.type === 'string' ? [{ type: range.type, events: events(range.events) }] : [],
    );
    const item: OsvAffected = { package: { ecosystem, name }, ranges, versions: strings(entry.versions), severity: severities(entry.severity) };
    const npmRange = str(entry.npmRange);
    if (npmRange !== undefined) item.npmRange = npmRange;
    affected.push(item);
  }
  const record: OsvRecord = { id: value.id, aliases: strings(value.aliases), severity: severities(value.severity), affected };
  const modified = str(value.modified);
  if (modified) record.modified = modified;
  const withdrawn = str(value.withdrawn);
  if (withdrawn) record.withdrawn = withdrawn;
  const summary = str(value.summary) ?? str(value.details)?.split('\n')[0];
  if (summary) record.summary = summary.length > MAX_TEXT ? `${summary.slice(0, MAX_TEXT - 1)}…` : summary;
  const databaseSeverity = isRecord(value.database_specific) ? str(value.database_specific.severity) : str(value.databaseSeverity);
  if (databaseSeverity) record.databaseSeverity = databaseSeverity;
  const references = Array.isArray(value.references) ? value.references.filter(isRecord) : [];
  const url = str(value.url) ?? str(references.find((ref) => ref.type === 'ADVISORY')?.url) ?? str(references[0]?.url);
  if (url) record.url = url;
  return record;
}
