import { performance } from 'node:perf_hooks';
import type { Control, ControlOutcome, FactSource, FindingInput, OptionalFacts, Params, ParamSpecs, ScanOptionsView, Availability } from './control.js';
import { FactsUnavailable } from './control.js';
import { MAX_LISTED_SUBJECTS, type ControlResult, type Domain, type Finding, type JudgedSubjects, type SubjectRef, type TimingEntry } from '../core/result.js';
import type { Subject } from '../core/subject.js';
import { fingerprintOf } from '../core/redact.js';
import { messageOf } from '../core/errors.js';
import type { TenetConfig } from '../config/types.js';
import { Waivers, type WaiverSources } from './waivers.js';

export interface RunInput {
  controls: readonly Control[];
  params: ReadonlyMap<string, Record<string, unknown>>;
  /** What collectors read from (the repository …): opaque to the engine, handed to each collector. */
  collectorContext: Record<string, unknown>;
  config: TenetConfig;
  options: ScanOptionsView;
  now: Date;
  /** Extra runs of controls with other parameters (packs that demand them), sharing the same facts. */
  variants?: readonly ControlVariant[];
  /** Facts to collect even when no selected control asks for them (the SBOM's inventory). */
  collect?: readonly FactSource<unknown>[];
  /** Where inline waivers and ignore files are read from; without it nothing is waived. */
  waivers?: WaiverSources;
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
type Facts = <T>(source: FactSource<T>) => Promise<T>;

const NO_WAIVERS: WaiverSources = { textOf: () => undefined, inline: false, ignored: new Map() };

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

  const facts: Facts = <T>(source: FactSource<T>): Promise<T> => {
    let pending = memo.get(source.id);
    if (!pending) {
      const started = performance.now();
      pending = (async (): Promise<Memo> => {
        try {
          // The context's shape is the facts layer's contract with its collectors, not the engine's.
          const value = await source.collect({ ...input.collectorContext, facts } as never);
          collected.set(source.id, value);
          return { ok: true, value };
        } catch (error) {
          return { ok: false, error };
        } finally {
          const ms = performance.now() - started;
          collectorMs += ms;
          timing.push({ kind: 'collector', id: source.id, ms: round(ms) });
        }
      })();
      memo.set(source.id, pending);
    }
    return pending.then((result) => {
      if (result.ok) return result.value as T;
      throw result.error instanceof FactsUnavailable
        ? result.error
        : new FactsUnavailable(`collecting ${source.id} failed: ${messageOf(result.error)}`);
    });
  };

