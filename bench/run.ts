/** Runs every benchmark in turn; each prints its ratios against a floor it measures itself. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benches = ['scan', 'osv', 'secrets'];
let failed = false;
for (const name of benches) {
  // Compiled TypeScript benches sit beside this file in dist/bench; plain-JavaScript ones stay in bench/.
  const script = [new URL(`./${name}.js`, import.meta.url), new URL(`../../bench/${name}.js`, import.meta.url)].map((url) => fileURLToPath(url)).find((candidate) => existsSync(candidate));
  if (!script) continue;
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
