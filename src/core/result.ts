/** The result model: the JSON report contract of ARCHITECTURE.md, as types. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONTROL_STATUSES = ['pass', 'fail', 'not-applicable', 'unknown', 'error', 'deviated'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export const REQUIREMENT_STATUSES = [...CONTROL_STATUSES, 'attested'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const DOMAINS = [
  'supply-chain',
  'secrets',
  'change-control',
  'ci',
  'workflows',
  'containers',
  'kubernetes',
  'terraform',
  'code',
  'docs',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** Why a failing finding does not count against its control. */
export interface Suppression {
  kind: 'deviation' | 'inline' | 'ignore-file';
  reason: string;
  /** Where the suppression was declared, e.g. `.tenet.yml#deviations[0]` or `main.tf:12`. */
  source: string;
  approvedBy?: string;
  expires?: string;
}

export interface Finding {
  message: string;
  /** Repository-relative, forward slashes. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** Address of the declared resource the verdict is about (see ARCHITECTURE.md). */
  resource?: string;
  /** Stable across runs and line moves. */
  fingerprint: string;
  /** Short and redacted: never a full secret. */
  evidence?: string;
  /** `unknown`: this subject could not be judged (a value only known at deploy time, say). */
  outcome: 'fail' | 'unknown';
  suppressed?: Suppression;
  /** Facts about the subject that deviations can be scoped to (e.g. `advisory`, `package`). */
  properties?: Record<string, string>;
}

export interface ControlResult {
  id: string;
  title: string;
  domain: Domain;
  severity: Severity;
  status: ControlStatus;
  reason?: string;
  findings: Finding[];
  durationMs?: number;
  /**
   * Set when a pack runs the control with parameters other than the configured ones (e.g.
   * `approvals=2`): the same control appears once per distinct parameter set.
   */
  variant?: string;
  /** The parameters of a variant run. */
  params?: Record<string, unknown>;
  /** What the control judged, passing subjects included: the evidence behind a pass. */
  subjects?: JudgedSubjects;
}

/** Where a judged subject is. */
export interface SubjectRef {
  file?: string;
  resource?: string;
  line?: number;
}

/** The subjects a control judged and how each came out; passing ones are listed up to a bound. */
export interface JudgedSubjects {
  total: number;
  passed: number;
  failed: number;
  unknown: number;
  /** The passing subjects, at most {@link MAX_LISTED_SUBJECTS}; `passed` counts them all. */
  passing: SubjectRef[];
}

export const MAX_LISTED_SUBJECTS = 50;

export interface ScanError {
  file?: string;
  reason: string;
}

export interface RequirementResult {
  id: string;
  section: string;
  text?: string;
  status: RequirementStatus;
  controls: string[];
  reason?: string;
  attestation?: Record<string, unknown>;
  deviation?: Record<string, unknown>;
  /** How it is decided now: controls alone, controls and an attestation, or an attestation alone. */
  mode?: 'automated' | 'partly-automated' | 'attestation';
  /** Controls that will verify it once they exist; they count for nothing until then. */
  plannedControls?: string[];
  /** The result of each mapped control as this requirement saw it (its own parameter variant). */
  results?: { control: string; variant?: string; status: ControlStatus }[];
  /** When it fails: the most severe of its failing controls (what `--fail-on` compares). */
  severity?: Severity;
}

export interface PolicyResult {
  id: string;
  title: string;
  version?: string;
  status: RequirementStatus;
  requirements: RequirementResult[];
}

export interface TimingEntry {
  kind: 'collector' | 'control';
  id: string;
  ms: number;
}

export interface ScanResult {
  schemaVersion: string;
  tool: { name: string; version: string };
  target: { path: string; commit?: string; branch?: string; remotes?: { name: string; url: string }[] };
  startedAt: string;
  durationMs: number;
  policies: PolicyResult[];
  controls: ControlResult[];
  errors: ScanError[];
  summary: {
    controls: Partial<Record<ControlStatus, number>>;
    requirements: Partial<Record<RequirementStatus, number>>;
  };
  /** Deviations and attestations from the configuration, with whether each is in force. */
  exceptions?: ExceptionState[];
  timing?: TimingEntry[];
  /** Collected facts, only with `--format raw`. */
  facts?: Record<string, unknown>;
}

export interface ExceptionState {
  kind: 'deviation' | 'attestation';
  /** Index in its configuration list, e.g. `deviations[2]`. */
  source: string;
  target: string;
  state: 'active' | 'expired' | 'expiring' | 'invalid';
  reason?: string;
  expires?: string;
}

export const REPORT_SCHEMA_VERSION = '1.0.0';

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}
