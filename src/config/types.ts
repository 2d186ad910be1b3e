/** `.tenet.yml`, after validation against schema/tenet-config.schema.json. */
export interface TenetConfig {
  packs?: string[];
  exclude?: string[];
  only?: string[];
  skip?: string[];
  /** Bytes; files above it are skipped and reported. */
  maxFileSize?: number;
  /** Control parameters by control id. */
  params?: Record<string, Record<string, unknown>>;
  /** Whether `tenet:ignore` comments in scanned files may waive findings (default true). */
  inlineWaivers?: boolean;
  /** Days before expiry when an attestation or deviation is flagged as expiring. */
  expiryWarningDays?: number;
  deviations?: DeviationEntry[];
  attestations?: AttestationEntry[];
  /** Settings owned by individual domains (secrets, github …), validated by the schema. */
  [section: string]: unknown;
}

export interface DeviationEntry {
  control?: string;
  requirement?: string;
  reason: string;
  approvedBy?: string;
  /** YYYY-MM-DD; the deviation stops counting after this day. */
  expires?: string;
  /** Globs: only findings in these files are covered. */
  paths?: string[];
  /** Only findings about this resource address are covered. */
  resource?: string;
  [field: string]: unknown;
}

export interface AttestationEntry {
  requirement: string;
  statement: string;
  evidence: string;
  attestedBy: string;
  date: string;
  expires: string;
}

export const EMPTY_CONFIG: TenetConfig = {};
