import type { ScanResult } from '../core/result.js';

/** The collected facts, as collectors produced them: the view for debugging a verdict. */
export function renderRaw(result: ScanResult): string {
  const replacer = (_key: string, value: unknown): unknown => {
    if (value instanceof Map) return Object.fromEntries(value);
    if (value instanceof Set) return [...value];
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'function') return undefined;
    return value;
  };
  return `${JSON.stringify({ target: result.target, facts: result.facts ?? {}, errors: result.errors }, replacer, 2)}\n`;
}
