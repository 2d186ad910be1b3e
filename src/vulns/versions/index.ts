import type { Ecosystem } from '../../core/package-inventory.js';
import { compareMavenItems, parseMaven } from './maven.js';
import { comparePep440Parsed, parsePep440 } from './pep440.js';
import { comparePhpParts, parsePackagist } from './packagist.js';
import { compareGemParsed, parseGem } from './rubygems.js';
import { compareSemverParsed, parseGoVersion, parseSemver } from './semver.js';

/** Orders the versions of one ecosystem; `parse` returns undefined for what the ecosystem does not accept. */
export interface VersionOrder {
  name: string;
  /** Compares two versions; undefined when either cannot be parsed. */
  compare(a: string, b: string): number | undefined;
}

function order<T>(name: string, parse: (version: string) => T | undefined, compareParsed: (a: T, b: T) => number): VersionOrder {
  // Advisory bounds repeat across packages and scans: parsing each once keeps matching cheap.
  const cache = new Map<string, T | null>();
  const parsed = (version: string): T | undefined => {
    let value = cache.get(version);
    if (value === undefined) {
      value = parse(version) ?? null;
      if (cache.size > 200_000) cache.clear();
      cache.set(version, value);
    }
    return value ?? undefined;
  };
  return {
    name,
    compare(a, b) {
      const left = parsed(a);
      const right = parsed(b);
      return left === undefined || right === undefined ? undefined : compareParsed(left, right);
    },
  };
}

export const SEMVER_ORDER = order('SemVer', parseSemver, compareSemverParsed);

const ORDERS: Record<Ecosystem, VersionOrder> = {
  npm: SEMVER_ORDER,
  'crates.io': SEMVER_ORDER,
  Go: order('Go', parseGoVersion, compareSemverParsed),
  PyPI: order('PEP 440', parsePep440, comparePep440Parsed),
  Maven: order('Maven', (version) => (version.trim() === '' ? undefined : parseMaven(version)), (a, b) => compareMavenItems(a, b)),
  RubyGems: order('RubyGems', parseGem, compareGemParsed),
  Packagist: order('Composer', parsePackagist, comparePhpParts),
};

export function versionOrder(ecosystem: Ecosystem): VersionOrder {
  return ORDERS[ecosystem];
}

/** Versions are equal in their ecosystem's order, or, when either cannot be parsed, as strings. */
export function sameVersion(order: VersionOrder, a: string, b: string): boolean {
  const result = order.compare(a, b);
  return result === undefined ? a.trim() === b.trim() : result === 0;
}
