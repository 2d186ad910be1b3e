import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import type { LockedPackage } from '../../core/package-inventory.js';
import { packageInventory } from '../../facts/supply-chain/inventory.js';
import { vulnerabilityFacts } from '../../facts/supply-chain/vulnerabilities.js';
import { SEVERITY_RANK, type VulnSeverity, type Vulnerability } from '../../vulns/match.js';
import { dependencyPath } from '../../vulns/paths.js';
import { purlOf } from '../../vulns/purl.js';

const SEVERITY_LEVELS = ['low', 'medium', 'high', 'critical'] as const;

export default defineControl({
  meta: {
    id: 'dependencies-free-of-known-vulnerabilities',
    title: 'No locked dependency has a known vulnerability',
    domain: 'supply-chain',
    severity: 'high',
    rationale:
      'Known-vulnerable components (OWASP A06) are the easiest way in: exploits for published advisories are public and scanned for, and the lockfile says exactly which versions ship.',
    remediation:
      'Upgrade each reported package to its fixed version (update the direct dependency named first in the path, or add an override/resolution), then regenerate the lockfile. Where no fix exists or the code path is unreachable, record a deviation scoped to the advisory and package with an expiry.',
    params: {
      minSeverity: {
        type: 'string',
        default: 'low',
        enum: SEVERITY_LEVELS,
        description: 'Report advisories at or above this severity (CVSS v3 base score, else the database rating); advisories without any rating are always reported.',
      },
      ignoreDev: { type: 'boolean', default: false, description: 'Do not report packages only needed for development (devDependencies, test scope).' },
    },
    facts: ['package-inventory', 'vulnerabilities'],
    requires: 'online',
  },
  async check({ facts, params }) {
    const { lockfiles } = await facts(packageInventory);
    if (lockfiles.length === 0) return notApplicable('no lockfile (package-lock.json, pom.xml, gradle.lockfile …) in the repository');
    const findings: FindingInput[] = [];
    for (const lockfile of lockfiles) {
      if (!lockfile.supported) {
        findings.push({ message: `${lockfile.file} could not be read (${lockfile.reason ?? 'unsupported format'}): its packages were not checked`, file: lockfile.file, key: `unsupported:${lockfile.file}`, outcome: 'unknown' });
      } else if (lockfile.reason) {
        findings.push({ message: `${lockfile.file}: ${lockfile.reason}; those were not checked`, file: lockfile.file, key: `partial:${lockfile.file}`, outcome: 'unknown' });
      }
    }
    const { sources, checked, packages } = await facts(vulnerabilityFacts);
    const threshold = SEVERITY_RANK[params.minSeverity as VulnSeverity] ?? 1;
    const packagesOf = new Map(lockfiles.map((lockfile) => [lockfile.file, lockfile.packages]));
    let belowThreshold = 0;
    let devSkipped = 0;
    for (const { package: pkg, vulnerabilities, unjudged } of packages) {
      if (params.ignoreDev && pkg.dev) {
        devSkipped += vulnerabilities.length;
        continue;
      }
      const chain = dependencyPath(packagesOf.get(pkg.lockfile) ?? [], pkg);
      for (const vulnerability of vulnerabilities) {
        if (vulnerability.severity !== 'unknown' && SEVERITY_RANK[vulnerability.severity] < threshold) {
          belowThreshold += 1;
          continue;
        }
        findings.push(findingFor(pkg, vulnerability, chain));
      }
      for (const { id, reason } of unjudged) {
        findings.push({
          message: `${pkg.name}@${pkg.version} could not be checked against ${id}: ${reason}`,
          file: pkg.lockfile,
          line: pkg.line,
          key: `${pkg.ecosystem}:${pkg.name}@${pkg.version}:${id}:unjudged`,
          outcome: 'unknown',
          properties: { advisory: id, package: pkg.name, packageAliases: packageAliases(pkg), ecosystem: pkg.ecosystem, version: pkg.version },
        });
      }
    }
    const notes = [checked === 0 ? 'no locked package to check' : `${checked} package version(s) checked against ${sources.join(' and ')}`];
    if (belowThreshold > 0) notes.push(`${belowThreshold} advisory match(es) below ${params.minSeverity}`);
    if (devSkipped > 0) notes.push(`${devSkipped} in development dependencies ignored`);
    return evaluated(findings, notes.join('; '));
  },
});

function packageAliases(pkg: LockedPackage): string {
  return [`${pkg.ecosystem}:${pkg.name}`, `${pkg.name}@${pkg.version}`, purlOf(pkg)].join(',');
}

function findingFor(pkg: LockedPackage, vulnerability: Vulnerability, chain: string[]): FindingInput {
  const ids = vulnerability.aliases.length > 0 ? ` (${vulnerability.aliases.join(', ')})` : '';
  const rating = vulnerability.score !== undefined ? `${vulnerability.severity} ${vulnerability.score}` : vulnerability.severity === 'unknown' ? 'severity not rated' : vulnerability.severity;
  const fix = vulnerability.fixed ? `fixed in ${vulnerability.fixed}` : 'no fixed version known';
  const kind = `${pkg.dev ? 'development' : 'production'}, ${pkg.direct ? 'direct' : `via ${chain.join(' > ')}`}`;
  const properties: Record<string, string> = {
    advisory: vulnerability.id,
    advisoryAliases: vulnerability.aliases.join(','),
    package: pkg.name,
    packageAliases: packageAliases(pkg),
    ecosystem: pkg.ecosystem,
    version: pkg.version,
    severity: vulnerability.severity,
    hasFix: String(vulnerability.hasFix),
    dev: String(pkg.dev),
    direct: String(pkg.direct),
    path: chain.join(' > '),
  };
  if (vulnerability.score !== undefined) properties.cvssScore = String(vulnerability.score);
  if (vulnerability.vector !== undefined) properties.cvssVector = vulnerability.vector;
  if (vulnerability.fixed !== undefined) properties.fixedVersion = vulnerability.fixed;
  if (vulnerability.url !== undefined) properties.url = vulnerability.url;
  return {
    message: `${pkg.name}@${pkg.version} (${pkg.ecosystem}; ${kind}) is affected by ${vulnerability.id}${ids} [${rating}]: ${vulnerability.summary ?? 'no summary'}; ${fix}`,
    file: pkg.lockfile,
    line: pkg.line,
    key: `${pkg.ecosystem}:${pkg.name}@${pkg.version}:${vulnerability.id}`,
    evidence: `${pkg.name}@${pkg.version}`,
    properties,
  };
}
