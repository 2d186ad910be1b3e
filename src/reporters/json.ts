import type { ScanResult } from '../core/result.js';

/** The report contract of ARCHITECTURE.md, validated against schema/report.schema.json in tests. */
export function renderJson(result: ScanResult): string {
  const { facts: _facts, ...report } = result;
  return `${JSON.stringify(report, null, 2)}\n`;
}
