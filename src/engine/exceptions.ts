import picomatch from 'picomatch';
import type { AttestationEntry, DeviationEntry, TenetConfig } from '../config/types.js';
import type { ControlResult, ExceptionState, Finding } from '../core/result.js';
import { statusOf, withDefaultReason } from './run.js';

export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether an entry with this expiry date is still in force on `now` (it counts through its last day). */
export function expiryState(expires: string | undefined, now: Date, warningDays: number): 'active' | 'expiring' | 'expired' {
  if (expires === undefined) return 'active';
  const end = Date.parse(`${expires}T23:59:59.999Z`);
  if (Number.isNaN(end) || end < now.getTime()) return 'expired';
  return end - now.getTime() <= warningDays * DAY_MS ? 'expiring' : 'active';
}

export function deviationState(entry: DeviationEntry, now: Date, warningDays: number): ExceptionState['state'] {
  if (!entry.approvedBy || !entry.expires || !entry.reason) return 'invalid';
  return expiryState(entry.expires, now, warningDays);
}

/**
 * An attestation counts until its `expires`, or until `renewalDays` after its `date` when the
 * requirement demands renewal sooner; whichever comes first.
 */
export function attestationState(entry: AttestationEntry, now: Date, warningDays: number, renewalDays?: number): ExceptionState['state'] {
  return expiryState(attestationExpiry(entry, renewalDays), now, warningDays);
}

export function attestationExpiry(entry: AttestationEntry, renewalDays?: number): string {
  if (renewalDays === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) return entry.expires;
  const renewBy = new Date(Date.parse(`${entry.date}T00:00:00Z`) + renewalDays * DAY_MS).toISOString().slice(0, 10);
  return renewBy < entry.expires ? renewBy : entry.expires;
}

export interface RequirementExceptions {
  /** The attestation in force (the one lasting longest), if any. */
  attestation?: { entry: AttestationEntry; index: number; state: 'active' | 'expiring'; expires: string };
  /** Deviations of the requirement in force. */
  deviations: { entry: DeviationEntry; index: number; state: 'active' | 'expiring' }[];
  /** Why entries naming the requirement do not count (expired, unapproved). */
  notes: string[];
}

/** The attestations and deviations of one requirement, sorted into those that count and those that do not. */
export function requirementExceptions(config: TenetConfig, requirementId: string, now: Date, renewalDays?: number): RequirementExceptions {
  const warningDays = config.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
  const found: RequirementExceptions = { deviations: [], notes: [] };
  (config.attestations ?? []).forEach((entry, index) => {
    if (entry.requirement !== requirementId) return;
    const expires = attestationExpiry(entry, renewalDays);
    const state = attestationState(entry, now, warningDays, renewalDays);
    if (state === 'expired' || state === 'invalid') {
      found.notes.push(
        expires === entry.expires
          ? `attestations[${index}] expired on ${expires} and no longer counts`
          : `attestations[${index}] (dated ${entry.date}) was due for renewal on ${expires} and no longer counts`,
      );
      return;
    }
    if (!found.attestation || expires > found.attestation.expires) found.attestation = { entry, index, state, expires };
  });
  (config.deviations ?? []).forEach((entry, index) => {
    if (entry.requirement !== requirementId) return;
    const state = deviationState(entry, now, warningDays);
    if (state === 'expired') found.notes.push(`deviations[${index}] expired on ${entry.expires ?? '?'} and no longer counts`);
    else if (state === 'invalid') found.notes.push(`deviations[${index}] lacks an approver or an expiry and does not count`);
    else found.deviations.push({ entry, index, state });
  });
  return found;
}

/**
 * Every deviation and attestation of the configuration, with whether it counts. `renewalDaysOf`
 * gives a requirement's renewal period, from the packs evaluated.
 */
export function describeExceptions(config: TenetConfig, now: Date, renewalDaysOf: (requirement: string) => number | undefined = () => undefined): ExceptionState[] {
  const warningDays = config.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
  const states: ExceptionState[] = [];
  (config.deviations ?? []).forEach((entry, index) => {
    const state = deviationState(entry, now, warningDays);
    const described: ExceptionState = {
      kind: 'deviation',
      source: `deviations[${index}]`,
      target: entry.control ?? entry.requirement ?? '',
      state,
      reason: entry.reason,
    };
    if (entry.expires) described.expires = entry.expires;
    states.push(described);
  });
  (config.attestations ?? []).forEach((entry, index) => {
    const renewalDays = renewalDaysOf(entry.requirement);
    states.push({
      kind: 'attestation',
      source: `attestations[${index}]`,
      target: entry.requirement,
      state: attestationState(entry, now, warningDays, renewalDays),
      reason: entry.statement,
      expires: attestationExpiry(entry, renewalDays),
    });
  });
  return states;
}

/**
 * Marks the failing findings that an approved, unexpired deviation covers as suppressed, and
 * recomputes each control's status: `deviated` when nothing unsuppressed fails any more. Expired and
 * unapproved deviations cover nothing; the control's reason says so.
 */
export function applyControlDeviations(results: ControlResult[], config: TenetConfig, now: Date, configFile = '.tenet.yml'): void {
  const warningDays = config.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
  const deviations = (config.deviations ?? []).map((entry, index) => ({ entry, index, state: deviationState(entry, now, warningDays) }));
  for (const result of results) {
    const relevant = deviations.filter(({ entry }) => entry.control === result.id);
    if (relevant.length === 0) continue;
    const notes: string[] = [];
    for (const { entry, index, state } of relevant) {
      if (state === 'expired') {
        notes.push(`deviations[${index}] expired on ${entry.expires ?? '?'} and no longer counts`);
        continue;
      }
      if (state === 'invalid') {
        notes.push(`deviations[${index}] lacks an approver or an expiry and does not count`);
        continue;
      }
      const covers = findingMatcher(entry);
      for (const finding of result.findings) {
        if (finding.suppressed || finding.outcome !== 'fail' || !covers(finding)) continue;
        finding.suppressed = {
          kind: 'deviation',
          reason: entry.reason,
          source: `${configFile}#deviations[${index}]`,
          approvedBy: entry.approvedBy,
          expires: entry.expires,
        };
      }
    }
    if (result.status === 'fail' || result.status === 'pass' || result.status === 'deviated' || result.status === 'unknown') {
      if (result.findings.length > 0) result.status = statusOf(result.findings);
    }
    if (notes.length > 0) result.reason = [result.reason, ...notes].filter(Boolean).join('; ');
    withDefaultReason(result);
  }
}

/** Whether a finding lies within a deviation's scope (paths, resource, advisory, package). */
export function findingMatcher(entry: DeviationEntry): (finding: Finding) => boolean {
  const inPaths = entry.paths?.length ? picomatch(entry.paths, { dot: true }) : undefined;
  return (finding) => {
    if (inPaths && (finding.file === undefined || !inPaths(finding.file))) return false;
    if (entry.resource !== undefined && finding.resource !== entry.resource) return false;
    for (const scope of ['advisory', 'package'] as const) {
      const wanted = entry[scope];
      if (typeof wanted === 'string' && finding.properties?.[scope] !== wanted) {
        const aliases = finding.properties?.[`${scope}Aliases`]?.split(',') ?? [];
        if (!aliases.includes(wanted)) return false;
      }
    }
    return true;
  };
}
