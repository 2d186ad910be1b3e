import { DOMAINS, type ControlResult, type ControlStatus, type Finding, type ScanResult } from '../core/result.js';
import { palette, printable, type Palette } from './text.js';

export interface TableOptions {
  color: boolean;
  /** Findings shown per control before "… and N more". */
  maxFindings?: number;
}

const STATUS_ORDER: ControlStatus[] = ['fail', 'error', 'unknown', 'deviated', 'pass', 'not-applicable'];

/** A person's view: controls grouped by domain, failing first, findings with file:line, one summary line. */
export function renderTable(result: ScanResult, options: TableOptions): string {
  const paint = palette(options.color);
  const maxFindings = options.maxFindings ?? 10;
  const lines: string[] = [];
  const target = [result.target.path, result.target.branch, result.target.commit?.slice(0, 12)].filter(Boolean).join(' @ ');
  lines.push(paint.bold(`tenet ${result.tool.version} — ${printable(target)}`));

  for (const policy of result.policies) {
    lines.push('', paint.bold(`${policy.title} (${policy.id}): ${statusLabel(policy.status, paint)}`));
    const counts = new Map<string, number>();
    for (const requirement of policy.requirements) counts.set(requirement.status, (counts.get(requirement.status) ?? 0) + 1);
    lines.push(`  ${[...counts].map(([status, count]) => `${count} ${status}`).join(', ')}`);
    for (const requirement of policy.requirements.filter((entry) => entry.status === 'fail' || entry.status === 'error')) {
      lines.push(`  ${statusLabel(requirement.status, paint)} ${requirement.id} ${paint.dim(`(${requirement.section})`)} ← ${requirement.controls.join(', ')}`);
    }
  }

  for (const domain of DOMAINS) {
    const controls = result.controls
      .filter((control) => control.domain === domain)
      .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
    if (controls.length === 0) continue;
    lines.push('', paint.bold(paint.cyan(domain)));
    for (const control of controls) {
      lines.push(...renderControl(control, paint, maxFindings));
    }
  }

  const lapsed = (result.exceptions ?? []).filter((entry) => entry.state !== 'active');
  if (lapsed.length > 0) {
    lines.push('', paint.bold(`Attestations and deviations needing attention (${lapsed.length})`));
    for (const entry of lapsed) {
      const why = entry.state === 'invalid' ? 'lacks an approver or an expiry: counts for nothing' : entry.state === 'expired' ? `expired ${entry.expires ?? ''}: counts for nothing` : `expires ${entry.expires ?? ''}: renew it`;
      lines.push(`  ${paint.yellow('!')} ${entry.source} (${entry.kind} of ${printable(entry.target)}) ${why}`);
    }
  }

  if (result.errors.length > 0) {
    lines.push('', paint.bold(`Skipped or unreadable (${result.errors.length})`));
    for (const error of result.errors.slice(0, 20)) {
      lines.push(`  ${paint.yellow('!')} ${error.file !== undefined ? `${printable(error.file)}: ` : ''}${printable(error.reason)}`);
    }
    if (result.errors.length > 20) lines.push(paint.dim(`  … and ${result.errors.length - 20} more (see --format json)`));
  }

  if (result.timing?.length) {
    lines.push('', paint.bold('Timing'));
    const sorted = [...result.timing].sort((a, b) => b.ms - a.ms);
    for (const entry of sorted) lines.push(`  ${entry.ms.toFixed(1).padStart(9)} ms  ${entry.kind.padEnd(9)} ${entry.id}`);
  }

  lines.push('', summaryLine(result, paint));
  return `${lines.join('\n')}\n`;
}

function renderControl(control: ControlResult, paint: Palette, maxFindings: number): string[] {
  const variant = control.variant ? ` ${paint.dim(`(${printable(control.variant)})`)}` : '';
  const lines = [`  ${statusLabel(control.status, paint)} ${control.id}${variant} ${paint.dim(`[${control.severity}]`)} ${control.title}`];
  if (control.reason && control.status !== 'pass') lines.push(`      ${paint.dim(printable(control.reason))}`);
  const shown = [...control.findings].sort((a, b) => Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)));
  for (const finding of shown.slice(0, maxFindings)) lines.push(`      ${renderFinding(finding, paint)}`);
  if (shown.length > maxFindings) lines.push(paint.dim(`      … and ${shown.length - maxFindings} more`));
  return lines;
}

function renderFinding(finding: Finding, paint: Palette): string {
  const where = finding.file !== undefined ? `${printable(finding.file)}${finding.line !== undefined ? `:${finding.line}` : ''}` : '';
  const subject = finding.resource !== undefined ? ` ${paint.dim(printable(finding.resource))}` : '';
  const marker = finding.suppressed ? paint.dim('~') : finding.outcome === 'unknown' ? paint.yellow('?') : paint.red('✗');
  const suffix = finding.suppressed ? paint.dim(` (suppressed: ${finding.suppressed.kind}, ${printable(finding.suppressed.reason)})`) : '';
  return `${marker} ${where ? `${where}${subject} ` : subject ? `${subject} ` : ''}${printable(finding.message)}${suffix}`;
}

function statusLabel(status: string, paint: Palette): string {
  const label = (status === 'not-applicable' ? 'N/A' : status.toUpperCase()).padEnd(8);
  switch (status) {
    case 'fail':
    case 'error':
      return paint.red(label);
    case 'pass':
    case 'attested':
      return paint.green(label);
    case 'unknown':
      return paint.yellow(label);
    default:
      return paint.dim(label);
  }
}

function summaryLine(result: ScanResult, paint: Palette): string {
  const counts = result.summary.controls;
  const parts = STATUS_ORDER.filter((status) => counts[status]).map((status) => `${counts[status]} ${status}`);
  const requirementParts = Object.entries(result.summary.requirements).map(([status, count]) => `${count} ${status}`);
  const text =
    `${result.controls.length} controls: ${parts.join(', ') || 'none run'}` +
    (requirementParts.length ? ` · requirements: ${requirementParts.join(', ')}` : '') +
    ` · ${result.errors.length} file problem(s) · ${(result.durationMs / 1000).toFixed(2)}s`;
  return counts.fail || counts.error ? paint.red(text) : paint.green(text);
}
