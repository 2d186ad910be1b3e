import { performance } from 'node:perf_hooks';
import type { Collector, Control, ControlOutcome, FindingInput, Params, ParamSpecs, ScanOptionsView } from './control.js';
import { FactsUnavailable } from './control.js';
import type { ControlResult, Finding, TimingEntry } from '../core/result.js';
import { fingerprintOf } from '../core/redact.js';
import type { Repository } from '../repo/repository.js';
import type { TenetConfig } from '../config/types.js';
import { messageOf } from '../core/errors.js';

export interface RunInput {
  controls: readonly Control[];
  params: ReadonlyMap<string, Record<string, unknown>>;
  repo: Repository;
  config: TenetConfig;
  options: ScanOptionsView;
  now: Date;
  /** Extra runs of controls with other parameters (packs that demand them), sharing the same facts. */
  variants?: readonly ControlVariant[];
  /** Facts to collect even when no selected control asks for them (the SBOM's inventory). */
  collect?: readonly Collector<unknown>[];
}

export interface ControlVariant {
  control: Control;
  params: Record<string, unknown>;
  /** Label of the parameters that differ from the configured ones, e.g. `approvals=2`. */
  variant: string;
}

export interface RunOutput {
  results: ControlResult[];
  timing: TimingEntry[];
  facts: Map<string, unknown>;
}

type Memo = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Runs each control in isolation: one that throws ends as `error`, one whose facts could not be
 * collected as `unknown`; neither affects the others. Controls run one after another so that the
 * time of each, and of each collector (charged once, to whichever control first needed it), is its own.
 */
export async function runControls(input: RunInput): Promise<RunOutput> {
  const memo = new Map<string, Promise<Memo>>();
  const collected = new Map<string, unknown>();
  const timing: TimingEntry[] = [];
  let collectorMs = 0;

  const facts = <T>(collector: Collector<T>): Promise<T> => {
    let pending = memo.get(collector.id);
    if (!pending) {
      const started = performance.now();
      pending = (async (): Promise<Memo> => {
        try {
          const value = await collector.collect({ repo: input.repo, config: input.config, options: input.options, now: input.now, facts });
          collected.set(collector.id, value);
          return { ok: true, value };
        } catch (error) {
          return { ok: false, error };
        } finally {
          const ms = performance.now() - started;
          collectorMs += ms;
          timing.push({ kind: 'collector', id: collector.id, ms: round(ms) });
        }
      })();
      memo.set(collector.id, pending);
    }
    return pending.then((result) => {
      if (result.ok) return result.value as T;
      throw result.error instanceof FactsUnavailable
        ? result.error
        : new FactsUnavailable(`collecting ${collector.id} failed: ${messageOf(result.error)}`);
    });
  };

  const results: ControlResult[] = [];
  const jobs: ControlVariant[] = [
    ...input.controls.map((control) => ({ control, params: input.params.get(control.meta.id) ?? {}, variant: '' })),
    ...(input.variants ?? []),
  ];
  for (const job of jobs) {
    const started = performance.now();
    const collectorMsBefore = collectorMs;
    const result = await runOne(job.control, job.params, input, facts);
    const ms = Math.max(0, performance.now() - started - (collectorMs - collectorMsBefore));
    result.durationMs = round(ms);
    if (job.variant) {
      result.variant = job.variant;
      result.params = job.params;
    }
    timing.push({ kind: 'control', id: job.variant ? `${job.control.meta.id} [${job.variant}]` : job.control.meta.id, ms: round(ms) });
    results.push(result);
  }
  // A collector that fails here only leaves its facts out; the report that wanted them says so.
  for (const collector of input.collect ?? []) await facts(collector).catch(() => undefined);
  return { results, timing, facts: collected };
}

async function runOne(
  control: Control,
  params: Record<string, unknown>,
  input: RunInput,
  facts: <T>(collector: Collector<T>) => Promise<T>,
): Promise<ControlResult> {
  const { meta } = control;
  const base = { id: meta.id, title: meta.title, domain: meta.domain, severity: meta.severity };
  let outcome: ControlOutcome;
  try {
    outcome = await control.check({
      // Values were checked against the control's specs when the scan resolved them.
      params: params as Params<ParamSpecs>,
      config: input.config,
      options: input.options,
      facts,
      now: input.now,
    });
  } catch (error) {
    if (error instanceof FactsUnavailable) return { ...base, status: 'unknown', reason: error.message, findings: [] };
    return { ...base, status: 'error', reason: `control failed: ${messageOf(error)}`, findings: [] };
  }
  if (outcome.status !== 'evaluated') return { ...base, status: outcome.status, reason: outcome.reason, findings: [] };
  const findings = outcome.findings.map((finding) => completeFinding(meta.id, finding));
  const result: ControlResult = { ...base, status: statusOf(findings), findings };
  if (outcome.reason !== undefined) result.reason = outcome.reason;
  return withDefaultReason(result);
}

export function completeFinding(controlId: string, input: FindingInput): Finding {
  const finding: Finding = {
    message: input.message,
    fingerprint: input.fingerprint ?? fingerprintOf(controlId, input.resource ?? input.file ?? '', input.key ?? input.message),
    outcome: input.outcome ?? 'fail',
  };
  if (input.file !== undefined) finding.file = input.file;
  if (input.line !== undefined) finding.line = input.line;
  if (input.resource !== undefined) finding.resource = input.resource;
  if (input.evidence !== undefined) finding.evidence = input.evidence;
  if (input.suppressed !== undefined) finding.suppressed = input.suppressed;
  if (input.properties !== undefined) finding.properties = input.properties;
  return finding;
}

/** A control fails on any unsuppressed failing finding; otherwise an unjudged subject makes it unknown. */
export function statusOf(findings: readonly Finding[]): ControlResult['status'] {
  const active = findings.filter((finding) => !finding.suppressed);
  if (active.some((finding) => finding.outcome === 'fail')) return 'fail';
  if (active.some((finding) => finding.outcome === 'unknown')) return 'unknown';
  if (findings.some((finding) => finding.outcome === 'fail')) return 'deviated';
  return 'pass';
}

export function withDefaultReason(result: ControlResult): ControlResult {
  if (result.reason !== undefined) return result;
  const unknowns = result.findings.filter((finding) => !finding.suppressed && finding.outcome === 'unknown').length;
  if (result.status === 'unknown' && unknowns > 0) {
    result.reason = `${unknowns} subject(s) could not be judged statically`;
  } else if (result.status === 'deviated') {
    result.reason = 'every failing finding is covered by an approved exception';
  }
  return result;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
