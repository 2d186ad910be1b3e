import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { envFiles } from '../../facts/secrets/secret-files.js';

export default defineControl({
  meta: {
    id: 'no-env-files-committed',
    title: 'No .env files with values are committed',
    domain: 'secrets',
    severity: 'high',
    rationale: '.env files exist to keep configuration and credentials out of the code; committed with their values, they publish exactly what they were meant to hide.',
    remediation: 'Remove the file from git (git rm --cached), add `.env` and `.env.*` (with `!.env.example`) to .gitignore, rotate any credential it held, and commit a .env.example with empty values instead.',
    facts: ['env-files'],
  },
  async check({ facts }) {
    const env = await facts(envFiles);
    if (!env.isGit && env.files.length === 0) return notApplicable('not a git repository and no .env files');
    const findings: FindingInput[] = [];
    for (const file of env.files) {
      if (file.valued.length === 0) continue;
      const names = file.valued.slice(0, 5).join(', ') + (file.valued.length > 5 ? ` and ${file.valued.length - 5} more` : '');
      findings.push({
        message: file.template ? `${file.file} is a template but gives secret-named variables values: ${names}` : `${file.file} holds values for ${names}`,
        file: file.file,
        line: 1,
        key: file.file,
      });
    }
    if (env.files.length > 0 && env.gitignoreCoversEnv === false) {
      findings.push({ message: '.gitignore does not cover .env: a local .env would be committed by the next `git add -A`', file: '.gitignore', key: 'gitignore' });
    }
    return evaluated(findings, env.files.length === 0 ? 'no .env files' : `${env.files.length} .env-style files`);
  },
});
