import type { ScanResult } from '../engine/types.js';
export function renderMarkdown(_result: ScanResult): string {
  return '';
}
