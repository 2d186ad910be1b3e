import { fingerprintOf, redactSecret } from '../core/redact.js';
import { shannonEntropy } from './entropy.js';
import { classifyPath, isCodeLikeValue, isPlaceholder, looksMinified, type FileClass } from './false-alarms.js';
import { KeywordPrefilter, MAX_POSITIONS } from './prefilter.js';
import type { SecretRule } from './types.js';

/** One credential found in a text. `secret` never leaves the secrets engine: callers keep `redacted`. */
export interface SecretHit {
  rule: SecretRule;
  secret: string;
  start: number;
  end: number;
  /** 1-based line of the secret's first character. */
  line: number;
  /** Hash of rule id and secret: the same secret elsewhere has the same fingerprint. */
  fingerprint: string;
  /** A short prefix, safe to print. */
  redacted: string;
  /** `path:line` of a `tenet:allow` comment that waives it. */
  allowedBy?: string;
  /** The comment's own words after the marker, with anything token-like redacted. */
  allowReason?: string;
}

/** What may leave the engine about a hit: no secret, only its fingerprint and redacted prefix. */
export interface FoundSecret {
  ruleId: string;
  description: string;
  line: number;
  fingerprint: string;
  redacted: string;
  allowedBy?: string;
  allowReason?: string;
}

export function foundSecret(hit: SecretHit): FoundSecret {
  const found: FoundSecret = { ruleId: hit.rule.id, description: hit.rule.description, line: hit.line, fingerprint: hit.fingerprint, redacted: hit.redacted };
  if (hit.allowedBy) found.allowedBy = hit.allowedBy;
  if (hit.allowReason) found.allowReason = hit.allowReason;
  return found;
}

interface CompiledRule {
  rule: SecretRule;
  regex: RegExp;
}

