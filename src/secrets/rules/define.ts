import type { Segment, SecretRule } from '../types.js';

/** Character classes of documented token alphabets (contents of a regex `[...]`). */
export const HEX = 'a-f0-9';
export const HEX_ANY = 'a-fA-F0-9';
export const HEX_UPPER = 'A-F0-9';
export const ALNUM = 'A-Za-z0-9';
export const LOWER_ALNUM = 'a-z0-9';
export const UPPER_ALNUM = 'A-Z0-9';
export const BASE64 = 'A-Za-z0-9+/';
export const BASE64URL = 'A-Za-z0-9_\\-';
export const BASE32 = 'A-Z2-7';

export const lit = (text: string): Segment => ({ kind: 'literal', text });
export const chars = (set: string, min: number, max = min): Segment => ({ kind: 'chars', chars: set, min, max });
export const oneOf = (...options: string[]): Segment => ({ kind: 'choice', options });
export const UUID: readonly Segment[] = [chars(HEX, 8), lit('-'), chars(HEX, 4), lit('-'), chars(HEX, 4), lit('-'), chars(HEX, 4), lit('-'), chars(HEX, 12)];

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** `datadog` → `[dD][aA]…`: case-insensitive without making the whole expression so. */
export function caseless(text: string): string {
  return [...text].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegex(c))).join('');
}

export function segmentsToRegex(segments: readonly Segment[]): string {
  return segments
    .map((segment) => {
      if (segment.kind === 'literal') return escapeRegex(segment.text);
      if (segment.kind === 'choice') return `(?:${segment.options.map(escapeRegex).join('|')})`;
      return `[${segment.chars}]{${segment.min}${segment.max === segment.min ? '' : `,${segment.max}`}}`;
    })
    .join('');
}

interface RuleOptions {
  keywords?: readonly string[];
  entropy?: number;
  validate?: (secret: string) => boolean;
  allow?: readonly RegExp[];
  near?: SecretRule['near'];
  allowRuns?: boolean;
  allowMatch?: readonly RegExp[];
}

interface TokenOptions extends RuleOptions {
  /** Characters that may not precede the token (default: letters and digits). */
  before?: string;
  /** Characters that may not follow it (default: letters, digits and the last segment's alphabet). */
  after?: string;
}

/**
 * A token recognisable by its own shape (a documented prefix, a fixed alphabet and length), wherever
 * it appears.
 */
export function token(family: string, id: string, description: string, segments: readonly Segment[], options: TokenOptions = {}): SecretRule {
  const last = [...segments].reverse().find((segment) => segment.kind === 'chars');
  const before = options.before ?? ALNUM;
  const after = options.after ?? `${ALNUM}${last?.kind === 'chars' ? last.chars : ''}`;
  const first = segments[0];
  const keywords =
    options.keywords ??
    (first?.kind === 'literal' ? [first.text.toLowerCase()] : first?.kind === 'choice' ? first.options.map((option) => option.toLowerCase()) : []);
  return {
    id,
    description,
    family,
    regex: `${before ? `(?<![${before}])` : ''}(${segmentsToRegex(segments)})${after ? `(?![${after}])` : ''}`,
    secretGroup: 1,
    keywords,
    confidence: 'high',
    shape: { segments, context: 'token' },
    ...common({ ...options, entropy: reachableEntropy(options.entropy, segments) }),
  };
}

/** A free-form password value that is really the name of another setting (`db_password`). */
const SNAKE_CASE_NAME = /^[A-Za-z]+(?:_[A-Za-z]+)+$/;

/** Separators between a name and its value in code, config and env files. */
const ASSIGN = String.raw`[\w.-]{0,25}[ \t'"\]]{0,3}(?:=|:=|::=|:|=>|\?=|,|>)[ \t\x60'"=(]{0,5}`;
const VALUE_END = String.raw`(?=[\x60'"\s;,<)\]}&]|\\[nrt]|$)`;

/**
 * A token without a distinctive shape, recognised by the name it is assigned to
 * (`DATADOG_API_KEY = "…"`, `"sendgrid": { "key": … }` is not enough: the name must lead to the value).
 */
export function assigned(family: string, id: string, description: string, names: readonly string[], value: readonly Segment[], options: RuleOptions = {}): SecretRule {
  return {
    id,
    description,
    family,
    regex: `(?:${names.map(caseless).join('|')})${ASSIGN}(${segmentsToRegex(value)})${VALUE_END}`,
    secretGroup: 1,
    keywords: options.keywords ?? names.map((name) => name.toLowerCase()),
    confidence: 'low',
    lineScoped: true,
    shape: { segments: value, context: 'assigned', names },
    ...common({
      ...options,
      entropy: reachableEntropy(options.entropy, value),
      ...(value.some((segment) => segment.kind === 'chars' && segment.chars === PRINTABLE) ? { allow: [...(options.allow ?? []), SNAKE_CASE_NAME] } : {}),
    }),
  };
}

/** A rule whose expression does not reduce to segments (PEM blocks, URLs, JWTs). */
export function pattern(
  family: string,
  id: string,
  description: string,
  regex: string,
  options: RuleOptions & { keywords: readonly string[]; secretGroup?: number; confidence?: SecretRule['confidence']; flags?: string; lineScoped?: boolean },
): SecretRule {
  return {
    id,
    description,
    family,
    regex,
    secretGroup: options.secretGroup ?? 1,
    keywords: options.keywords,
    confidence: options.confidence ?? 'high',
    ...(options.flags ? { flags: options.flags } : {}),
    ...(options.lineScoped ? { lineScoped: true } : {}),
    ...common(options),
  };
}

function common(options: RuleOptions): Partial<SecretRule> {
  const result: Partial<SecretRule> = {};
  if (options.entropy !== undefined) result.entropy = options.entropy;
  if (options.validate) result.validate = options.validate;
  if (options.allow) result.allow = options.allow;
  if (options.near) result.near = options.near;
  if (options.allowRuns) result.allowRuns = true;
  if (options.allowMatch) result.allowMatch = options.allowMatch;
  return result;
}

/** Printable ASCII without spaces and quotes: passwords chosen by people. */
export const PRINTABLE = '!#-&(-_a-~';

/** A password: starts with a letter or digit (so that separators are not taken for part of it). */
export function password(min: number, max: number): Segment[] {
  return [chars(ALNUM, 1), chars(PRINTABLE, min - 1, max - 1)];
}

/**
 * Caps an entropy threshold at what random values of the shortest length reach: a 20-character
 * random token cannot have more than log2(20) bits per character, and usually has about 0.5 less.
 */
function reachableEntropy(threshold: number | undefined, segments: readonly Segment[]): number | undefined {
  if (threshold === undefined) return undefined;
  const length = segments.reduce((sum, segment) => sum + (segment.kind === 'chars' ? segment.min : segment.kind === 'literal' ? segment.text.length : 1), 0);
  const alphabet = Math.max(2, ...segments.map((segment) => (segment.kind === 'chars' ? alphabetSize(segment.chars) : 2)));
  return Math.min(threshold, Math.log2(Math.max(2, length)) - 1.2, Math.log2(alphabet) - 0.7);
}

function alphabetSize(body: string): number {
  let size = 0;
  const plain = body.replace(/\\(.)/g, '$1');
  for (let i = 0; i < plain.length; i++) {
    if (plain[i + 1] === '-' && i + 2 < plain.length) {
      size += plain.charCodeAt(i + 2) - plain.charCodeAt(i) + 1;
      i += 2;
    } else size++;
  }
  return size;
}
