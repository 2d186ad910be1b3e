import type { TenetConfig } from '../config/types.js';
import { findingMatcher, requirementExceptions, type RequirementExceptions } from '../engine/exceptions.js';
import { severityRank, type ControlResult, type PolicyResult, type RequirementResult, type RequirementStatus, type Severity } from '../core/result.js';
import type { Pack, PackRequirement, RequirementMode } from './types.js';

export interface PackEvaluationInput {
  packs: readonly Pack[];
  /** Ids of the controls that exist (the registry the scan chose from). */
  registered: ReadonlySet<string>;
  /** The result a mapped control produced with this requirement's parameters; undefined when it did not run. */
  resultFor(requirement: PackRequirement, controlId: string): ControlResult | undefined;
  config: TenetConfig;
  now: Date;
}

/** A requirement's controls that exist now (planned ones count once built) and those still to be built. */
export function splitControls(requirement: PackRequirement, registered: ReadonlySet<string>): { controls: string[]; planned: string[] } {
  const mapped = [...new Set([...requirement.controls, ...requirement.plannedControls])];
  return { controls: mapped.filter((id) => registered.has(id)), planned: mapped.filter((id) => !registered.has(id)) };
}

/**
 * How a requirement is decided with the controls that exist: an automated requirement with a
 * control still to be built needs an attestation for that part, and one with no built control is an
 * attestation until then.
 */
export function effectiveMode(requirement: PackRequirement, registered: ReadonlySet<string>): RequirementMode {
  const { controls, planned } = splitControls(requirement, registered);
  if (controls.length === 0) return 'attestation';
  return requirement.mode === 'automated' && planned.length === 0 ? 'automated' : 'partly-automated';
}

export function evaluatePacks(input: PackEvaluationInput): PolicyResult[] {
  return input.packs.map((pack) => {
    const requirements = pack.requirements.map((requirement) => evaluateRequirement(requirement, input));
    return { id: pack.id, title: pack.title, version: pack.version, status: policyStatus(requirements.map((entry) => entry.status)), requirements };
  });
}

/** Worst first: one failing requirement fails the policy; all met by attestation or better is `attested`. */
const POLICY_ORDER: RequirementStatus[] = ['fail', 'error', 'unknown', 'deviated', 'attested', 'pass'];

export function policyStatus(statuses: readonly RequirementStatus[]): RequirementStatus {
  if (statuses.length === 0) return 'unknown';
  return POLICY_ORDER.find((status) => statuses.includes(status)) ?? 'unknown';
}

/**
 * The roll-up of ARCHITECTURE.md. A failing control fails the requirement (an attestation cannot
 * outvote evidence; only an approved, unexpired deviation accepts it). Otherwise an automated
 * requirement passes when every mapped control passes or is not applicable and at least one
 * applied; a partly automated one also needs an attestation for the part no control sees; an
 * attestation alone covers a requirement the controls cannot decide. Nothing behind it: unknown.
 */
export function evaluateRequirement(requirement: PackRequirement, input: PackEvaluationInput): RequirementResult {
  const { controls, planned } = splitControls(requirement, input.registered);
  const mode = effectiveMode(requirement, input.registered);
  const seen = controls.map((id) => ({ id, result: input.resultFor(requirement, id) }));
  const exceptions = requirementExceptions(input.config, requirement.id, input.now, requirement.attestation?.renewalDays);

  const result: RequirementResult = { id: requirement.id, section: requirement.section, text: requirement.text, status: 'unknown', controls, mode };
  if (planned.length > 0) result.plannedControls = planned;
  result.results = seen.map(({ id, result: control }) => ({
    control: id,
    ...(control?.variant ? { variant: control.variant } : {}),
    status: control?.status ?? 'unknown',
  }));

  const reasons: string[] = [];
  const failing = seen.filter((entry) => entry.result?.status === 'fail');
  if (failing.length > 0) {
    result.severity = mostSevere(failing.map((entry) => (entry.result as ControlResult).severity));
    const covering = exceptions.deviations.find(({ entry }) => coversFailures(entry, failing.map((item) => item.result as ControlResult)));
    if (covering) {
      result.status = 'deviated';
      result.deviation = describeDeviation(covering);
      reasons.push(`failing ${names(failing)}, accepted by deviations[${covering.index}]${expiringNote(covering.state, covering.entry.expires)}`);
    } else {
      result.status = 'fail';
      reasons.push(`failing: ${failing.map(({ id, result: control }) => `${label(id, control)} (${control?.findings.filter((finding) => !finding.suppressed && finding.outcome === 'fail').length ?? 0} finding(s))`).join(', ')}`);
    }
    return finish(result, reasons, exceptions);
  }

  const verdict = automatedVerdict(seen);
  reasons.push(...verdict.reasons);
  if ((verdict.status === 'pass' || verdict.status === 'deviated') && mode === 'automated') {
    result.status = verdict.status;
    return finish(result, reasons, exceptions);
  }
  if (exceptions.attestation) {
    const { entry, index, state, expires } = exceptions.attestation;
    result.status = 'attested';
    result.attestation = { source: `attestations[${index}]`, statement: entry.statement, evidence: entry.evidence, attestedBy: entry.attestedBy, date: entry.date, expires, state };
    reasons.unshift(`attested by ${entry.attestedBy} on ${entry.date} (attestations[${index}])${expiringNote(state, expires)}`);
    return finish(result, reasons, exceptions);
  }
  const unscoped = exceptions.deviations.find(({ entry }) => !isScoped(entry));
  if (unscoped) {
    result.status = 'deviated';
    result.deviation = describeDeviation(unscoped);
    reasons.unshift(`accepted by deviations[${unscoped.index}]${expiringNote(unscoped.state, unscoped.entry.expires)}: ${unscoped.entry.reason}`);
    return finish(result, reasons, exceptions);
  }
  result.status = verdict.status === 'error' ? 'error' : 'unknown';
  if (mode === 'attestation') {
    reasons.push(`needs an attestation${planned.length ? ` until ${planned.join(', ')} exist${planned.length === 1 ? 's' : ''}` : ''}${requirement.attestation ? ` (evidence: ${requirement.attestation.evidence})` : ''}`);
  } else if (verdict.status === 'pass' || verdict.status === 'deviated') {
    const rest = planned.length ? `${planned.join(', ')} (not built yet) and what no control can see` : 'what no control can see';
    reasons.push(`the automated part holds; an attestation must cover ${rest}`);
  }
  return finish(result, reasons, exceptions);
}