const RANK: Record<SecretRule['confidence'], number> = { high: 2, low: 1, generic: 0 };
/** Bounds the work and the report for a file stuffed with matches. */
const MAX_HITS_PER_RULE = 200;
/** `name(…`: a function call where a value was expected. */
const CODE_CALL = /^[A-Za-z_$][\w$.]*\(/;
const INLINE_ALLOW = /tenet:(?:allow|ignore)|gitleaks:allow/;
const DATA_URI = /data:[a-z]{1,20}\/[a-z0-9.+-]{1,60};base64,[A-Za-z0-9+/=]+/g;

export function secretFingerprint(ruleId: string, secret: string): string {
  return fingerprintOf(ruleId, secret.replace(/\s+/g, ''));
}

/**
 * Runs a rule set over texts: keyword prefilter, then only the rules whose keywords occur, then the
 * false-alarm filters. Reusable across millions of blobs; not thread-safe.
 */
export class SecretMatcher {
  private readonly compiled: CompiledRule[];
  private readonly prefilter: KeywordPrefilter;
  /** Rules by keyword id. */
  private readonly rulesOfKeyword: number[][];
  private readonly unconditional: number[];
  private readonly found: Uint8Array;
  /** Where each keyword of a line-scoped rule ends in the current text (undefined for other keywords). */
  private readonly positions: (number[] | undefined)[];
  private readonly keywordIds: Map<string, number>;
  /** Keywords found in the current text. */
  private readonly foundIds: number[] = [];

  constructor(readonly rules: readonly SecretRule[]) {
    this.compiled = rules.map((rule) => ({ rule, regex: new RegExp(rule.regex, `g${rule.flags ?? ''}`) }));
    const keywordIds = new Map<string, number>();
    this.rulesOfKeyword = [];
    this.unconditional = [];
    rules.forEach((rule, index) => {
      if (rule.keywords.length === 0) this.unconditional.push(index);
      for (const keyword of rule.keywords) {
        let id = keywordIds.get(keyword);
        if (id === undefined) {
          id = keywordIds.size;
          keywordIds.set(keyword, id);
          this.rulesOfKeyword.push([]);
        }
        this.rulesOfKeyword[id]?.push(index);
      }
    });
    this.prefilter = new KeywordPrefilter([...keywordIds.keys()]);
    this.found = new Uint8Array(keywordIds.size);
    this.keywordIds = keywordIds;
    this.positions = new Array<number[] | undefined>(keywordIds.size).fill(undefined);
    for (const rule of rules) {
      if (!rule.lineScoped) continue;
      for (const keyword of rule.keywords) {
        const id = keywordIds.get(keyword);
        if (id !== undefined) this.positions[id] ??= [];
      }
    }
  }

  /** Indexes of the rules worth running on these bytes, or an empty list. */
  candidates(bytes: Uint8Array): number[] {
    for (const id of this.foundIds) {
      this.found[id] = 0;
      const list = this.positions[id];
      if (list) list.length = 0;
    }
    this.foundIds.length = 0;
    const count = this.prefilter.scan(bytes, this.found, this.positions, this.foundIds);
    if (count === 0) return this.unconditional;
    const selected = new Set<number>(this.unconditional);
    for (const id of this.foundIds) for (const index of this.rulesOfKeyword[id] ?? []) selected.add(index);
    return [...selected].sort((a, b) => a - b);
  }

  /** Every credential in a file's bytes (binary content is the caller's to skip). */
  scanBytes(bytes: Uint8Array, path: string): SecretHit[] {
    const candidates = this.candidates(bytes);
    if (candidates.length === 0) return [];
    return this.scanCandidates(new LazyText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), path, candidates);
  }

  scanText(text: string, path: string): SecretHit[] {
    const bytes = Buffer.from(text, 'latin1');
    const candidates = this.candidates(bytes);
    return candidates.length === 0 ? [] : this.scanCandidates(new LazyText(bytes), path, candidates);
  }

  private scanCandidates(text: LazyText, path: string, candidates: readonly number[]): SecretHit[] {
    let fileClass: FileClass = classifyPath(path);
    if (fileClass === 'fixture') return [];
    if (fileClass === 'normal' && /\.(?:js|mjs|cjs|css)$/.test(path) && looksMinified(text)) fileClass = 'minified';
    const raw: SecretHit[] = [];
    for (const index of candidates) {
      const { rule, regex } = this.compiled[index] as CompiledRule;
      if (fileClass !== 'normal' && rule.confidence !== 'high' && !(fileClass === 'lockfile' && rule.id === 'url-credentials')) continue;
      if (rule.path && !rule.path.test(path)) continue;
      if (rule.skipPaths?.some((skip) => skip.test(path))) continue;
      let spans: readonly (readonly [number, number])[] = [[0, text.length]];
      if (rule.lineScoped) spans = this.linesContaining(text, rule.keywords);
      let hits = 0;
      for (const [spanStart, spanEnd] of spans) {
        const piece = spanStart === 0 && spanEnd === text.length ? text.whole() : text.slice(spanStart, spanEnd);
        regex.lastIndex = 0;
        for (let match = regex.exec(piece); match !== null && hits < MAX_HITS_PER_RULE; match = regex.exec(piece)) {
          if (match[0].length === 0) regex.lastIndex++;
          const secret = match[rule.secretGroup] ?? match[0];
          if (secret.length === 0 || !this.accepts(rule, secret)) continue;
          if (rule.allowMatch?.some((allow) => allow.test(match[0]))) continue;
          const start = spanStart + match.index + (rule.secretGroup === 0 ? 0 : Math.max(0, match[0].indexOf(secret)));
          raw.push({ rule, secret, start, end: start + secret.length, line: 0, fingerprint: '', redacted: '' });
          hits++;
        }
      }
    }
    if (raw.length === 0) return [];
    const kept = this.resolve(raw, text);
    assignLines(kept, text);
    for (const hit of kept) {
      hit.fingerprint = secretFingerprint(hit.rule.id, hit.secret);
      hit.redacted = redactSecret(hit.secret.trim());
      const allowed = allowingLine(text, hit);
      if (allowed !== undefined) {
        hit.allowedBy = `${path}:${allowed.line}`;
        if (allowed.reason) hit.allowReason = allowed.reason;
      }
    }
    return kept;
  }

  private accepts(rule: SecretRule, secret: string): boolean {
    if (rule.allow?.some((allow) => allow.test(secret))) return false;
    if (rule.stopwords?.length) {
      const lower = secret.toLowerCase();
      if (rule.stopwords.some((word) => lower.includes(word))) return false;
    }
    if (rule.keywords.includes(secret.toLowerCase())) return false;
    if (isPlaceholder(randomPart(rule, secret), rule.allowRuns ?? false)) return false;
    if (rule.confidence === 'generic' && isCodeLikeValue(secret)) return false;
    if (rule.confidence !== 'high' && CODE_CALL.test(secret)) return false;
    if (rule.entropy !== undefined && shannonEntropy(rule.allowRuns ? secret.replace(/-----[A-Z0-9 ]+-----|\s+|\\n/g, '') : secret) < rule.entropy) return false;
    if (rule.validate && !rule.validate(secret)) return false;
    return true;
  }

  /** Drops matches inside data: URIs, unmet `near` constraints and the less specific of overlapping matches. */
  private resolve(raw: SecretHit[], text: LazyText): SecretHit[] {
    const dataSpans: [number, number][] = [];
    if (text.includes(';base64,')) {
      const whole = text.whole();
      DATA_URI.lastIndex = 0;
      for (let match = DATA_URI.exec(whole); match !== null; match = DATA_URI.exec(whole)) dataSpans.push([match.index, match.index + match[0].length]);
    }
    let hits = raw.filter((hit) => !dataSpans.some(([start, end]) => hit.start >= start && hit.end <= end));
    hits = hits.filter((hit) => {
      const near = hit.rule.near;
      if (!near) return true;
      return hits.some((other) => other.rule.id === near.rule && Math.abs(other.start - hit.start) <= near.within);
    });
    hits.sort((a, b) => a.start - b.start || RANK[b.rule.confidence] - RANK[a.rule.confidence]);
    const kept: SecretHit[] = [];
    for (const hit of hits) {
      let dominated = false;
      for (let i = kept.length - 1; i >= 0; i--) {
        const other = kept[i] as SecretHit;
        if (other.end <= hit.start) continue;
        const rankDifference = RANK[other.rule.confidence] - RANK[hit.rule.confidence];
        if (rankDifference > 0 || (rankDifference === 0 && other.start === hit.start && other.end === hit.end)) {
          dominated = true;
          break;
        }
        if (rankDifference < 0) kept.splice(i, 1);
      }
      if (!dominated) kept.push(hit);
    }
    return kept;
  }

  /**
   * The spans of the lines that hold one of the keywords (from the positions the prefilter recorded),
   * merged when adjacent, or the whole text when they cover most of it or a keyword is everywhere.
   */
  private linesContaining(text: LazyText, keywords: readonly string[]): (readonly [number, number])[] {
    const ends: number[] = [];
    for (const keyword of keywords) {
      const list = this.positions[this.keywordIds.get(keyword) ?? -1];
      if (list === undefined || list.length >= MAX_POSITIONS) return [[0, text.length]];
      for (const end of list) ends.push(end);
    }
    if (ends.length === 0) return [];
    ends.sort((a, b) => a - b);
    const spans: [number, number][] = [];
    let covered = 0;
    for (const at of ends) {
      const last = spans[spans.length - 1];
      if (last && at < last[1]) continue;
      const start = text.lastNewline(at) + 1;
      const newline = text.nextNewline(at);
      const end = newline === -1 ? text.length : newline;
      if (last && start <= last[1] + 1) {
        covered += end - last[1];
        last[1] = end;
      } else {
        spans.push([start, end]);
        covered += end - start;
      }
    }
    return covered > text.length / 2 ? [[0, text.length]] : spans;
  }
}

