/**
 * A piece of a token's documented shape. Rules built from segments compile to a regular expression
 * and, in tests, to generated fake tokens of exactly that shape.
 */
export type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'chars'; chars: string; min: number; max: number }
  | { kind: 'choice'; options: readonly string[] };

/** One credential format: data, compiled once by the matcher. */
export interface SecretRule {
  /** Kebab-case, stable: part of every finding's fingerprint. */
  id: string;
  description: string;
  /** Provider family (the rules file it came from, or `gitleaks` for imported rules). */
  family: string;
  /** Source of the regular expression (JavaScript syntax, no `g`). */
  regex: string;
  /** Extra flags (`i`, `s`, `u`). */
  flags?: string;
  /** Capture group holding the secret (0: the whole match). */
  secretGroup: number;
  /**
   * Lowercase strings of which at least one occurs in every match: the prefilter runs the regex only
   * when the text contains one. Empty means the rule runs on every text.
   */
  keywords: readonly string[];
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  /** Checks the token's own structure (a checksum, decodable JSON …). */
  validate?: (secret: string) => boolean;
  /** Secrets matching any of these are not findings (documented examples, placeholders). */
  allow?: readonly RegExp[];
  /** Matches whose whole text matches any of these are not findings (documentation hosts, say). */
  allowMatch?: readonly RegExp[];
  /** Only texts whose path matches (imported gitleaks rules with a `path`). */
  path?: RegExp;
  /** Never in texts whose path matches (gitleaks allowlist paths). */
  skipPaths?: readonly RegExp[];
  /** Secrets containing any of these (case-insensitive) are not findings (gitleaks stopwords). */
  stopwords?: readonly string[];
  /** Only a finding when a match of this rule lies within `within` characters. */
  near?: { rule: string; within: number };
  /**
   * `high`: a distinctive prefix or structure; `low`: a provider's token recognised by the name it is
   * assigned to; `generic`: any secret-like assignment. Where matches overlap, the more specific rule
   * wins; `low` and `generic` rules are skipped in minified bundles.
   */
  confidence: 'high' | 'low' | 'generic';
  /**
   * Matches never cross a line break and always contain a keyword: the rule runs only on the lines
   * holding one (much faster for rules with common keywords such as `key`).
   */
  lineScoped?: boolean;
  /** Skip the generic placeholder check (PEM bodies legitimately contain runs such as `AAAAAA`). */
  allowRuns?: boolean;
  /** The documented shape, when the rule was built from one (tests generate samples from it). */
  shape?: { segments: readonly Segment[]; context: 'token' | 'assigned'; names?: readonly string[] };
}
