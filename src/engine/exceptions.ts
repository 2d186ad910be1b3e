import picomatch from 'picomatch';
import type { AttestationEntry, DeviationEntry, TenetConfig } from '../config/types.js';
import type { ControlResult, ExceptionState, Finding } from './types.js';
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

export function attestationState(entry: AttestationEntry, now: Date, warningDays: number): ExceptionState['state'] {
  return expiryState(entry.expires, now, warningDays);
}

/** Every deviation and attestation of the configuration, with whether it counts. */
export function describeExceptions(config: TenetConfig, now: Date): ExceptionState[] {
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
    states.push({
      kind: 'attestation',
      source: `attestations[${index}]`,
      target: entry.requirement,
      state: attestationState(entry, now, warningDays),
      reason: entry.statement,
      expires: entry.expires,
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

function findingMatcher(entry: DeviationEntry): (finding: Finding) => boolean {
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