/** The secret without its documented fixed parts (`sb_secret_`, `AGE-SECRET-KEY-1`): what must look random. */
function randomPart(rule: SecretRule, secret: string): string {
  let rest = secret;
  const fixed = [...rule.keywords, ...(rule.shape?.segments ?? []).flatMap((segment) => (segment.kind === 'literal' ? [segment.text] : segment.kind === 'choice' ? segment.options : []))];
  for (const text of fixed) {
    if (text.length < 3) continue;
    const at = rest.toLowerCase().indexOf(text.toLowerCase());
    if (at !== -1) rest = rest.slice(0, at) + rest.slice(at + text.length);
  }
  return rest;
}

function assignLines(hits: SecretHit[], text: LazyText): void {
  let line = 1;
  let position = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    for (let next = text.nextNewline(position); next !== -1 && next < hit.start; next = text.nextNewline(next + 1)) {
      line++;
      position = next + 1;
    }
    hit.line = line;
  }
}

/** The line of a `tenet:allow` comment on the secret's first or last line, or `tenet:allow-next-line` above it. */
function allowingLine(text: LazyText, hit: SecretHit): { line: number; reason: string } | undefined {
  const lineStart = text.lastNewline(hit.start - 1) + 1;
  const endOfLast = text.nextNewline(hit.end);
  const lineEnd = endOfLast === -1 ? text.length : endOfLast;
  const span = text.slice(lineStart, lineEnd);
  const firstLineEnd = span.indexOf('\n');
  const firstLine = firstLineEnd === -1 ? span : span.slice(0, firstLineEnd);
  if (INLINE_ALLOW.test(firstLine)) return { line: hit.line, reason: reasonAfterMarker(firstLine) };
  const lastLineStart = span.lastIndexOf('\n');
  if (lastLineStart !== -1 && INLINE_ALLOW.test(span.slice(lastLineStart))) {
    return { line: hit.line + (span.match(/\n/g)?.length ?? 0), reason: reasonAfterMarker(span.slice(lastLineStart)) };
  }
  if (lineStart > 0) {
    const previous = text.slice(text.lastNewline(lineStart - 2) + 1, lineStart);
    if (previous.includes('tenet:allow-next-line')) return { line: hit.line - 1, reason: reasonAfterMarker(previous) };
  }
  return undefined;
}