function automatedVerdict(seen: { id: string; result: ControlResult | undefined }[]): { status: 'pass' | 'deviated' | 'unknown' | 'error' | 'none'; reasons: string[] } {
  if (seen.length === 0) return { status: 'none', reasons: [] };
  const reasons: string[] = [];
  const notRun = seen.filter((entry) => !entry.result);
  const errors = seen.filter((entry) => entry.result?.status === 'error');
  const unknowns = seen.filter((entry) => entry.result?.status === 'unknown');
  const applied = seen.filter((entry) => entry.result?.status === 'pass' || entry.result?.status === 'deviated');
  const deviated = seen.filter((entry) => entry.result?.status === 'deviated');
  if (notRun.length) reasons.push(`not run: ${names(notRun)} (excluded by --only/--skip)`);
  for (const { id, result } of [...errors, ...unknowns]) reasons.push(`${label(id, result)} is ${result?.status ?? 'unknown'}${result?.reason ? `: ${result.reason}` : ''}`);
  if (errors.length) return { status: 'error', reasons };
  if (notRun.length || unknowns.length) return { status: 'unknown', reasons };
  if (applied.length === 0) return { status: 'unknown', reasons: [`no mapped control applies to this repository (${names(seen)} not applicable); attest it if it is met elsewhere`] };
  if (deviated.length) return { status: 'deviated', reasons: [`${names(deviated)} deviated; ${names(applied.filter((entry) => !deviated.includes(entry))) || 'nothing else'} passes`] };
  const inapplicable = seen.filter((entry) => entry.result?.status === 'not-applicable');
  return { status: 'pass', reasons: [`${names(applied)} pass${inapplicable.length ? ` (${names(inapplicable)} not applicable)` : ''}`] };
}

/** A scoped deviation (paths, resource …) accepts a failure only when every failing finding lies in its scope. */
function coversFailures(entry: RequirementExceptions['deviations'][number]['entry'], failing: readonly ControlResult[]): boolean {
  if (!isScoped(entry)) return true;
  const covers = findingMatcher(entry);
  const findings = failing.flatMap((result) => result.findings.filter((finding) => !finding.suppressed && finding.outcome === 'fail'));
  return findings.length > 0 && findings.every(covers);
}

function isScoped(entry: RequirementExceptions['deviations'][number]['entry']): boolean {
  return Boolean(entry.paths?.length) || entry.resource !== undefined || entry.advisory !== undefined || entry.package !== undefined;
}

function describeDeviation({ entry, index, state }: RequirementExceptions['deviations'][number]): Record<string, unknown> {
  const described: Record<string, unknown> = { source: `deviations[${index}]`, reason: entry.reason, approvedBy: entry.approvedBy, expires: entry.expires, state };
  if (entry.paths) described.paths = entry.paths;
  if (entry.resource) described.resource = entry.resource;
  return described;
}

function finish(result: RequirementResult, reasons: string[], exceptions: RequirementExceptions): RequirementResult {
  const all = [...reasons, ...exceptions.notes].filter(Boolean);
  if (all.length > 0) result.reason = all.join('; ');
  return result;
}

function expiringNote(state: 'active' | 'expiring', expires: string | undefined): string {
  return state === 'expiring' ? ` — expires soon (${expires ?? '?'}): renew it` : '';
}

function label(id: string, result: ControlResult | undefined): string {
  return result?.variant ? `${id} [${result.variant}]` : id;
}

function names(entries: readonly { id: string; result: ControlResult | undefined }[]): string {
  return entries.map(({ id, result }) => label(id, result)).join(', ');
}

function mostSevere(severities: readonly Severity[]): Severity {
  return [...severities].sort((a, b) => severityRank(b) - severityRank(a))[0] ?? 'info';
}
