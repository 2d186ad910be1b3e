import type { Domain, Finding, Severity } from '../core/result.js';
import type { PropertyPath, Subject } from '../core/subject.js';
import type { TenetConfig } from '../config/types.js';

/** A control parameter: its type, its default and what it means (packs and .tenet.yml set it). */
export type ParamSpec =
  | { type: 'number'; default: number; description: string; minimum?: number; maximum?: number }
  | { type: 'string'; default: string; description: string; enum?: readonly string[] }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string[]'; default: readonly string[]; description: string };

export type ParamSpecs = Record<string, ParamSpec>;

type ValueOf<S extends ParamSpec> = S extends { type: 'number' }
  ? number
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'boolean' }
      ? boolean
      : readonly string[];

export type Params<P extends ParamSpecs> = { readonly [K in keyof P]: ValueOf<P[K]> };

export interface ControlMeta<P extends ParamSpecs = ParamSpecs> {
  /** Kebab-case, the desired state (`dockerfile-runs-as-non-root`); a contract once shipped. */
  id: string;
  title: string;
  domain: Domain;
  severity: Severity;
  /** Why the control matters, for reports and `tenet controls`. */
  rationale: string;
  /** What to change to make it pass. */
  remediation: string;
  params?: P;
  /** Ids of the fact collectors a legacy control reads; derived from `facts` for the others. */
  facts?: readonly string[];
  /** Only runs when asked (`--github`, `--online`): what the control needs that a default scan lacks. */
  requires?: 'github' | 'online';
}

/**
 * What a control reports about one subject. The engine completes it: file, resource and line from
 * the subject (the line of `path` inside it when given), the fingerprint, and the waivers that cover it.
 */
export interface FindingInput {
  message: string;
  /** What the finding is about; its file, address and lines are the finding's unless given here. */
  subject?: Subject;
  /** The offending property inside the subject: the finding's line is that property's. */
  path?: PropertyPath;
  file?: string;
  line?: number;
  resource?: string;
  /** The offending value or subject key that identifies this finding across line moves. */
  key?: string;
  /** Overrides the computed fingerprint (secrets: hash of rule and secret). */
  fingerprint?: string;
  evidence?: string;
  outcome?: Finding['outcome'];
  properties?: Finding['properties'];
  /**
   * The offending line's text when the finding is about content that is not in the scanned tree (a
   * blob in history): inline waivers are read from it.
   */
  lineText?: string;
  /** @deprecated Set by legacy controls that apply waivers themselves; the engine does this now. */
  suppressed?: Finding['suppressed'];
}

/** How a control that judged subjects tells the engine what it judged (the pass evidence). */
export interface EvaluatedDetails {
  reason?: string;
  /** Every subject the control judged, passing or not. */
  judged?: readonly Subject[];
}

export type ControlOutcome =
  | { status: 'not-applicable'; reason: string }
  | { status: 'unknown'; reason: string }
  | { status: 'evaluated'; findings: FindingInput[]; reason?: string; judged?: readonly Subject[] };

export interface ScanOptionsView {
  github: boolean;
  online: boolean;
  [option: string]: unknown;
}

/**
 * A source of facts, computed at most once per scan and shared by every control that asks. The
 * engine knows only its id: what a collector reads (the repository, git, the network) is the facts
 * layer's business, so the context it is called with is opaque here.
 */
export interface FactSource<T> {
  readonly id: string;
  readonly description: string;
  collect(context: never): T | Promise<T>;
}

/** Facts a control can judge without: present, or absent with the reason. */
export type Availability<T> = { available: true; value: T } | { available: false; reason: string };

/** A fact source whose absence does not make the control `unknown`: it receives {@link Availability}. */
export interface OptionalFacts<T> extends FactSource<Availability<T>> {
  readonly optionalOf: FactSource<T>;
}

