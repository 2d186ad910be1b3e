// Lockfile parsing speed on 5,000-package lockfiles, as a ratio to the cheapest possible read of the
// same text (JSON.parse for JSON lockfiles, splitting into lines for the others), measured in this run.
// Run: npx tsc -p tsconfig.json && node dist/bench/lockfile-parse.js
import { performance } from 'node:perf_hooks';
import { parseNpmLockfile } from '../src/parsers/lockfiles/npm.js';
import { parseYarnLockfile } from '../src/parsers/lockfiles/yarn.js';
import { parsePnpmLockfile } from '../src/parsers/lockfiles/pnpm.js';
import { parseCargoLock } from '../src/parsers/lockfiles/cargo.js';

const COUNT = 5000;

function npmLock(): string {
  const packages: Record<string, unknown> = { '': { dependencies: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, '^1.0.0'])) } };
  for (let i = 0; i < COUNT; i++) {
    const key = i % 10 === 0 && i > 0 ? `node_modules/p${i - 1}/node_modules/p${i}` : `node_modules/p${i}`;
    packages[key] = { version: '1.0.0', resolved: `https://registry.npmjs.org/p${i}/-/p${i}-1.0.0.tgz`, integrity: `sha512-${'x'.repeat(86)}==`, dependencies: { [`p${i + 1}`]: '^1.0.0', [`p${(i * 7) % COUNT}`]: '^1.0.0' } };
  }
  return JSON.stringify({ name: 'bench', lockfileVersion: 3, requires: true, packages }, null, 2);
}

function yarnLock(): string {
  const entries = ['# yarn lockfile v1\n'];
  for (let i = 0; i < COUNT; i++) {
    entries.push(`p${i}@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/p${i}/-/p${i}-1.0.0.tgz#abc"\n  integrity sha512-${'x'.repeat(86)}==\n  dependencies:\n    p${i + 1} "^1.0.0"\n`);
  }
  return entries.join('\n');
}

function pnpmLock(): string {
  const packages: string[] = [];
  const snapshots: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    packages.push(`  p${i}@1.0.0:\n    resolution: {integrity: sha512-${'x'.repeat(86)}==}\n`);
    snapshots.push(`  p${i}@1.0.0:\n    dependencies:\n      p${i + 1}: 1.0.0\n`);
  }
  return `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      p0:\n        specifier: ^1.0.0\n        version: 1.0.0\n\npackages:\n\n${packages.join('\n')}\nsnapshots:\n\n${snapshots.join('\n')}`;
}

function cargoLock(): string {
  const entries = ['version = 3\n'];
  for (let i = 0; i < COUNT; i++) {
    entries.push(`[[package]]\nname = "p${i}"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${'a'.repeat(64)}"\ndependencies = [\n "p${i + 1}",\n]\n`);
  }
  return entries.join('\n');
}

function best(run: () => unknown, rounds = 5): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const cases: [string, string, (text: string) => unknown, (text: string) => unknown][] = [
  ['package-lock.json v3', npmLock(), (text) => parseNpmLockfile({ file: 'package-lock.json', text }), (text) => JSON.parse(text)],
  ['yarn.lock classic', yarnLock(), (text) => parseYarnLockfile({ file: 'yarn.lock', text }), (text) => text.split('\n')],
  ['pnpm-lock.yaml v9', pnpmLock(), (text) => parsePnpmLockfile({ file: 'pnpm-lock.yaml', text }), (text) => text.split('\n')],
  ['Cargo.lock', cargoLock(), (text) => parseCargoLock({ file: 'Cargo.lock', text }), (text) => text.split('\n')],
];
console.log(`lockfile parsing, ${COUNT} packages each (best of 5)`);
for (const [name, text, parse, floor] of cases) {
  const floorMs = best(() => floor(text));
  const parseMs = best(() => parse(text));
  console.log(`${name.padEnd(22)} ${(text.length / 1024 / 1024).toFixed(1).padStart(5)} MB  parse ${parseMs.toFixed(1).padStart(7)} ms  floor ${floorMs.toFixed(1).padStart(6)} ms  ratio ${(parseMs / floorMs).toFixed(1)}x`);
}
