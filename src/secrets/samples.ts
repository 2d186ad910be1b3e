/**
 * Fake credentials of exactly the documented shapes, generated at run time (tests and the benchmark
 * plant them), so that no source file of tenet holds anything a scanner would flag.
 */
import { base62, crc32 } from './checksum.js';
import { isPlaceholder } from './false-alarms.js';
import type { Segment, SecretRule } from './types.js';

export class FakeSecrets {
  private state: number;

  constructor(seed = 42) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, seeded, good enough for fake tokens. */
  random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  from(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.random() * alphabet.length)];
    return out;
  }

  alnum(length: number): string {
    return this.from(ALPHABETS.alnum, length);
  }
  hex(length: number): string {
    return this.from(ALPHABETS.hex, length);
  }
  base64(length: number): string {
    return this.from(ALPHABETS.base64, length);
  }
  base64url(length: number): string {
    return this.from(ALPHABETS.base64url, length);
  }
  upper(length: number): string {
    return this.from(ALPHABETS.upper, length);
  }

  /** A token with the base62 CRC32 suffix of GitHub and npm tokens. */
  checksummed(prefix: string): string {
    const body = this.alnum(30);
    return `${prefix}${body}${base62(crc32(body), 6)}`;
  }

  /** A value of the given segments; retried until it does not look like a placeholder. */
  ofSegments(segments: readonly Segment[]): string {
    for (let attempt = 0; ; attempt++) {
      const value = segments.map((segment) => this.segment(segment)).join('');
      if (attempt > 20 || !isPlaceholder(value, false)) return value;
    }
  }

  private segment(segment: Segment): string {
    if (segment.kind === 'literal') return segment.text;
    if (segment.kind === 'choice') return segment.options[Math.floor(this.random() * segment.options.length)] ?? '';
    const span = Math.min(segment.max, segment.min + 24) - segment.min;
    const length = segment.min + Math.floor(this.random() * (span + 1));
    return this.from(expandClass(segment.chars), length);
  }
}

export const ALPHABETS = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
};

/** The characters of a regex class body such as `A-Za-z0-9_\-`. */
export function expandClass(body: string): string {
  const out = new Set<string>();
  const chars = [...body.replace(/\\(.)/g, '\u0000$1')];
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i] as string;
    if (c === '\u0000') {
      out.add(chars[++i] as string);
      continue;
    }
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== '\u0000') {
      const end = (chars[i + 2] as string).charCodeAt(0);
      for (let code = c.charCodeAt(0); code <= end; code++) out.add(String.fromCharCode(code));
      i += 2;
      continue;
    }
    if (c === '-' && i === chars.length - 1) c = '-';
    out.add(c);
  }
  return [...out].join('');
}

/** A line of code that assigns a generated credential the rule must find, and that credential. */
export function sampleFor(rule: SecretRule, fake: FakeSecrets): { text: string; secret: string } | undefined {
  const shape = rule.shape;
  if (!shape) return undefined;
  const secret = fake.ofSegments(shape.segments);
  if (shape.context === 'token') return { text: `value = "${secret}"\n`, secret };
  return { text: `${(shape.names?.[0] ?? 'token').toUpperCase()}_KEY = "${secret}"\n`, secret };
}
