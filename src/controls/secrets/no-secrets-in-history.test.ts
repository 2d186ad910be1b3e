import { testControl } from '../../testing/control-table.js';
import { plantedSecrets } from '../../secrets/fixtures.js';
import control from './no-secrets-in-history.js';

const [githubPat] = plantedSecrets(9).map((secret) => secret.value) as [string];

testControl(control, {
  pass: [{ name: 'history without credentials', files: { 'src/app.ts': 'export const token = process.env.TOKEN;\n' }, git: true }],
  fail: [
    {
      name: 'a committed token, attributed to its commit',
      files: { 'src/app.ts': `export const token = "${githubPat}";\n` },
      git: true,
      findings: [{ file: 'src/app.ts', line: 1, message: 'introduced in' }],
    },
  ],
  deviated: [
    {
      name: 'an allowed line',
      files: { 'src/app.ts': `export const token = "${githubPat}"; // tenet:allow\n` },
      git: true,
      findings: [{ suppressed: { kind: 'inline', reason: 'tenet:allow comment', source: 'src/app.ts:1' } }],
    },
  ],
  notApplicable: [{ name: 'not a git repository', files: { 'src/app.ts': `export const token = "${githubPat}";\n` } }],
});