export function optional<T>(source: FactSource<T>): OptionalFacts<T> {
  return {
    id: `${source.id}?`,
    description: `${source.description} (when available)`,
    optionalOf: source,
    collect() {
      throw new Error('optional facts are resolved by the engine');
    },
  };
}

export type FactSources = Record<string, FactSource<unknown>>;

export type FactsOf<F extends FactSources> = { readonly [K in keyof F]: F[K] extends FactSource<infer T> ? T : never };

/** What a control is judged with besides its facts. */
export interface JudgeContext<P extends ParamSpecs> {
  params: Params<P>;
  config: TenetConfig;
  options: ScanOptionsView;
  /** The scan's time, so that expiry checks are testable. */
  now: Date;
}

/** A control: the facts it judges, declared, and a pure judgement of them. */
export interface FactControl<P extends ParamSpecs = ParamSpecs, F extends FactSources = FactSources> {
  meta: ControlMeta<P>;
  facts: F;
  check(facts: FactsOf<F>, context: JudgeContext<P>): ControlOutcome | Promise<ControlOutcome>;
}

/** @deprecated A control that asks for facts while it judges; being converted to {@link FactControl}. */
export interface LegacyControl<P extends ParamSpecs = ParamSpecs> {
  meta: ControlMeta<P>;
  facts?: undefined;
  check(context: CheckContext<P>): ControlOutcome | Promise<ControlOutcome>;
}

export interface CheckContext<P extends ParamSpecs> extends JudgeContext<P> {
  /** Facts from a collector, computed once per scan and shared by every control that asks. */
  facts<T>(collector: FactSource<T>): Promise<T>;
}

export type Control<P extends ParamSpecs = ParamSpecs> = FactControl<P> | LegacyControl<P>;

export function defineControl<const P extends ParamSpecs = Record<never, never>, const F extends FactSources = FactSources>(control: FactControl<P, F>): FactControl<P, F>;
export function defineControl<const P extends ParamSpecs = Record<never, never>>(control: LegacyControl<P>): LegacyControl<P>;
export function defineControl(control: Control): Control {
  return control;
}

/** The ids of the fact collectors a control reads. */
export function factIdsOf(control: Control): string[] {
  if (!control.facts) return [...(control.meta.facts ?? [])];
  return Object.values(control.facts).map((source) => ('optionalOf' in source ? (source as OptionalFacts<unknown>).optionalOf.id : source.id));
}

export const notApplicable = (reason: string): ControlOutcome => ({ status: 'not-applicable', reason });
export const unknown = (reason: string): ControlOutcome => ({ status: 'unknown', reason });

/** The findings of a control that judged; `details` is a reason or the subjects judged and a reason. */
export function evaluated(findings: FindingInput[], details?: string | EvaluatedDetails): ControlOutcome {
  const { reason, judged } = typeof details === 'string' ? { reason: details, judged: undefined } : (details ?? {});
  const outcome: ControlOutcome = { status: 'evaluated', findings };
  if (reason !== undefined) outcome.reason = reason;
  if (judged !== undefined) outcome.judged = judged;
  return outcome;
}

/** Reports a finding; its subject defaults to the one being judged. */
export type Report = (finding: FindingInput) => void;

/**
 * Judges each subject; `report` collects findings about it. Every subject counts as judged, so the
 * result shows what passed as well as what failed. No subjects gives `none()`'s outcome.
 */
export function judgeEach<S extends Subject>(
  subjects: readonly S[],
  judge: (subject: S, report: Report) => void,
  none: () => ControlOutcome,
  reason?: string,
): ControlOutcome {
  if (subjects.length === 0) return none();
  const findings: FindingInput[] = [];
  for (const subject of subjects) judge(subject, (finding) => void findings.push(finding.subject ? finding : { ...finding, subject }));
  return evaluated(findings, { judged: subjects, reason });
}

/** Thrown by a collector to make every control that needs it `unknown` with this reason. */
export class FactsUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FactsUnavailable';
  }
}