/**
 * The words after `tenet:allow` (`// tenet:allow rotated sandbox key` → `rotated sandbox key`). They
 * come from the scanned file, so anything token-like in them is redacted like a secret.
 */
function reasonAfterMarker(line: string): string {
  const marker = INLINE_ALLOW.exec(line);
  if (!marker) return '';
  return line
    .slice(marker.index + marker[0].length)
    .replace(/^-next-line/, '')
    .replace(/(?:\*\/|-->|#\}|%>)\s*$/, '')
    .replace(/^[\s:,.—-]+/, '')
    .trim()
    .slice(0, 120)
    .replace(/[A-Za-z0-9_+/=.~-]{16,}/g, (token) => redactSecret(token));
}

/**
 * A file's bytes read as latin1 (one character per byte, so offsets are byte offsets), decoded only
 * where a rule looks: line-scoped rules see the few lines holding their keywords.
 */
class LazyText {
  private decoded: string | undefined;

  constructor(private readonly bytes: Buffer) {}

  get length(): number {
    return this.bytes.length;
  }

  whole(): string {
    this.decoded ??= this.bytes.toString('latin1');
    return this.decoded;
  }

  slice(start: number, end: number): string {
    return this.decoded !== undefined ? this.decoded.slice(start, end) : this.bytes.toString('latin1', start, end);
  }

  includes(text: string): boolean {
    return this.bytes.includes(text, 0, 'latin1');
  }

  /** Offset of the first line break at or after `from`, or -1. */
  nextNewline(from: number): number {
    return from >= this.bytes.length ? -1 : this.bytes.indexOf(0x0a, Math.max(0, from));
  }

  /** Offset of the last line break at or before `at`, or -1. */
  lastNewline(at: number): number {
    return at < 0 ? -1 : this.bytes.lastIndexOf(0x0a, Math.min(at, this.bytes.length - 1));
  }
}
