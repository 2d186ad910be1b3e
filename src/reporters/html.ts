import type { ScanResult } from '../engine/types.js';
import type { ControlDescription } from './sarif.js';
export function renderHtml(_result: ScanResult, _options: { describe?: (id: string) => ControlDescription | undefined } = {}): string {
  return '';
}