  const waivers = new Waivers(input.waivers ?? NO_WAIVERS);
  const results: ControlResult[] = [];
  const jobs: ControlVariant[] = [
    ...input.controls.map((control) => ({ control, params: input.params.get(control.meta.id) ?? {}, variant: '' })),
    ...(input.variants ?? []),
  ];
  for (const job of jobs) {
    const started = performance.now();
    const collectorMsBefore = collectorMs;
    const result = await runOne(job.control, job.params, input, facts, waivers);
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
  for (const source of input.collect ?? []) await facts(source).catch(() => undefined);
  return { results, timing, facts: collected };
}

async function runOne(control: Control, params: Record<string, unknown>, input: RunInput, facts: Facts, waivers: Waivers): Promise<ControlResult> {
  const { meta } = control;
  const base = { id: meta.id, title: meta.title, domain: meta.domain, severity: meta.severity };
  const context = {
    // Values were checked against the control's specs when the scan resolved them.
    params: params as Params<ParamSpecs>,
    config: input.config,
    options: input.options,
    now: input.now,
  };
  let outcome: ControlOutcome;
  try {
    outcome = control.facts ? await control.check(await declaredFacts(control.facts, facts), context) : await control.check({ ...context, facts });
  } catch (error) {
    if (error instanceof FactsUnavailable) return { ...base, status: 'unknown', reason: error.message, findings: [] };
    return { ...base, status: 'error', reason: `control failed: ${messageOf(error)}`, findings: [] };
  }
  if (outcome.status !== 'evaluated') return { ...base, status: outcome.status, reason: outcome.reason, findings: [] };
  const findings = outcome.findings.map((finding) => completeFinding(meta.id, finding, meta.domain, waivers));
  const result: ControlResult = { ...base, status: statusOf(findings), findings };
  if (outcome.reason !== undefined) result.reason = outcome.reason;
  if (outcome.judged) result.subjects = judgedSubjects(outcome.judged, outcome.findings, findings);
  return withDefaultReason(result);
}

/** Collects every fact source a control declares; an optional one that fails is handed over as absent. */
async function declaredFacts(sources: Record<string, FactSource<unknown>>, facts: Facts): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    Object.entries(sources).map(async ([name, source]): Promise<[string, unknown]> => {
      if (!('optionalOf' in source)) return [name, await facts(source)];
      const wanted = (source as OptionalFacts<unknown>).optionalOf;
      try {
        return [name, { available: true, value: await facts(wanted) } satisfies Availability<unknown>];
      } catch (error) {
        if (!(error instanceof FactsUnavailable)) throw error;
        return [name, { available: false, reason: error.message } satisfies Availability<unknown>];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * Completes what a control reported: file, resource and line from its subject (the line of `path`
 * inside it when given), the fingerprint, and the waiver that covers it, if any.
 */
export function completeFinding(controlId: string, input: FindingInput, domain: Domain, waivers?: Waivers): Finding {
  const subject = input.subject;
  const file = input.file ?? subject?.file;
  const resource = input.resource ?? subject?.address;
  const line = input.line ?? (input.path && subject?.lineOf ? subject.lineOf(input.path) : undefined) ?? subject?.line;
  const key = subject?.part !== undefined ? `${subject.part}:${input.key ?? ''}` : (input.key ?? input.message);
  const finding: Finding = {
    message: input.message,
    fingerprint: input.fingerprint ?? fingerprintOf(controlId, resource ?? file ?? '', key),
    outcome: input.outcome ?? 'fail',
  };
  if (file !== undefined) finding.file = file;
  if (line !== undefined) finding.line = line;
  if (resource !== undefined) finding.resource = resource;
  if (input.evidence !== undefined) finding.evidence = input.evidence;
  if (input.properties !== undefined) finding.properties = input.properties;
  const suppressed = input.suppressed ?? waivers?.suppressionOf(controlId, domain, { file, line, subject, fingerprint: finding.fingerprint, lineText: input.lineText });
  if (suppressed !== undefined) finding.suppressed = suppressed;
  return finding;
}

/** How each judged subject came out: failing when an active failing finding is about it, and so on. */
function judgedSubjects(judged: readonly Subject[], inputs: readonly FindingInput[], findings: readonly Finding[]): JudgedSubjects {
  const worst = new Map<Subject, 'fail' | 'unknown'>();
  inputs.forEach((input, index) => {
    const finding = findings[index];
    if (!finding || finding.suppressed) return;
    for (let subject = input.subject; subject; subject = subject.parent) {
      if (worst.get(subject) !== 'fail') worst.set(subject, finding.outcome);
    }
  });
  const summary: JudgedSubjects = { total: judged.length, passed: 0, failed: 0, unknown: 0, passing: [] };
  for (const subject of judged) {
    const outcome = worst.get(subject);
    if (outcome === 'fail') summary.failed++;
    else if (outcome === 'unknown') summary.unknown++;
    else {
      summary.passed++;
      if (summary.passing.length < MAX_LISTED_SUBJECTS) summary.passing.push(refOf(subject));
    }
  }
  return summary;
}

function refOf(subject: Subject): SubjectRef {
  const ref: SubjectRef = { file: subject.file };
  if (subject.address !== undefined) ref.resource = subject.part !== undefined ? `${subject.address} (${subject.part})` : subject.address;
  if (subject.line !== undefined) ref.line = subject.line;
  return ref;
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
