import { createHash } from 'node:crypto';
import type { RequirementStatus } from '../core/result.js';

/** Status colours, shared by the stylesheet and the overview chart. */
export const STATUS_COLOUR: Record<RequirementStatus, string> = {
  fail: '#c62828',
  error: '#6a1b9a',
  unknown: '#b7791f',
  deviated: '#ef6c00',
  attested: '#1565c0',
  pass: '#2e7d32',
  'not-applicable': '#757575',
};

const badges = Object.entries(STATUS_COLOUR)
  .map(([status, colour]) => `.s-${status}{background:${colour}}`)
  .join('');

export const STYLE = `
:root{color-scheme:light;--ink:#1d2327;--muted:#5f6b76;--line:#d8dee4;--panel:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:1100px;margin:0 auto;padding:16px 20px 48px}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px;color:var(--muted)}h4{font-size:13px;margin:8px 0 2px}
.meta,.counts,.muted{color:var(--muted)}
.filters{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:10px 0;background:#fff;border-bottom:1px solid var(--line)}
.filters label{display:flex;gap:6px;align-items:center}
.filters input{min-width:220px}
.badge{display:inline-block;min-width:92px;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;text-align:center}
${badges}
.item{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:8px 0;background:#fff}
.item>header{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.text,.message,.reason{white-space:pre-wrap;overflow-wrap:anywhere}
.controls,.findings{list-style:none;margin:6px 0 0;padding-left:0}
.controls>li{margin:6px 0}
.findings{padding-left:18px}
.findings li{margin:2px 0;overflow-wrap:anywhere}
.findings .loc{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
.f-unknown::before{content:"? ";color:${STATUS_COLOUR.unknown}}
.f-fail::before{content:"✗ ";color:${STATUS_COLOUR.fail}}
.f-suppressed{color:var(--muted)}.f-suppressed::before{content:"~ "}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;background:var(--panel);padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
.record{background:var(--panel);border-radius:6px;padding:4px 10px;margin:6px 0}
.record dl{display:grid;grid-template-columns:max-content 1fr;gap:0 12px;margin:2px 0}
.record dt{color:var(--muted)}.record dd{margin:0;overflow-wrap:anywhere}
.properties{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:12px}
.properties>section{border:1px solid var(--line);border-radius:6px;padding:4px 12px 10px}
.properties ul{list-style:none;padding:0;margin:0}
.properties li{margin:4px 0}
.properties .badge{min-width:0;font-size:11px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);text-align:left;padding:4px 6px;vertical-align:top;overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0}
.chart text{font-size:12px;fill:var(--ink)}
[hidden]{display:none !important}
@media print{.filters{display:none}.item{break-inside:avoid}}
`;

/** Filters by status, pack and text; it only hides and shows what the page already holds. */
export const SCRIPT = `
(function () {
  var status = document.getElementById('f-status');
  var pack = document.getElementById('f-pack');
  var search = document.getElementById('f-text');
  var count = document.getElementById('f-count');
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-item]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-group]')).reverse();
  function apply() {
    var wantStatus = status.value, wantPack = pack.value, query = search.value.trim().toLowerCase();
    var shown = 0, primary = 0;
    items.forEach(function (item) {
      var match = (!wantStatus || item.getAttribute('data-status') === wantStatus) &&
        (!wantPack || item.getAttribute('data-pack') === wantPack) &&
        (!query || item.textContent.toLowerCase().indexOf(query) >= 0);
      item.hidden = !match;
      if (item.hasAttribute('data-primary')) { primary += 1; if (match) shown += 1; }
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector('[data-item]:not([hidden])'); });
    count.textContent = shown + ' of ' + primary + ' shown';
  }
  [status, pack, search].forEach(function (control) { control.addEventListener('input', apply); });
  apply();
})();
`;

export function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** Nothing may load: no fetch, image, font, frame or form target; only the two inline blocks above run. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${cspHash(STYLE)}; script-src ${cspHash(SCRIPT)}; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;
