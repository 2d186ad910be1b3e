import type { ScanResult } from '../core/result.js';
import { controlById } from '../controls/index.js';
import { renderJson } from './json.js';
import { renderRaw } from './raw.js';
import { renderTable } from './table.js';
import { renderSarif } from './sarif.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { renderCycloneDx } from './cyclonedx.js';

export interface RenderOptions {
  color: boolean;
  /** JUnit: one test case per requirement (default when packs ran) or per control. */
  by?: 'requirements' | 'controls';
}

const describeControl = (id: string) => controlById(id)?.meta;

/** Output formats by name; each is a pure function of the scan result. */
export const reporters: Record<string, (result: ScanResult, options: RenderOptions) => string> = {
  table: (result, options) => renderTable(result, { color: options.color }),
  json: (result) => renderJson(result),
  raw: (result) => renderRaw(result),
  sarif: (result) => renderSarif(result, { describe: describeControl }),
  junit: (result, options) => renderJunit(result, { by: options.by }),
  markdown: (result) => renderMarkdown(result),
  html: (result) => renderHtml(result, { describe: describeControl }),
  cyclonedx: (result) => renderCycloneDx(result),
};
