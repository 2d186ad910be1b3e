import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import type { SecretRule } from './types.js';

export interface GitleaksImport {
  rules: SecretRule[];
  /** Everything not imported as written: untranslatable expressions, approximations, unsupported keys. */
  problems: string[];
  /** Set when the file itself cannot be used. */
  fatal?: string;
}

interface Allowlist {
  regexes: RegExp[];
  /** Regexes tested against the whole match (gitleaks `regexTarget = "match"`). */
  matchRegexes: RegExp[];
  paths: RegExp[];
  stopwords: string[];
}

const MAX_EXTEND_DEPTH = 3;

/**
 * Reads a gitleaks TOML configuration: `[[rules]]` with id, regex, secretGroup, entropy, keywords,
 * path and allowlists; the global allowlist; `[extend]` with `useDefault`, `path` and `disabledRules`.
 * Go RE2 syntax is translated to JavaScript; what cannot be translated is reported, not dropped silently.
 */
export function loadGitleaksConfig(file: string, defaults: readonly SecretRule[], depth = 0): GitleaksImport {
  let document: Record<string, unknown>;
  try {
    document = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    return { rules: [], problems: [], fatal: `cannot read gitleaks configuration: ${error instanceof Error ? error.message : String(error)}` };
  }
  const problems: string[] = [];
  let base: SecretRule[] = [];
  const extend = record(document.extend);
  if (extend) {
    if (extend.useDefault === true) base = [...defaults];
    if (typeof extend.path === 'string') {
      if (depth >= MAX_EXTEND_DEPTH) problems.push(`[extend] path ${extend.path}: extension chain deeper than ${MAX_EXTEND_DEPTH}; not followed`);
      else {
        const parent = loadGitleaksConfig(path.resolve(path.dirname(file), extend.path), defaults, depth + 1);
        if (parent.fatal) problems.push(`[extend] path ${extend.path}: ${parent.fatal}`);
        problems.push(...parent.problems);
        base = mergeRules(base, parent.rules);
      }
    }
    const disabled = Array.isArray(extend.disabledRules) ? extend.disabledRules.filter((id): id is string => typeof id === 'string') : [];
    base = base.filter((rule) => !disabled.includes(rule.id));
  }
  const global = mergeAllowlists([record(document.allowlist), ...list(document.allowlists)], 'global allowlist', problems);
  const imported: SecretRule[] = [];
  list(document.rules).forEach((entry, index) => {
    const rule = importRule(entry, index, problems);
    if (rule) imported.push(rule);
  });
  const rules = mergeRules(base, imported).map((rule) => withAllowlist(rule, global));
  return { rules, problems };
}

function importRule(entry: Record<string, unknown>, index: number, problems: string[]): SecretRule | undefined {
  const id = typeof entry.id === 'string' && entry.id ? entry.id : `gitleaks-rule-${index + 1}`;
  const where = `rule ${id}`;
  if (typeof entry.regex !== 'string' || entry.regex === '') {
    problems.push(`${where}: has no regex (path-only rules are not imported; key files are checked by no-key-material-committed)`);
    return undefined;
  }
  const translated = translateGoRegex(entry.regex);
  if ('error' in translated) {
    problems.push(`${where}: regex cannot be translated to JavaScript (${translated.error}); rule not imported`);
    return undefined;
  }
  problems.push(...translated.notes.map((note) => `${where}: ${note}`));
  const groups = new RegExp(`${translated.source}|`, translated.flags).exec('')?.length ?? 1;
  const secretGroup = typeof entry.secretGroup === 'number' ? entry.secretGroup : groups > 1 ? 1 : 0;
  const keywords = Array.isArray(entry.keywords) ? entry.keywords.filter((k): k is string => typeof k === 'string' && k !== '').map((k) => k.toLowerCase()) : [];
  const rule: SecretRule = {
    id,
    description: typeof entry.description === 'string' ? entry.description : id,
    family: 'gitleaks',
    regex: translated.source,
    secretGroup,
    keywords,
    confidence: 'high',
  };
  if (translated.flags) rule.flags = translated.flags;
  if (typeof entry.entropy === 'number') rule.entropy = entry.entropy;
  if (typeof entry.path === 'string' && entry.path) {
    const pathRegex = compile(entry.path, `${where}: path`, problems);
    if (pathRegex) rule.path = pathRegex;
  }
  const allowlist = mergeAllowlists([record(entry.allowlist), ...list(entry.allowlists)], where, problems);
  return withAllowlist(rule, allowlist);
}

