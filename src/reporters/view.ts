import type { ControlResult, Finding, PolicyResult, RequirementResult, RequirementStatus, ScanResult } from '../engine/types.js';

/** Worst first: the order in which every report lists statuses. */
export const STATUS_ORDER: RequirementStatus[] = ['fail', 'error', 'unknown', 'deviated', 'attested', 'pass', 'not-applicable'];

export function byStatus<T extends { status: RequirementStatus }>(a: T, b: T): number {
  return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
}

export function controlIndex(result: ScanResult): Map<string, ControlResult> {
  return new Map(result.controls.map((control) => [control.id, control]));
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
}

export function exceptionRecord(record: Record<string, unknown> | undefined): ExceptionRecord | undefined {
  if (!record) return undefined;
  const read = (key: keyof ExceptionRecord): string | undefined => {
    const value = record[key];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  };
  const fields: (keyof ExceptionRecord)[] = ['statement', 'evidence', 'attestedBy', 'date', 'expires', 'reason', 'approvedBy'];
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
