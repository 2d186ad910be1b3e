/** CVSS v3.0/v3.1 base scores computed from the vector, as FIRST's specification defines them. */

const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

const METRICS = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
const ALLOWED: Record<(typeof METRICS)[number], readonly string[]> = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
};

export interface CvssScore {
  version: '3.0' | '3.1';
  score: number;
  vector: string;
}

/** The base score of a CVSS v3 vector, or undefined when the vector is not a complete v3 vector. */
export function cvss3BaseScore(vector: string): CvssScore | undefined {
  const parts = vector.trim().split('/');
  const version = /^CVSS:(3\.[01])$/.exec(parts[0] ?? '')?.[1] as '3.0' | '3.1' | undefined;
  if (!version || parts.length > 20) return undefined;
  const values = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const [metric, value] = part.split(':');
    if (metric === undefined || value === undefined) return undefined;
    if (values.has(metric)) return undefined;
    values.set(metric, value);
  }
  for (const metric of METRICS) {
    const value = values.get(metric);
    if (value === undefined || !ALLOWED[metric].includes(value)) return undefined;
  }
  const get = (metric: (typeof METRICS)[number]): string => values.get(metric) as string;
  const changed = get('S') === 'C';
  const av = WEIGHTS.AV[get('AV') as keyof typeof WEIGHTS.AV];
  const ac = WEIGHTS.AC[get('AC') as keyof typeof WEIGHTS.AC];
  const ui = WEIGHTS.UI[get('UI') as keyof typeof WEIGHTS.UI];
  const pr = { N: 0.85, L: changed ? 0.68 : 0.62, H: changed ? 0.5 : 0.27 }[get('PR') as 'N' | 'L' | 'H'];
  const [c, i, a] = (['C', 'I', 'A'] as const).map((metric) => WEIGHTS.CIA[get(metric) as keyof typeof WEIGHTS.CIA]) as [number, number, number];
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * av * ac * pr * ui;
  const roundUp = version === '3.1' ? roundUp31 : (value: number) => Math.ceil(value * 10) / 10;
  const score = impact <= 0 ? 0 : roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
  return { version, score, vector: vector.trim() };
}

/** CVSS 3.1 Roundup: avoids floating-point artefacts such as 4.000000000000001 rounding to 4.1. */
function roundUp31(value: number): number {
  const scaled = Math.round(value * 100000);
  return scaled % 10000 === 0 ? scaled / 100000 : (Math.floor(scaled / 10000) + 1) / 10;
}

export type Rating = 'critical' | 'high' | 'medium' | 'low' | 'none';

export function ratingOf(score: number): Rating {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}
