/**
 * What is not a finding although a rule matches: documentation examples, template placeholders,
 * code that names a secret rather than holds one, and files that hold data rather than credentials.
 */

/** Case-sensitive markers of a value somebody wrote to be replaced. */
const PLACEHOLDER_MARKERS = /xxxx|XXXX|\*\*\*\*|\.\.\.|<[A-Za-z_ -]{1,40}>|\$\{|\{\{|%\(|%s|your[_-]|YOUR[_-]|_HERE|_here|REPLACE|TODO/;
/** Case-insensitive words long enough not to occur by chance in random tokens. */
const PLACEHOLDER_WORDS = /example|placeholder|dummy|sample|redacted|changeme|replaceme|insert[_-]|notreal|not[_-]a[_-]real|secret|passw(?:or)?d|hunter2|s[e3]cr[e3]t|p[a@4]ssw[o0]rd/i;
const SAME_CHARACTER_RUN = /(.)\1{5}/;
const SEQUENTIAL = /0123456789|123456789|abcdefghij|ABCDEFGHIJ/;

/** A value of the right shape that is obviously not a real credential. */
export function isPlaceholder(secret: string, allowRuns: boolean): boolean {
  if (allowRuns) return /\.\.\.\.|<[A-Za-z_ -]{1,40}>|\$\{|\{\{/.test(secret);
  return PLACEHOLDER_MARKERS.test(secret) || PLACEHOLDER_WORDS.test(secret) || SAME_CHARACTER_RUN.test(secret) || SEQUENTIAL.test(secret);
}

/**
 * Values of generic assignments that are code, not credentials: references to variables and
 * environment, paths, URLs, identifiers, hashes with their algorithm named.
 */
export function isCodeLikeValue(value: string): boolean {
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return true;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true;
  if (/^(?:\.{0,2}\/|~\/|[a-z]+:\/\/)/i.test(value)) return true;
  if (/^(?:sha1|sha256|sha384|sha512|md5)[-:]/i.test(value)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
  if (/^\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(value)) return true;
  if (/[a-z][A-Z]|[a-z]_[a-z]/.test(value) && /^[A-Za-z0-9_]+$/.test(value) && value.replace(/[^0-9]/g, '').length <= 2) return true;
  return false;
}

export type FileClass = 'normal' | 'minified' | 'lockfile' | 'fixture' | 'test';

const LOCKFILES = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|go\.sum|poetry\.lock|Pipfile\.lock|uv\.lock|Gemfile\.lock|composer\.lock|packages\.lock\.json|pubspec\.lock|mix\.lock|flake\.lock|gradle\.lockfile|[^/]+\.lock)$/;
/** Test sources: made-up credentials are their daily bread, so only unmistakable tokens count there. */
const TEST_SOURCE = /(?:^|\/)(?:test|tests|__tests__|spec|specs)\/|\.(?:test|spec)\.[cm]?[jt]sx?$|_test\.(?:go|py|rb)$|(?:^|\/)test_[^/]+\.py$|Test\.(?:java|kt|cs)$/;
const MINIFIED = /(?:\.min\.(?:js|mjs|cjs|css)|[.-]bundle\.js|\.chunk\.js|\.map)$/;
const FIXTURE =
  /(?:^|\/)(?:__fixtures__|fixtures?|testdata|test-data|__mocks__|__snapshots__)\/|(?:^|\/)[^/]*(?:[._-](?:fixture|fake|dummy|mock)s?)(?:\.[^/]*)?$|(?:^|\/)(?:fixture|fake|dummy|mock)s?[._-][^/]*$/i;

/** How a path is treated: fixtures hold fake secrets by name, lockfiles and bundles hold hashes. */
export function classifyPath(path: string): FileClass {
  if (FIXTURE.test(path)) return 'fixture';
  if (LOCKFILES.test(path)) return 'lockfile';
  if (MINIFIED.test(path)) return 'minified';
  if (TEST_SOURCE.test(path)) return 'test';
  return 'normal';
}

/** Whether a text looks machine-generated (a line longer than any person writes). */
export function looksMinified(text: { length: number; nextNewline(from: number): number }): boolean {
  let start = 0;
  for (let checked = 0; checked < 20 && start < text.length; checked++) {
    const end = text.nextNewline(start);
    const length = (end === -1 ? text.length : end) - start;
    if (length > 5000) return true;
    if (end === -1) break;
    start = end + 1;
  }
  return false;
}