function withAllowlist(rule: SecretRule, allowlist: Allowlist): SecretRule {
  if (allowlist.regexes.length === 0 && allowlist.matchRegexes.length === 0 && allowlist.paths.length === 0 && allowlist.stopwords.length === 0) return rule;
  return {
    ...rule,
    allowMatch: [...(rule.allowMatch ?? []), ...allowlist.matchRegexes],
    allow: [...(rule.allow ?? []), ...allowlist.regexes],
    skipPaths: [...(rule.skipPaths ?? []), ...allowlist.paths],
    stopwords: [...(rule.stopwords ?? []), ...allowlist.stopwords.map((word) => word.toLowerCase())],
  };
}

function mergeAllowlists(entries: (Record<string, unknown> | undefined)[], where: string, problems: string[]): Allowlist {
  const merged: Allowlist = { regexes: [], matchRegexes: [], paths: [], stopwords: [] };
  for (const entry of entries) {
    if (!entry) continue;
    const target = typeof entry.regexTarget === 'string' ? entry.regexTarget : 'secret';
    if (target === 'line') problems.push(`${where}: allowlist regexTarget "line" is applied to the whole match`);
    if (typeof entry.condition === 'string' && entry.condition.toUpperCase() === 'AND') {
      problems.push(`${where}: allowlist condition AND is applied as OR`);
    }
    for (const source of strings(entry.regexes)) {
      const regex = compile(source, `${where}: allowlist regex`, problems);
      if (regex) (target === 'secret' ? merged.regexes : merged.matchRegexes).push(regex);
    }
    for (const source of strings(entry.paths)) {
      const regex = compile(source, `${where}: allowlist path`, problems);
      if (regex) merged.paths.push(regex);
    }
    merged.stopwords.push(...strings(entry.stopwords));
    if (strings(entry.commits).length > 0) problems.push(`${where}: allowlist commits are not supported; use .tenetignore-secrets fingerprints`);
  }
  return merged;
}

function compile(source: string, where: string, problems: string[]): RegExp | undefined {
  const translated = translateGoRegex(source);
  if ('error' in translated) {
    problems.push(`${where} cannot be translated to JavaScript (${translated.error}); ignored`);
    return undefined;
  }
  problems.push(...translated.notes.map((note) => `${where}: ${note}`));
  return new RegExp(translated.source, translated.flags);
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\s',
  upper: 'A-Z',
  word: '\\w',
  xdigit: '0-9A-Fa-f',
};

/** Go RE2 → JavaScript: inline flags, named groups, `\A` / `\z`, `\Q…\E`, POSIX classes, Unicode classes. */
export function translateGoRegex(go: string): { source: string; flags: string; notes: string[] } | { error: string } {
  const notes: string[] = [];
  let source = go;
  const flags = new Set<string>();
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading) {
    for (const flag of leading[1] ?? '') {
      if (flag === 'U') return { error: 'the ungreedy flag (?U) has no JavaScript equivalent' };
      flags.add(flag);
    }
    source = source.slice(leading[0].length);
  }
  if (/\(\?[imsU]*-[imsU]+[):]/.test(source)) return { error: 'flag negation such as (?-i) has no JavaScript equivalent' };
  source = source.replace(/\(\?([ims]+)\)/g, (_all, inline: string) => {
    for (const flag of inline) flags.add(flag);
    notes.push(`inline flags (?${inline}) inside the expression are applied to all of it`);
    return '';
  });
  source = source.replace(/\(\?([ims]+):/g, (_all, inline: string) => {
    for (const flag of inline) flags.add(flag);
    notes.push(`scoped flags (?${inline}:…) are applied to the whole expression`);
    return '(?:';
  });
  source = source.replace(/\(\?P</g, '(?<');
  source = source.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_all, literal: string) => literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  source = source.replace(/\\A/g, '^').replace(/\\z/g, '$');
  source = source.replace(/\[:(\^?)([a-z]+):\]/g, (all, negate: string, name: string) => {
    const body = POSIX_CLASSES[name];
    if (body === undefined) return all;
    if (negate) notes.push(`negated POSIX class [:^${name}:] approximated`);
    return body;
  });
  if (/\\[pP]/.test(source)) flags.add('u');
  if (/\\C/.test(source)) return { error: '\\C (any byte) has no JavaScript equivalent' };
  const flagString = [...flags].sort().join('');
  try {
    new RegExp(source, flagString);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  return { source, flags: flagString, notes };
}

function mergeRules(base: readonly SecretRule[], overrides: readonly SecretRule[]): SecretRule[] {
  const ids = new Set(overrides.map((rule) => rule.id));
  return [...base.filter((rule) => !ids.has(rule.id)), ...overrides];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(record).filter((entry): entry is Record<string, unknown> => entry !== undefined) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
