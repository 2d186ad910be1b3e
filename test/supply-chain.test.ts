import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controls } from '../src/controls/supply-chain/index.js';
import { scan } from '../src/scan.js';
import { makeFixture, removeFixture, type FixtureFiles } from '../src/testing/fixture.js';

const NOW = new Date('2026-11-15T00:00:00Z');
/** The controls this test is about (the domain's vulnerability control needs an advisory database). */
const IDS = [
  'lockfile-present',
  'lockfile-has-integrity-hashes',
  'lockfile-sources-are-trusted',
  'dependencies-pinned',
  'vulnerability-scanning-in-ci',
  'dependency-updates-automated',
  'no-trivial-dependencies',
  'no-dependency-install-scripts',
  'dependencies-are-mature',
  'runtime-is-lts',
];
const INTEGRITY = `sha512-${'A'.repeat(86)}==`;

const npmLock = (packages: Record<string, unknown>): string =>
  JSON.stringify({ name: 'shop', lockfileVersion: 3, requires: true, packages: { '': { name: 'shop', dependencies: { express: '^4.19.0', 'left-pad': '^1.3.0' }, devDependencies: { jest: '^30.0.0' } }, ...packages } }, null, 2);

/** A small product: a Node.js service, a Python worker and a Go tool, with its supply-chain mistakes. */
const INSECURE: FixtureFiles = {
  'package.json': JSON.stringify({ name: 'shop', engines: { node: '>=18' }, dependencies: { express: '^4.19.0', 'left-pad': '^1.3.0' }, devDependencies: { jest: '^30.0.0' } }, null, 2),
  'package-lock.json': npmLock({
    'node_modules/express': { version: '5.0.0-beta.3', resolved: 'https://registry.npmjs.org/express/-/express-5.0.0-beta.3.tgz', integrity: INTEGRITY },
    'node_modules/left-pad': { version: '1.3.0', resolved: 'git+https://ci:ghp_secretvalue@github.com/stevemao/left-pad.git#5f2a6d3', hasInstallScript: true },
    'node_modules/jest': { version: '30.0.0', resolved: 'https://registry.npmjs.org/jest/-/jest-30.0.0.tgz', integrity: INTEGRITY, dev: true },
  }),
  'worker/requirements.txt': 'celery\nredis==5.0.1\n',
  'tools/go.mod': 'module example.com/tools\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.0\n',
  Dockerfile: 'FROM node:18-alpine\nCOPY . .\n',
  '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 18\n      - run: npm ci && npm test\n',
};

const FIXED: FixtureFiles = {
  'package.json': JSON.stringify({ name: 'shop', engines: { node: '^22.12.0 || >=24' }, dependencies: { express: '^4.19.0' }, devDependencies: { jest: '^30.0.0' } }, null, 2),
  'package-lock.json': npmLock({
    'node_modules/express': { version: '4.21.2', resolved: 'https://registry.npmjs.org/express/-/express-4.21.2.tgz', integrity: INTEGRITY },
    'node_modules/jest': { version: '30.0.0', resolved: 'https://registry.npmjs.org/jest/-/jest-30.0.0.tgz', integrity: INTEGRITY, dev: true },
  }),
  'worker/requirements.in': 'celery\nredis\n',
  'worker/requirements.txt': `celery==5.4.0 --hash=sha256:${'a'.repeat(64)}\nredis==5.0.1 --hash=sha256:${'b'.repeat(64)}\n`,
  'tools/go.mod': 'module example.com/tools\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.0\n',
  'tools/go.sum': 'github.com/spf13/cobra v1.8.0 h1:7aJaZx1B85qltLMc546zn58BxxfZdR/W22ej9CFoEf0=\ngithub.com/spf13/cobra v1.8.0/go.mod h1:WXLWApfZ71AjKPF5r6ObIvV4n0o0FYZ8lL/j3RQ2Pcs=\n',
  Dockerfile: 'FROM node:24-alpine\nCOPY . .\n',
  '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 24\n      - run: npm ci && npm test\n      - run: npx osv-scanner --recursive .\n',
  '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: {interval: weekly}\n',
};

async function statuses(files: FixtureFiles): Promise<Map<string, { status: string; findings: { message: string; file?: string; line?: number; evidence?: string }[] }>> {
  const root = makeFixture(files);
  try {
    const result = await scan({ path: root, controls: controls.filter((control) => IDS.includes(control.meta.id)), now: NOW, config: {} });
    return new Map(result.controls.map((control) => [control.id, control]));
  } finally {
    removeFixture(root);
  }
}

describe('supply-chain controls on a small product', () => {
  it('find every mistake in the insecure version, with file, line and package', async () => {
    const results = await statuses(INSECURE);
    const summary = Object.fromEntries([...results].map(([id, result]) => [id, [result.status, ...result.findings.map((finding) => `${finding.file ?? ''}:${finding.line ?? ''}`)]]));
    assert.deepEqual(summary, {
      'lockfile-present': ['fail', 'tools/go.mod:1'],
      'lockfile-has-integrity-hashes': ['fail', 'package-lock.json:21', 'worker/requirements.txt:2'],
      'lockfile-sources-are-trusted': ['fail', 'package-lock.json:21'],
      'dependencies-pinned': ['fail', 'worker/requirements.txt:1'],
      'vulnerability-scanning-in-ci': ['fail', '.github/workflows/ci.yml:'],
      'dependency-updates-automated': ['fail', ':'],
      'no-trivial-dependencies': ['fail', 'package.json:8'],
      'no-dependency-install-scripts': ['fail', 'package-lock.json:21'],
      'dependencies-are-mature': ['fail', 'package-lock.json:16'],
      'runtime-is-lts': ['fail', 'Dockerfile:1', 'package.json:4', '.github/workflows/ci.yml:8'],
    });
    const source = results.get('lockfile-sources-are-trusted')?.findings[0];
    assert.match(source?.message ?? '', /left-pad@1\.3\.0 in package-lock\.json is fetched from a git repository/);
    assert.ok(!JSON.stringify([...results.values()]).includes('ghp_secretvalue'), 'the token in the resolved URL is redacted everywhere');
  });

  it('pass every control in the fixed version', async () => {
    const results = await statuses(FIXED);
    assert.deepEqual(
      [...results].filter(([, result]) => result.status !== 'pass').map(([id, result]) => `${id}: ${result.status} ${result.findings.map((finding) => finding.message).join('; ')}`),
      [],
    );
  });
});
