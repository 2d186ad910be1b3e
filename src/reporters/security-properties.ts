import type { RequirementResult } from '../core/result.js';

/** The four properties of the Year of Engineering accreditation (its "Requirements" chapter). */
export const SECURITY_PROPERTIES = ['confidentiality', 'integrity', 'availability', 'non-repudiation'] as const;
export type SecurityProperty = (typeof SECURITY_PROPERTIES)[number];

const C = 'confidentiality';
const I = 'integrity';
const A = 'availability';
const N = 'non-repudiation';

/**
 * Heading keywords → the properties a requirement under that heading protects. The first four rows are
 * the accreditation's own property headings; the rest place its other chapters by what they defend
 * (e.g. "Connections" is about keeping submitted data secret, "Deployment" about only approved code
 * reaching live). Matched against one heading at a time, most specific heading first. Alternations of
 * literals only: linear on any input.
 */
export const HEADING_PROPERTIES: readonly { pattern: RegExp; properties: readonly SecurityProperty[] }[] = [
  { pattern: /non-?repudiation|accountab|traceab|audit/i, properties: [N] },
  { pattern: /confidential/i, properties: [C] },
  { pattern: /integrity/i, properties: [I] },
  { pattern: /availability|resilien|backup|disaster/i, properties: [A] },
  { pattern: /common attacks/i, properties: [C, I] },
  { pattern: /staffing|stakeholders/i, properties: [C, N] },
  { pattern: /maintenance|patch/i, properties: [I, A] },
  { pattern: /docker container/i, properties: [I] },
  { pattern: /\baws\b/i, properties: [C, A] },
  { pattern: /connections|database|static data storage|open-source code|data aggregation|user forms|analytics|cookie|privacy|secret|encrypt|cryptograph/i, properties: [C] },
  { pattern: /external packages|deployment|workflow|repository|change|review|supply chain|dependenc/i, properties: [I] },
];

/**
 * The security properties a requirement serves: an explicit `properties` field on the requirement wins
 * (a list of property names, or an object with `security-property` / `securityProperty` /
 * `securityProperties`); otherwise derived from its section heading path (`A › B › C`), most
 * specific heading first. Empty when nothing matches (e.g. "Security approach", "Appendix").
 */
export function securityPropertiesOf(requirement: RequirementResult): SecurityProperty[] {
  const explicit = explicitProperties((requirement as RequirementResult & { properties?: unknown }).properties);
  if (explicit !== undefined) return explicit;
  const headings = requirement.section.split(/\s{0,5}›\s{0,5}|\s{0,5}>\s{0,5}/).reverse();
  for (const heading of headings) {
    const row = HEADING_PROPERTIES.find((entry) => entry.pattern.test(heading));
    if (row) return [...row.properties];
  }
  return [];
}

function explicitProperties(value: unknown): SecurityProperty[] | undefined {
  let names: unknown[];
  if (Array.isArray(value)) names = value;
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const field = record['security-property'] ?? record.securityProperty ?? record.securityProperties ?? record['security-properties'];
    if (field === undefined) return undefined;
    names = Array.isArray(field) ? field : [field];
  } else return undefined;
  const found = names
    .flatMap((name) => (typeof name === 'string' ? name.split(',') : []))
    .map((name) => name.trim().toLowerCase().replace(/^nonrepudiation$/, 'non-repudiation'))
    .filter((name): name is SecurityProperty => (SECURITY_PROPERTIES as readonly string[]).includes(name));
  return found.length > 0 ? [...new Set(found)] : undefined;
}
