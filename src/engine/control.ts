import type { Domain, Finding, Severity } from '../core/result.js';
import type { Repository } from '../repo/repository.js';
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
  /** Ids of the fact collectors it reads, for documentation and `--format raw`. */
  facts?: readonly string[];
  /** Only runs when asked (`--github`, `--online`): what the control needs that a default scan lacks. */
  requires?: 'github' | 'online';
}

/** What a control reports about one subject; the engine adds the fingerprint and defaults. */
export interface FindingInput {
  message: string;
  file?: string;
  line?: number;
  resource?: string;
  /** The offending value or subject key that identifies this finding across line moves. */
  key?: string;
  /** Overrides the computed fingerprint (secrets: hash of rule and secret). */
  fingerprint?: string;
  evidence?: string;
  outcome?: Finding['outcome'];
  suppressed?: Finding['suppressed'];
  properties?: Finding['properties'];
}

export type ControlOutcome =
  | { status: 'not-applicable'; reason: string }
  | { status: 'unknown'; reason: string }
  | { status: 'evaluated'; findings: FindingInput[]; reason?: string };

/** A way for controls to obtain facts without touching disk, git or the network themselves. */
export interface Collector<T> {
  id: string;
  description: string;
  collect(context: CollectorContext): T | Promise<T>;
}

export interface ScanOptionsView {
  github: boolean;
  online: boolean;
  [option: string]: unknown;
}

export interface CollectorContext {
  repo: Repository;
  config: TenetConfig;
  options: ScanOptionsView;
  /** The scan's time, for windows such as "the last 90 days" (the real time when absent). */
  now?: Date;
  facts<T>(collector: Collector<T>): Promise<T>;
}

export interface CheckContext<P extends ParamSpecs> {
  params: Params<P>;
  config: TenetConfig;
  options: ScanOptionsView;
  /** Facts from a collector, computed once per scan and shared by every control that asks. */
  facts<T>(collector: Collector<T>): Promise<T>;
  /** The scan's time, so that expiry checks are testable. */
  now: Date;
}

export interface Control<P extends ParamSpecs = ParamSpecs> {
  meta: ControlMeta<P>;
  check(context: CheckContext<P>): ControlOutcome | Promise<ControlOutcome>;
}

export function defineControl<const P extends ParamSpecs = Record<never, never>>(control: Control<P>): Control<P> {
  return control;
}

export function defineCollector<T>(collector: Collector<T>): Collector<T> {
  return collector;
}

export const notApplicable = (reason: string): ControlOutcome => ({ status: 'not-applicable', reason });
export const unknown = (reason: string): ControlOutcome => ({ status: 'unknown', reason });
export const evaluated = (findings: FindingInput[], reason?: string): ControlOutcome =>
  reason === undefined ? { status: 'evaluated', findings } : { status: 'evaluated', findings, reason };

/** Thrown by a collector to make every control that needs it `unknown` with this reason. */
export class FactsUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FactsUnavailable';
  }
}
