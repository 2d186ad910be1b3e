import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { redactUrlCredentials } from '../../core/redact.js';
import { lockfileFacts } from '../../facts/supply-chain/lockfiles.js';
import { packageLabel, unsupportedFinding } from './unsupported.js';

/** Collisions can be forged for these, so a matching hash proves little. */
const WEAK_ALGORITHMS = new Set(['sha1', 'md5']);

/** `sha512-…` (SRI), `sha256:…`, `sha256=…` (Bundler), `h1:…` (Go), `10c0/…` (yarn berry). */
function algorithmOf(hash: string): string {
  return (/^([a-z0-9]{1,10})[-:=]/i.exec(hash)?.[1] ?? '').toLowerCase();
}

export default defineControl({
  meta: {
    id: 'lockfile-has-integrity-hashes',
    title: 'Every locked package carries a cryptographic hash',
    domain: 'supply-chain',
    severity: 'high',
    rationale:
      'A version number alone does not stop a compromised registry, mirror or proxy from serving different bytes; a hash in the lockfile makes the installer refuse anything but the reviewed artifact.',
    remediation:
      'Regenerate the lockfile with a package manager that records hashes (npm 7+, yarn, pnpm, poetry, uv, pipenv, pip-compile --generate-hashes, cargo, go mod tidy, bundle lock --add-checksums), or add the missing entries.',
    facts: ['lockfiles'],
    params: {
      acceptWeakHashes: { type: 'boolean', default: false, description: 'Count SHA-1 and MD5 hashes (old npm lockfiles, Composer shasums) as integrity.' },
    },
  },
  async check({ facts, params }) {
    const { lockfiles } = await facts(lockfileFacts);
    if (lockfiles.length === 0) return notApplicable('no lockfile in the repository');
    const findings: FindingInput[] = [];
    let hashed = 0;
    for (const lockfile of lockfiles) {
      if (!lockfile.supported) {
        findings.push(unsupportedFinding(lockfile));
        continue;
      }
      for (const pkg of lockfile.packages) {
        const strong = params.acceptWeakHashes ? pkg.hashes : pkg.hashes.filter((hash) => !WEAK_ALGORITHMS.has(algorithmOf(hash)));
        if (strong.length > 0 || pkg.bundled) {
          hashed++;
          continue;
        }
        findings.push({
          message: `${packageLabel(pkg)} in ${lockfile.file} has ${pkg.hashes.length > 0 ? `only a weak ${algorithmOf(pkg.hashes[0] ?? '').toUpperCase()} hash` : 'no integrity hash'}`,
          file: lockfile.file,
          line: pkg.line,
          key: packageLabel(pkg),
          evidence: pkg.resolved ? `source: ${redactUrlCredentials(pkg.resolved).slice(0, 120)}` : undefined,
          properties: { package: pkg.name, version: pkg.version, ecosystem: pkg.ecosystem },
        });
      }
    }
    return evaluated(findings, `${hashed} locked package(s) with a hash in ${lockfiles.length} lockfile(s)`);
  },
});

