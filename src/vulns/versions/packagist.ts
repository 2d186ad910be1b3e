/**
 * Composer/Packagist ordering: PHP's `version_compare` on the canonical form (a leading `v` dropped;
 * `-`, `_`, `+` and letter/digit transitions become dots), with `dev < alpha < beta < RC < (number) < pl`.
 */

const SPECIAL_FORMS: [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const isAlnum = (char: string): boolean => /^[0-9A-Za-z]$/.test(char);

export function canonicalPhpVersion(version: string): string[] {
  const text = version.trim().replace(/^[vV](?=\d)/, '');
  if (text.length === 0) return [];
  let out = text[0] as string;
  let previous = text[0] as string;
  for (let index = 1; index < text.length; index += 1) {
    const char = text[index] as string;
    const previousIsNonDigit = !isDigit(previous) && previous !== '.';
    const charIsNonDigit = !isDigit(char) && char !== '.';
    if (char === '-' || char === '_' || char === '+') {
      if (!out.endsWith('.')) out += '.';
    } else if ((previousIsNonDigit && isDigit(char)) || (isDigit(previous) && charIsNonDigit)) {
      if (!out.endsWith('.')) out += '.';
      out += char;
    } else if (!isAlnum(char)) {
      if (!out.endsWith('.')) out += '.';
    } else {
      out += char;
    }
    previous = char;
  }
  return out.split('.').filter((part) => part !== '');
}

function specialForm(part: string): number {
  for (const [name, order] of SPECIAL_FORMS) if (part.startsWith(name)) return order;
  return -1;
}

export function comparePhpParts(a: string[], b: string[]): number {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = a[index];
    const right = b[index];
    let result: number;
    if (left === undefined) result = isDigit((right as string)[0] as string) ? -1 : cmp(4, specialForm(right as string));
    else if (right === undefined) result = isDigit(left[0] as string) ? 1 : cmp(specialForm(left), 4);
    else if (isDigit(left[0] as string) && isDigit(right[0] as string)) result = cmpBig(BigInt(left.slice(0, 40)), BigInt(right.slice(0, 40)));
    else if (isDigit(left[0] as string)) result = cmp(4, specialForm(right));
    else if (isDigit(right[0] as string)) result = cmp(specialForm(left), 4);
    else result = cmp(specialForm(left), specialForm(right));
    if (result !== 0) return result;
  }
  return 0;
}

const cmp = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);
const cmpBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

export function parsePackagist(version: string): string[] | undefined {
  const parts = canonicalPhpVersion(version);
  return parts.length > 0 && /^\d/.test(parts[0] as string) ? parts : undefined;
}
