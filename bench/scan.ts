/**
 * A whole scan of a large generated repository against the floor of reading every file once
 * (`git ls-files -z | xargs -0 cat`), both measured in this run. Pass a path to scan a real
 * repository instead: `npm run bench:scan -- ../some-repo`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/tenet.js', import.meta.url));

function generateRepository(fileCount: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tenet-bench-scan-'));
  const write = (file: string, content: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  const packages: Record<string, unknown> = { '': { name: 'bench', version: '1.0.0', dependencies: {} as Record<string, string> } };
  for (let index = 0; index < 2000; index++) {
    packages[`node_modules/pkg-${index}`] = { version: `1.${index % 50}.0`, resolved: `https://registry.npmjs.org/pkg-${index}/-/pkg-${index}-1.0.0.tgz`, integrity: `sha512-${Buffer.alloc(64, index % 256).toString('base64')}` };
  }
  write('package.json', JSON.stringify({ name: 'bench', version: '1.0.0', scripts: { test: 'node --test', lint: 'eslint .' }, dependencies: { 'pkg-1': '^1.0.0' } }, null, 2));
  write('package-lock.json', JSON.stringify({ name: 'bench', lockfileVersion: 3, requires: true, packages }, null, 2));
  write('.github/workflows/ci.yml', 'on: [push, pull_request]\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci && npm test\n');
  for (let index = 0; index < fileCount; index++) {
    const dir = `src/module-${index % 200}/part-${index % 7}`;
    const kind = index % 20;
    if (kind === 0) write(`${dir}/deploy-${index}.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${index}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.${index}\n`);
    else if (kind === 1) write(`${dir}/main-${index}.tf`, `resource "aws_s3_bucket" "b${index}" {\n  bucket = "bench-${index}"\n}\n`);
    else if (kind === 2) write(`${dir}/Dockerfile`, `FROM node:22-slim\nUSER node\nCMD ["node", "index.js"]\n`);
    else if (kind === 3) write(`${dir}/file-${index}.test.ts`, `import test from 'node:test';\ntest('x', () => {});\n`);
    else write(`${dir}/file-${index}.ts`, `export const value${index} = ${index};\n// ${'lorem ipsum dolor sit amet '.repeat(20)}\n`.repeat(8));
  }
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: root, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.com' } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');
  return root;
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const target = process.argv[2];
const root = target ? path.resolve(target) : generateRepository(Number(process.env.TENET_BENCH_FILES ?? 20_000));
try {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 }).split('\n').filter(Boolean).length;
  const floorMs = time(() => void execFileSync('bash', ['-c', 'git ls-files -z | xargs -0 cat > /dev/null'], { cwd: root }));
  let report = '';
  const scanMs = time(() => {
    const result = spawnSync(process.execPath, [bin, 'scan', root, '--format', 'json', '--timing', '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`tenet scan exited ${String(result.status)}: ${result.stderr}`);
    report = result.stdout;
  });
  const parsed = JSON.parse(report) as { timing: { kind: string; id: string; ms: number }[]; controls: unknown[]; errors: unknown[] };
  console.log(`scan bench: ${files} files in ${target ?? 'a generated repository'}`);
  console.log(`  floor (read every file once: git ls-files | xargs cat): ${floorMs.toFixed(0)} ms`);
  console.log(`  tenet scan (${parsed.controls.length} control results, ${parsed.errors.length} file problems): ${scanMs.toFixed(0)} ms  ratio ${(scanMs / floorMs).toFixed(2)}x`);
  console.log('  slowest collectors and controls (--timing):');
  for (const entry of [...parsed.timing].sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log(`    ${entry.ms.toFixed(1).padStart(9)} ms  ${entry.kind.padEnd(9)} ${entry.id}`);
} finally {
  if (!target) rmSync(root, { recursive: true, force: true });
}
