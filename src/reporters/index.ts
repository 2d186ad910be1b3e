import type { ScanResult } from '../engine/types.js';
import { renderJson } from './json.js';
import { renderRaw } from './raw.js';
import { renderTable } from './table.js';
import { renderCycloneDx } from './cyclonedx.js';

export interface RenderOptions {
  color: boolean;
}

/** Output formats by name; each is a pure function of the scan result. */
export const reporters: Record<string, (result: ScanResult, options: RenderOptions) => string> = {
  table: (result, options) => renderTable(result, { color: options.color }),
  json: (result) => renderJson(result),
  raw: (result) => renderRaw(result),
  cyclonedx: (result) => renderCycloneDx(result),
};
