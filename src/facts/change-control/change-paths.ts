/** Whether a changed path is source code, a test, or neither, judged from its path alone. */
export type PathKind = 'source' | 'test' | 'other';

const SOURCE_EXTENSIONS = new Set([
  'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'vue', 'svelte',
  'py', 'go', 'rb', 'java', 'kt', 'kts', 'scala', 'groovy', 'cs', 'fs', 'vb', 'php', 'rs',
  'c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'm', 'mm', 'swift', 'dart', 'ex', 'exs', 'erl', 'clj', 'cljs', 'lua', 'pl', 'pm', 'r', 'jl', 'elm', 'hs', 'ml', 'zig', 'sh', 'bash',
]);
const TEST_DIRECTORIES = new Set(['test', 'tests', '__tests__', 'spec', 'specs', '__mocks__', 'e2e', 'testing', 'testdata', 'test-data', 'cypress', 'playwright', 'androidtest', 'uitests']);
const GENERATED_DIRECTORIES = new Set(['node_modules', 'vendor', 'dist', 'build', 'out', 'target', 'generated', '__generated__', 'third_party', 'third-party', '.yarn']);
// Suffixes and prefixes the common frameworks use: jest/vitest/mocha, go test, pytest, JUnit, xUnit, RSpec, XCTest.
const TEST_FILE = /(?:[._-](?:test|spec|e2e|cy)\.[a-z0-9]{1,8}$|^test_[^/]{1,200}\.py$|_test\.(?:go|py|rb|exs?)$|_spec\.rb$|(?:Tests?|IT|Spec)\.(?:java|kt|scala|groovy|cs|fs|swift|m|php|dart)$)/;

export function classifyPath(file: string): PathKind {
  const segments = file.split('/');
  const name = segments[segments.length - 1] ?? '';
  const directories = segments.slice(0, -1).map((segment) => segment.toLowerCase());
  if (directories.some((directory) => GENERATED_DIRECTORIES.has(directory))) return 'other';
  if (TEST_FILE.test(name) || directories.some((directory) => TEST_DIRECTORIES.has(directory))) return 'test';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'other';
  // Configuration written in a programming language (jest.config.js, vite.config.ts, .eslintrc.cjs) is not product code.
  if (/\.(?:config|conf|rc)\.[a-z]{1,4}$/i.test(name) || name.startsWith('.') || name.endsWith('.d.ts')) return 'other';
  return SOURCE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase()) ? 'source' : 'other';
}
