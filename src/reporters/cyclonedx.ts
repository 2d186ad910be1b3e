/**
 * A CycloneDX 1.5 JSON SBOM of the locked packages (the package inventory collected by the scan),
 * with a `vulnerabilities` section when advisories were checked.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ScanResult } from '../core/result.js';
import type { LockedPackage } from '../core/package-inventory.js';
import { packageInventory, type PackageInventory } from '../facts/supply-chain/inventory.js';
import { vulnerabilityFacts, type VulnerabilityFacts } from '../facts/supply-chain/vulnerabilities.js';
import { purlOf } from '../vulns/purl.js';

type Json = Record<string, unknown>;

const HASH_ALGORITHMS: Record<string, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', md5: 'MD5' };

/** npm `sha512-<base64>` and `sha256:<hex>` forms as CycloneDX hashes (hex content). */
function hashesOf(pkg: LockedPackage): Json[] {
  const hashes: Json[] = [];
  for (const hash of pkg.hashes) {
    const match = /^(sha1|sha256|sha384|sha512|md5)[-:](.+)$/i.exec(hash.trim());
    if (!match) continue;
    const alg = HASH_ALGORITHMS[(match[1] as string).toLowerCase()] as string;
    const value = match[2] as string;
    const content = /^[0-9a-f]+$/i.test(value) ? value.toLowerCase() : Buffer.from(value, 'base64').toString('hex');
    if ([32, 40, 64, 96, 128].includes(content.length) && !hashes.some((known) => known.alg === alg)) hashes.push({ alg, content });
  }
  return hashes;
}

function nameParts(pkg: LockedPackage): { group?: string; name: string } {
  if (pkg.ecosystem === 'Maven' && pkg.name.includes(':')) {
    const [group, name] = pkg.name.split(':') as [string, string];
    return { group, name };
  }
  if (pkg.ecosystem === 'npm' && pkg.name.startsWith('@') && pkg.name.includes('/')) {
    const at = pkg.name.indexOf('/');
    return { group: pkg.name.slice(0, at), name: pkg.name.slice(at + 1) };
  }
  if (pkg.ecosystem === 'Packagist' && pkg.name.includes('/')) {
    const at = pkg.name.indexOf('/');
    return { group: pkg.name.slice(0, at), name: pkg.name.slice(at + 1) };
  }
  return { name: pkg.name };
}

const RATING_METHOD: Record<string, string> = { '3.0': 'CVSSv3', '3.1': 'CVSSv31' };

export function renderCycloneDx(result: ScanResult): string {
  const inventory = result.facts?.[packageInventory.id] as PackageInventory | undefined;
  const vulnerabilities = result.facts?.[vulnerabilityFacts.id] as VulnerabilityFacts | undefined;
  const rootRef = 'root';
  const components = new Map<string, { component: Json; devOnly: boolean; lockfiles: Set<string> }>();
  const refsByLockfileName = new Map<string, Set<string>>();
  const dependsOn = new Map<string, Set<string>>([[rootRef, new Set()]]);
  const packages = inventory?.lockfiles.flatMap((lockfile) => lockfile.packages) ?? [];
  for (const pkg of packages) {
    const ref = purlOf(pkg);
    let entry = components.get(ref);
    if (!entry) {
      const { group, name } = nameParts(pkg);
      const component: Json = { type: 'library', 'bom-ref': ref, ...(group ? { group } : {}), name, version: pkg.version, purl: ref };
      const hashes = hashesOf(pkg);
      if (hashes.length > 0) component.hashes = hashes;
      entry = { component, devOnly: true, lockfiles: new Set() };
      components.set(ref, entry);
    }
    entry.devOnly &&= pkg.dev;
    entry.lockfiles.add(pkg.line === undefined ? pkg.lockfile : `${pkg.lockfile}:${pkg.line}`);
    const key = `${pkg.lockfile}\0${pkg.name}`;
    refsByLockfileName.set(key, (refsByLockfileName.get(key) ?? new Set()).add(ref));
    if (pkg.direct) dependsOn.get(rootRef)?.add(ref);
  }
  for (const pkg of packages) {
    const ref = purlOf(pkg);
    for (const dependent of pkg.dependents ?? []) {
      for (const parent of refsByLockfileName.get(`${pkg.lockfile}\0${dependent}`) ?? []) {
        if (parent !== ref) dependsOn.set(parent, (dependsOn.get(parent) ?? new Set()).add(ref));
      }
    }
  }
  const bom: Json = {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: result.startedAt,
      tools: { components: [{ type: 'application', name: result.tool.name, version: result.tool.version }] },
      component: {
        type: 'application',
        'bom-ref': rootRef,
        name: path.basename(result.target.path) || 'project',
        ...(result.target.commit ? { properties: [{ name: 'tenet:commit', value: result.target.commit }] } : {}),
      },
      properties: inventory ? [] : [{ name: 'tenet:inventory', value: 'unavailable' }],
    },
    components: [...components.values()].map(({ component, devOnly, lockfiles }) => ({
      ...component,
      scope: devOnly ? 'optional' : 'required',
      properties: [...[...lockfiles].sort().map((value) => ({ name: 'tenet:lockfile', value })), ...(devOnly ? [{ name: 'tenet:dev', value: 'true' }] : [])],
    })),
    dependencies: [...new Set([rootRef, ...components.keys()])].map((ref) => ({ ref, dependsOn: [...(dependsOn.get(ref) ?? [])].sort() })),
  };
  if (vulnerabilities) bom.vulnerabilities = vulnerabilitySection(vulnerabilities);
  return `${JSON.stringify(bom, null, 2)}\n`;
}

function vulnerabilitySection(facts: VulnerabilityFacts): Json[] {
  const byId = new Map<string, { entry: Json; affects: Map<string, Set<string>> }>();
  for (const { package: pkg, vulnerabilities } of facts.packages) {
    const ref = purlOf(pkg);
    for (const vulnerability of vulnerabilities) {
      let item = byId.get(vulnerability.id);
      if (!item) {
        const ratings: Json[] = [];
        const method = vulnerability.vector ? RATING_METHOD[/^CVSS:(3\.[01])/.exec(vulnerability.vector)?.[1] ?? ''] : undefined;
        if (vulnerability.score !== undefined && method) ratings.push({ score: vulnerability.score, severity: vulnerability.severity, method, vector: vulnerability.vector });
        else ratings.push({ severity: vulnerability.severity });
        const entry: Json = {
          'bom-ref': `vuln:${vulnerability.id}`,
          id: vulnerability.id,
          source: { name: 'OSV', url: `https://osv.dev/vulnerability/${vulnerability.id}` },
          ratings,
        };
        if (vulnerability.aliases.length > 0) {
          entry.references = vulnerability.aliases.map((alias) => ({ id: alias, source: { name: 'OSV', url: `https://osv.dev/vulnerability/${alias}` } }));
        }
        if (vulnerability.summary) entry.description = vulnerability.summary;
        if (vulnerability.url) entry.advisories = [{ url: vulnerability.url }];
        if (vulnerability.fixed) entry.recommendation = `Upgrade to ${vulnerability.fixed} or later.`;
        item = { entry, affects: new Map() };
        byId.set(vulnerability.id, item);
      }
      item.affects.set(ref, (item.affects.get(ref) ?? new Set()).add(pkg.version));
    }
  }
  return [...byId.values()].map(({ entry, affects }) => ({
    ...entry,
    affects: [...affects].map(([ref, versions]) => ({ ref, versions: [...versions].map((version) => ({ version, status: 'affected' })) })),
  }));
}
