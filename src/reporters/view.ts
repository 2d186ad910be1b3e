import type { ControlResult, Finding, PolicyResult, RequirementResult, RequirementStatus, ScanResult } from '../core/result.js';

/** Worst first: the order in which every report lists statuses. */
export const STATUS_ORDER: RequirementStatus[] = ['fail', 'error', 'unknown', 'deviated', 'attested', 'pass', 'not-applicable'];

export function byStatus<T extends { status: RequirementStatus }>(a: T, b: T): number {
  return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
}

/**
 * Fields the pack engine adds to results (parameter variants, how a requirement is decided). Read
 * structurally and checked, so the reporters work with results that carry them or not.
 */
interface ControlExtras {
  variant?: unknown;
}
interface RequirementExtras {
  mode?: unknown;
  plannedControls?: unknown;
  results?: unknown;
}

/** The parameter variant a control ran with (e.g. `approvals=2`), when a pack asked for one. */
export function variantOf(control: ControlResult): string | undefined {
  const variant = (control as ControlResult & ControlExtras).variant;
  return typeof variant === 'string' && variant !== '' ? variant : undefined;
}

/** `id`, or `id [variant]` for a parameter variant. */
export function controlLabel(control: ControlResult): string {
  const variant = variantOf(control);
  return variant ? `${control.id} [${variant}]` : control.id;
}

export function requirementMode(requirement: RequirementResult): string | undefined {
  const mode = (requirement as RequirementResult & RequirementExtras).mode;
  return typeof mode === 'string' ? mode : undefined;
}

export function plannedControlsOf(requirement: RequirementResult): string[] {
  const planned = (requirement as RequirementResult & RequirementExtras).plannedControls;
  return Array.isArray(planned) ? planned.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** Control results by id; a control a pack ran with other parameters appears once per variant. */
export type ControlLookup = Map<string, ControlResult[]>;

export function controlIndex(result: ScanResult): ControlLookup {
  const lookup: ControlLookup = new Map();
  for (const control of result.controls) lookup.set(control.id, [...(lookup.get(control.id) ?? []), control]);
  return lookup;
}

/**
 * The control result a requirement saw for each of its controls: the variant named in its
 * `results` when the engine recorded one, else the run with the configured parameters.
 */
export function controlsOf(lookup: ControlLookup, requirement: RequirementResult): { id: string; control?: ControlResult }[] {
  const seen = (requirement as RequirementResult & RequirementExtras).results;
  const variants = new Map<string, string | undefined>();
  if (Array.isArray(seen)) {
    for (const entry of seen as { control?: unknown; variant?: unknown }[]) {
      if (typeof entry?.control === 'string') variants.set(entry.control, typeof entry.variant === 'string' ? entry.variant : undefined);
    }
  }
  return requirement.controls.map((id) => {
    const runs = lookup.get(id) ?? [];
    const wanted = variants.get(id);
    const control = runs.find((run) => variantOf(run) === wanted) ?? runs.find((run) => variantOf(run) === undefined) ?? runs[0];
    return { id, control };
  });
}

/** Unsuppressed failures first, then unknown subjects, then suppressed ones. */
export function findingsByWeight(findings: readonly Finding[]): Finding[] {
  const weight = (finding: Finding): number => (finding.suppressed ? 2 : finding.outcome === 'unknown' ? 1 : 0);
  return [...findings].sort((a, b) => weight(a) - weight(b));
}

export function countStatuses(items: readonly { status: RequirementStatus }[]): Map<RequirementStatus, number> {
  const counts = new Map<RequirementStatus, number>();
  for (const status of STATUS_ORDER) {
    const count = items.filter((item) => item.status === status).length;
    if (count > 0) counts.set(status, count);
  }
  return counts;
}

/** `2 fail, 1 pass` (worst first), or `none`. */
export function countsText(items: readonly { status: RequirementStatus }[], separator = ', '): string {
  const counts = countStatuses(items);
  return counts.size === 0 ? 'none' : [...counts].map(([status, count]) => `${count} ${status}`).join(separator);
}

/** Requirements in document order, grouped by their section heading path. */
export function sectionsOf(policy: PolicyResult): { section: string; requirements: RequirementResult[] }[] {
  const sections = new Map<string, RequirementResult[]>();
  for (const requirement of policy.requirements) {
    const list = sections.get(requirement.section) ?? [];
    list.push(requirement);
    sections.set(requirement.section, list);
  }
  return [...sections].map(([section, requirements]) => ({ section, requirements }));
}

/** The attestation or deviation record of a requirement, read defensively: packs may add fields. */
export interface ExceptionRecord {
  statement?: string;
  evidence?: string;
  attestedBy?: string;
  date?: string;
  expires?: string;
  reason?: string;
  approvedBy?: string;
  /** Where it was declared, e.g. `attestations[0]`. */
  source?: string;
  /** `active`, `expiring` …: whether it still counts. */
  state?: string;
}

export function exceptionRecord(record: Record<string, unknown> | undefined): ExceptionRecord | undefined {
  if (!record) return undefined;
  const read = (key: keyof ExceptionRecord): string | undefined => {
    const value = record[key];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  };
  const fields: (keyof ExceptionRecord)[] = ['statement', 'evidence', 'attestedBy', 'date', 'expires', 'reason', 'approvedBy', 'source', 'state'];
  const entries = fields.map((key) => [key, read(key)] as const).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries) as ExceptionRecord;
}

/** Which requirements (qualified by pack) each control serves. */
export function requirementsByControl(result: ScanResult): Map<string, string[]> {
  const served = new Map<string, string[]>();
  for (const policy of result.policies) {
    for (const requirement of policy.requirements) {
      for (const id of requirement.controls) {
        const list = served.get(id) ?? [];
        if (!list.includes(requirement.id)) list.push(requirement.id);
        served.set(id, list);
      }
    }
  }
  return served;
}
