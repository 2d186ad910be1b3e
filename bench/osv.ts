/**
 * Indexing and matching cost of the known-vulnerabilities control: a generated OSV export of
 * realistic size (npm all.zip shape) and a 5,000-package package-lock.json. Prints the first scan
 * (which indexes), a second scan (cached index), and ratios against floors measured in the same run.
 *
 *   npm run bench:osv            (RECORDS=40000 PACKAGES=5000 to change the sizes)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import control from '../src/controls/supply-chain/dependencies-free-of-known-vulnerabilities.js';
import { scan } from '../src/scan.js';
import { makeZip } from '../src/testing/zip.js';
import { readZip } from '../src/vulns/zip.js';

const RECORDS = Number(process.env.RECORDS ?? 40_000);
const PACKAGES = Number(process.env.PACKAGES ?? 5_000);
const NAMES = Math.max(PACKAGES * 2, Math.round(RECORDS / 3));

let seed = 42;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = (n: number): number => Math.floor(random() * n);
const version = (): string => `${pick(8)}.${pick(20)}.${pick(30)}`;
const ghsa = (n: number): string => {
  const alphabet = '23456789cfghjmpqrvwx';
  let text = '';
  for (let i = 0; i < 12; i += 1) text += alphabet[(n * (i + 7) + i * 13 + Math.floor(n / (i + 1))) % alphabet.length];
  return `GHSA-${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}`;
};

function record(n: number): { name: string; data: string } {
  const id = `${ghsa(n)}${n}`;
  const pkg = `pkg-${pick(NAMES)}`;
  const ranges = Array.from({ length: 1 + pick(3) }, () => ({ type: 'SEMVER', events: [{ introduced: random() < 0.3 ? '0' : version() }, { fixed: version() }] }));
  const value = {
    schema_version: '1.6.0',
    id,
    modified: '2024-05-01T00:00:00Z',
    published: '2021-01-01T00:00:00Z',
    aliases: [`CVE-2021-${10000 + n}`],
    summary: `Generated advisory ${n} for ${pkg}`,
    details: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(10),
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
    affected: [{ package: { ecosystem: 'npm', name: pkg, purl: `pkg:npm/${pkg}` }, ranges, database_specific: { source: 'https://github.com/github/advisory-database' } }],
    references: [{ type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/CVE-2021-${10000 + n}` }, { type: 'WEB', url: `https://github.com/example/${pkg}/issues/${n}` }],
    database_specific: { severity: 'HIGH', cwe_ids: ['CWE-200'], github_reviewed: true },
  };
  return { name: `${id}.json`, data: JSON.stringify(value, null, 2) };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'tenet-bench-osv-'));
  try {
    const exportDir = path.join(work, 'osv', 'npm');
    mkdirSync(exportDir, { recursive: true });
    const zipFile = path.join(exportDir, 'all.zip');
    writeFileSync(zipFile, makeZip(Array.from({ length: RECORDS }, (_, n) => record(n)), { zip64: true }));
    const repo = path.join(work, 'repo');
    mkdirSync(repo);
    const packages: Record<string, unknown> = { '': { name: 'app', dependencies: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`pkg-${i * 7}`, '*'])) } };
    for (let i = 0; i < PACKAGES; i += 1) packages[`node_modules/pkg-${i * 7}`] = { version: version(), integrity: 'sha512-AAAA', dependencies: { [`pkg-${(i + 1) * 7}`]: '*' } };
    const lockText = JSON.stringify({ name: 'app', lockfileVersion: 3, packages }, null, 2);
    writeFileSync(path.join(repo, 'package-lock.json'), lockText);

    // Floors: inflating every entry of the export once (what any indexer must do), and parsing the lockfile.
    let started = performance.now();
    let bytes = 0;
    for await (const entry of readZip(zipFile, () => true, () => undefined)) bytes += JSON.stringify(JSON.parse(entry.data.toString('utf8'))).length;
    const inflateFloor = performance.now() - started;
    started = performance.now();
    JSON.parse(lockText);
    const parseFloor = performance.now() - started;

    const cacheDir = path.join(work, 'cache');
    const options = { path: repo, controls: [control], timing: true, extra: { osvDb: path.join(work, 'osv'), cacheDir } };
    started = performance.now();
    const first = await scan(options);
    const firstMs = performance.now() - started;
    started = performance.now();
    const second = await scan(options);
    const secondMs = performance.now() - started;
    const result = second.controls[0];
    const findings = result?.findings.length ?? 0;
    if (first.controls[0]?.findings.length !== findings) throw new Error('the cached index gave different findings');

    const line = (label: string, value: string): void => console.log(`${label.padEnd(44)} ${value}`);
    line('export', `${RECORDS} records, ${(bytes / 1e6).toFixed(1)} MB of JSON`);
    line('lockfile', `${PACKAGES} packages, ${(lockText.length / 1e6).toFixed(1)} MB`);
    line('result', `${result?.status}, ${findings} findings`);
    line('floor: inflate + parse every export entry', `${inflateFloor.toFixed(0)} ms`);
    line('floor: JSON.parse of the lockfile', `${parseFloor.toFixed(1)} ms`);
    line('first scan (builds the index)', `${firstMs.toFixed(0)} ms  (${(firstMs / inflateFloor).toFixed(2)}x the inflate floor)`);
    line('second scan, by step', (second.timing ?? []).map((entry) => `${entry.id} ${entry.ms.toFixed(0)} ms`).join(', '));
    line('second scan (cached index)', `${secondMs.toFixed(0)} ms  (${(secondMs / inflateFloor).toFixed(2)}x the inflate floor, ${(secondMs / parseFloor).toFixed(0)}x the lockfile parse)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
