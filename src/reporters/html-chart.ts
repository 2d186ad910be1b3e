import type { RequirementStatus } from '../core/result.js';
import { escapeHtml, visibleText } from './escape.js';
import { STATUS_COLOUR } from './html-assets.js';
import { countStatuses } from './view.js';

export interface ChartRow {
  label: string;
  items: readonly { status: RequirementStatus }[];
}

const WIDTH = 720;
const LABEL = 260;
const BAR = 22;
const GAP = 10;

/** One horizontal stacked bar per row (a pack's requirements, or the controls), drawn as inline SVG. */
export function statusChart(rows: readonly ChartRow[]): string {
  const height = rows.length * (BAR + GAP) + GAP;
  const span = WIDTH - LABEL - 70;
  const bars = rows.map((row, index) => {
    const y = GAP + index * (BAR + GAP);
    const total = row.items.length;
    const label = truncate(visibleText(row.label), 38);
    let x = LABEL;
    const segments = [...countStatuses(row.items)].map(([status, count]) => {
      const width = total === 0 ? 0 : (count / total) * span;
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${STATUS_COLOUR[status]}"><title>${count} ${status}</title></rect>`;
      x += width;
      return rect;
    });
    return [
      `<text x="0" y="${y + BAR / 2 + 4}">${escapeHtml(label)}<title>${escapeHtml(visibleText(row.label))}</title></text>`,
      ...segments,
      `<text x="${LABEL + span + 8}" y="${y + BAR / 2 + 4}">${total}</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="Status overview" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}</svg>`;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
