import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { lockfileFacts } from '../../facts/supply-chain/lockfiles.js';
import { TRIVIAL_PACKAGES } from './data/trivial-packages.js';

export default defineControl({
  meta: {
    id: 'no-trivial-dependencies',
    title: 'No direct dependency is a known micro-package',
    domain: 'supply-chain',
    severity: 'low',
    rationale:
      'A package that wraps one expression (is-even, left-pad) adds a maintainer, a release pipeline and an install-time attack surface for code anyone could write inline; several have been unpublished or hijacked.',
    remediation: 'Replace the micro-package with the one line it implements (or the standard library) and remove it from the manifest.',
    facts: ['lockfiles'],
    params: {
      packages: { type: 'string[]', default: [], description: 'More package names to treat as trivial, in any ecosystem.' },
      allow: { type: 'string[]', default: [], description: 'Names from the built-in list the project accepts.' },
    },
  },
  async check({ facts, params }) {
    const { manifests } = await facts(lockfileFacts);
    const withDependencies = manifests.filter((manifest) => !manifest.readable || manifest.dependencies.some((dependency) => !dependency.local));
    if (withDependencies.length === 0) return notApplicable('no manifest declares a dependency');
    const allowed = new Set(params.allow);
    const extra = new Set(params.packages);
    const findings: FindingInput[] = [];
    for (const manifest of withDependencies) {
      if (!manifest.readable) {
        findings.push({ message: `${manifest.file} could not be read, so its direct dependencies are unknown`, file: manifest.file, key: `unreadable ${manifest.file}`, outcome: 'unknown' });
        continue;
      }
      const builtIn = new Set(TRIVIAL_PACKAGES[manifest.ecosystem] ?? []);
      for (const dependency of manifest.dependencies) {
        if (dependency.local || allowed.has(dependency.name)) continue;
        if (!builtIn.has(dependency.name) && !extra.has(dependency.name)) continue;
        findings.push({
          message: `${manifest.file} depends directly on the micro-package ${dependency.name}${dependency.dev ? ' (dev)' : ''}`,
          file: manifest.file,
          line: dependency.line,
          key: dependency.name,
          properties: { package: dependency.name, ecosystem: manifest.ecosystem },
        });
      }
    }
    const count = withDependencies.reduce((total, manifest) => total + manifest.dependencies.length, 0);
    return evaluated(findings, `${count} direct dependenc${count === 1 ? 'y' : 'ies'} checked in ${withDependencies.length} manifest(s)`);
  },
});
