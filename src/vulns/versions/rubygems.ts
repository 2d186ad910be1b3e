/** RubyGems `Gem::Version` ordering: numeric and alphabetic segments; a letter segment marks a pre-release. */

export type GemSegments = (bigint | string)[];

const GEM_VERSION = /^\s*[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\s*$/;

export function parseGem(version: string): GemSegments | undefined {
  if (version.length > 256 || !GEM_VERSION.test(version)) return undefined;
  const text = version.trim().replace(/-/g, '.pre.');
  const segments: GemSegments = (text.match(/[0-9]+|[a-z]+/gi) ?? []).map((part) => (/^\d/.test(part) ? BigInt(part) : part));
  // Canonical form: trailing zeros dropped from the numeric part and from the part after the first letter.
  const firstString = segments.findIndex((segment) => typeof segment === 'string');
  const numeric = firstString === -1 ? segments : segments.slice(0, firstString);
  const rest = firstString === -1 ? [] : segments.slice(firstString);
  return [...dropTrailingZeros(numeric), ...dropTrailingZeros(rest)];
}

function dropTrailingZeros(segments: GemSegments): GemSegments {
  let end = segments.length;
  while (end > 0 && segments[end - 1] === 0n) end -= 1;
  return segments.slice(0, end);
}

export function compareGemParsed(a: GemSegments, b: GemSegments): number {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = a[index] ?? 0n;
    const right = b[index] ?? 0n;
    if (left === right) continue;
    if (typeof left === 'string' && typeof right === 'bigint') return -1;
    if (typeof left === 'bigint' && typeof right === 'string') return 1;
    return left < right ? -1 : 1;
  }
  return 0;
}
