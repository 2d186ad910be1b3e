import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { lockfileFacts } from '../../facts/supply-chain/lockfiles.js';
import { isPrerelease, rangeRequiresPrerelease } from './prerelease.js';
import { packageLabel, unsupportedFinding } from './unsupported.js';

export default defineControl({
  meta: {
    id: 'dependencies-are-mature',
    title: 'No production dependency is a pre-release version',
    domain: 'supply-chain',
    severity: 'low',
    rationale:
      'Alpha, beta, release-candidate, canary and development builds carry no stability or security-support promise, and their APIs and behaviour may change without notice.',
    remediation: 'Move to the latest stable release of the package (or keep the pre-release in development dependencies only); add a reviewed exception to the allow parameter.',
    facts: ['lockfiles'],
    params: {
      allow: { type: 'string[]', default: [], description: 'Package names whose pre-release versions are accepted in production.' },
    },
  },
  async check({ facts, params }) {
    const { manifests, lockfiles } = await facts(lockfileFacts);
    const allowed = new Set(params.allow);
    const findings: FindingInput[] = [];
    let judged = 0;
    for (const lockfile of lockfiles) {
      if (!lockfile.supported) {
        findings.push(unsupportedFinding(lockfile));
        continue;
      }
      for (const pkg of lockfile.packages) {
        if (pkg.dev) continue;
        judged++;
        if (allowed.has(pkg.name) || !isPrerelease(pkg.version, pkg.ecosystem)) continue;
        findings.push({
          message: `production dependency ${packageLabel(pkg)} in ${lockfile.file} is a pre-release${pkg.direct ? '' : ` (pulled in by ${(pkg.dependents ?? []).slice(0, 3).join(', ') || 'another package'})`}`,
          file: lockfile.file,
          line: pkg.line,
          key: packageLabel(pkg),
          properties: { package: pkg.name, version: pkg.version, ecosystem: pkg.ecosystem },
        });
      }
    }
    // Manifests without a lockfile say only ranges: flag those that only a pre-release satisfies.
    for (const manifest of manifests) {
      if (manifest.lockfile || manifest.kind === 'requirements.txt') continue;
      for (const dependency of manifest.dependencies) {
        if (dependency.dev || dependency.local || dependency.vcs) continue;
        judged++;
        if (allowed.has(dependency.name) || !rangeRequiresPrerelease(dependency.spec, manifest.ecosystem)) continue;
        findings.push({
          message: `production dependency ${dependency.name} in ${manifest.file} asks for a pre-release ("${dependency.spec}")`,
          file: manifest.file,
          line: dependency.line,
          key: `${dependency.name} ${dependency.spec}`,
          properties: { package: dependency.name, ecosystem: manifest.ecosystem },
        });
      }
    }
    if (judged === 0 && findings.length === 0) return notApplicable('no production dependency');
    return evaluated(findings, `${judged} production dependenc${judged === 1 ? 'y' : 'ies'} checked`);
  },
});
