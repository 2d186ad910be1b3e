import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { lockfileFacts } from '../../facts/supply-chain/lockfiles.js';

const EXPECTED: Record<string, string> = {
  'package.json': 'package-lock.json, yarn.lock or pnpm-lock.yaml',
  'pyproject.toml': 'poetry.lock, uv.lock or a pinned requirements.txt',
  Pipfile: 'Pipfile.lock',
  'requirements.in': 'the compiled requirements .txt',
  'Cargo.toml': 'Cargo.lock',
  'go.mod': 'go.sum',
  Gemfile: 'Gemfile.lock',
  'composer.json': 'composer.lock',
};

export default defineControl({
  meta: {
    id: 'lockfile-present',
    title: 'Every package manifest has its lockfile committed beside it',
    domain: 'supply-chain',
    severity: 'high',
    rationale:
      'Without a lockfile every install resolves the ranges afresh, so a build can pick up a newly published (possibly malicious) version, and nobody can say which versions shipped.',
    remediation:
      'Generate the lockfile with the package manager (npm install, poetry lock, uv lock, pipenv lock, pip-compile, cargo generate-lockfile, go mod tidy, bundle lock, composer update --lock) and commit it beside the manifest.',
    facts: ['lockfiles'],
  },
  async check({ facts }) {
    const { manifests } = await facts(lockfileFacts);
    const needing = manifests.filter((manifest) => manifest.needsLockfile);
    if (needing.length === 0) return notApplicable(manifests.length === 0 ? 'no package manifest in the repository' : 'no manifest declares a dependency to fetch');
    const findings: FindingInput[] = [];
    for (const manifest of needing) {
      if (manifest.lockfile) continue;
      const count = manifest.dependencies.filter((dependency) => !dependency.local).length;
      findings.push({
        message: manifest.readable
          ? `${manifest.file} declares ${count} dependenc${count === 1 ? 'y' : 'ies'} but no lockfile is committed (expected ${EXPECTED[manifest.kind] ?? 'a lockfile'} beside it)`
          : `${manifest.file} could not be read, and no lockfile is committed beside it`,
        file: manifest.file,
        line: 1,
        key: manifest.file,
        outcome: manifest.readable ? 'fail' : 'unknown',
      });
    }
    const locked = needing.filter((manifest) => manifest.lockfile);
    return evaluated(findings, `${locked.length} of ${needing.length} manifest(s) locked${locked.length ? `: ${locked.map((manifest) => `${manifest.file} → ${manifest.lockfile ?? ''}`).slice(0, 5).join(', ')}` : ''}`);
  },
});
