/** A policy pack as written in YAML (schema/pack.schema.json). */

export type RequirementMode = 'automated' | 'partly-automated' | 'attestation';

export type ControlParams = Record<string, Record<string, unknown>>;

export interface AttestationSpec {
  /** What a person must attach. */
  evidence: string;
  /** An attestation dated longer ago than this no longer counts, whatever its `expires`. */
  renewalDays?: number;
}

export interface PackRequirementSource {
  id: string;
  section?: string;
  text?: string;
  mode?: RequirementMode;
  controls?: string[];
  plannedControls?: string[];
  attestation?: AttestationSpec;
  params?: ControlParams;
}

export interface PackSource {
  id: string;
  title: string;
  version: string;
  organisation?: string;
  description?: string;
  source?: { document?: string; url?: string; note?: string };
  extends?: string;
  omit?: string[];
  params?: ControlParams;
  requirements?: PackRequirementSource[];
}

/** A requirement after `extends` is resolved and defaults are filled. */
export interface PackRequirement {
  id: string;
  section: string;
  text: string;
  mode: RequirementMode;
  controls: string[];
  plannedControls: string[];
  attestation?: AttestationSpec;
  /** This requirement's control parameters: the pack's, overridden by its own. */
  params: ControlParams;
}

export interface Pack {
  id: string;
  title: string;
  version: string;
  organisation?: string;
  source?: PackSource['source'];
  /** Where it came from: `builtin` or the file it was read from. */
  origin: string;
  requirements: PackRequirement[];
}
