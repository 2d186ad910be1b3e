import { severityRank, type ControlResult, type Finding, type RequirementStatus, type ScanResult } from '../core/result.js';
import { escapeMarkdown } from './escape.js';
import { fileLink, githubRepositoryOf, locationLabel } from './links.js';
import { byStatus, controlIndex, controlLabel, controlsOf, countsText, findingsByWeight } from './view.js';

export interface MarkdownOptions {
  /** Failing requirements (or controls) listed before "… and N more". */
  maxItems?: number;
  /** Findings listed per failing item. */
  maxFindings?: number;
}

const ICON: Record<RequirementStatus, string> = {
  pass: '✅',
  fail: '❌',
  error: '💥',
  unknown: '❔',
  deviated: '🟡',
  attested: '📝',
  'not-applicable': '➖',
};

/** Long repository text is cut before escaping, so one message cannot blow the comment size limit. */
const md = (text: string): string => escapeMarkdown(text.length > 300 ? `${text.slice(0, 299)}…` : text);

/** Unknown requirements listed in the folded section: most need an attestation, and say so. */
const MAX_UNKNOWN = 20;

/** GitHub rejects comments over 65,536 characters. */
const MAX_COMMENT = 60_000;

/**
 * A pull-request comment: the status of each pack, the failing requirements with their top findings
 * linked to the files (pinned to the scanned commit on GitHub), and what could not be judged.
 * Every repository- or pack-controlled string is escaped, and `@`/`#` cannot notify anyone.
 */
export function renderMarkdown(result: ScanResult, options: MarkdownOptions = {}): string {
  const maxItems = options.maxItems ?? 15;
  const maxFindings = options.maxFindings ?? 3;
  const controls = controlIndex(result);
  const lines: string[] = [headline(result), '', targetLine(result), ''];

  if (result.policies.length > 0) {
    lines.push('| Pack | Status | Requirements |', '|---|---|---|');
    for (const policy of result.policies) {
      lines.push(`| ${md(policy.title)} (${md(policy.id)}) | ${ICON[policy.status]} ${policy.status} | ${countsText(policy.requirements, ' · ')} |`);
    }
    const failing = result.policies.flatMap((policy) => policy.requirements.filter((requirement) => requirement.status === 'fail' || requirement.status === 'error'));
    if (failing.length > 0) {
      lines.push('', '#### Failing requirements', '');
      for (const requirement of failing.sort(byStatus).slice(0, maxItems)) {
        const text = requirement.text ? ` ${md(requirement.text)}` : '';
        const reason = requirement.status === 'error' && requirement.reason ? ` — ${md(requirement.reason)}` : '';
        lines.push(`- ${ICON[requirement.status]} **${md(requirement.id)}**${text} _(${md(requirement.section)})_${reason}`);
        const findings = controlsOf(controls, requirement)
          .flatMap(({ control }) => (control ? failingFindings(control).map((finding) => ({ control, finding })) : [])).sort((a, b) => severityRank(b.control.severity) - severityRank(a.control.severity));
        for (const { control, finding } of findings.slice(0, maxFindings)) lines.push(`  - ${findingLine(result, control, finding)}`);
        if (findings.length > maxFindings) lines.push(`  - … and ${findings.length - maxFindings} more`);
      }
      if (failing.length > maxItems) lines.push(`- … and ${failing.length - maxItems} more failing requirements`);
    }
  } else {
    const failing = result.controls.filter((control) => control.status === 'fail' || control.status === 'error').sort(byStatus);
    if (failing.length > 0) {
      lines.push('#### Failing controls', '');
      for (const control of failing.slice(0, maxItems)) {
        const reason = control.status === 'error' && control.reason ? ` — ${md(control.reason)}` : '';
        lines.push(`- ${ICON[control.status]} **${md(controlLabel(control))}** [${control.severity}] ${md(control.title)}${reason}`);
        const findings = failingFindings(control);
        for (const finding of findings.slice(0, maxFindings)) lines.push(`  - ${findingLine(result, undefined, finding)}`);
        if (findings.length > maxFindings) lines.push(`  - … and ${findings.length - maxFindings} more`);
      }
      if (failing.length > maxItems) lines.push(`- … and ${failing.length - maxItems} more failing controls`);
    }
  }

  lines.push(...attentionLines(result));
  lines.push('', `<sub>Controls: ${countsText(result.controls, ' · ')} · ${result.errors.length} file problem(s) · ${(result.durationMs / 1000).toFixed(1)} s</sub>`);
  const text = `${lines.join('\n')}\n`;
  if (text.length <= MAX_COMMENT) return text;
  const cut = text.lastIndexOf('\n', MAX_COMMENT);
  return `${text.slice(0, cut)}\n\n… cut to fit a comment; see the full report (\`--format html\` or \`json\`).\n`;
}

function headline(result: ScanResult): string {
  const units = result.policies.length > 0 ? result.policies.flatMap((policy) => policy.requirements) : result.controls;
  const noun = result.policies.length > 0 ? 'requirement' : 'control';
  const failing = units.filter((unit) => unit.status === 'fail').length;
  const errors = units.filter((unit) => unit.status === 'error').length;
  if (failing + errors === 0) return `### ✅ tenet: no failing ${noun}s`;
  const parts = [failing > 0 && `${failing} failing ${noun}${failing === 1 ? '' : 's'}`, errors > 0 && `${errors} in error`].filter(Boolean);
  return `### ❌ tenet: ${parts.join(', ')}`;
}

function targetLine(result: ScanResult): string {
  const repository = githubRepositoryOf(result.target);
  const name = repository ? `${repository.owner}/${repository.name}` : (result.target.path.split('/').pop() ?? result.target.path);
  const commit = result.target.commit ? ` @ ${md(result.target.commit.slice(0, 12))}` : '';
  const branch = result.target.branch ? ` (${md(result.target.branch)})` : '';
  return `${md(name)}${commit}${branch} · ${md(result.tool.name)} ${md(result.tool.version)}`;
}

function failingFindings(control: ControlResult): Finding[] {
  return findingsByWeight(control.findings).filter((finding) => !finding.suppressed);
}

function findingLine(result: ScanResult, control: ControlResult | undefined, finding: Finding): string {
  const label = locationLabel(finding);
  const link = fileLink(result.target, finding);
  const where = label && link ? `[${md(label)}](${link}) ` : '';
  const resource = finding.resource ? `${md(finding.resource)}: ` : '';
  const prefix = control ? `**${md(controlLabel(control))}** [${control.severity}]: ` : '';
  const marker = finding.outcome === 'unknown' ? '❔ ' : '';
  return `${prefix}${marker}${where}${resource}${md(finding.message)}`;
}

/** Unjudged requirements and exceptions about to lapse: what a reviewer should know but need not fix now. */
function attentionLines(result: ScanResult): string[] {
  const lines: string[] = [];
  const unknown = result.policies.flatMap((policy) => policy.requirements.filter((requirement) => requirement.status === 'unknown'));
  const lapsing = (result.exceptions ?? []).filter((entry) => entry.state !== 'active');
  if (unknown.length === 0 && lapsing.length === 0) return lines;
  lines.push('', `<details><summary>Needs attention (${unknown.length + lapsing.length})</summary>`, '');
  for (const requirement of unknown.slice(0, MAX_UNKNOWN)) {
    lines.push(`- ${ICON.unknown} **${md(requirement.id)}** unknown${requirement.reason ? `: ${md(requirement.reason)}` : ''}`);
  }
  if (unknown.length > MAX_UNKNOWN) lines.push(`- … and ${unknown.length - MAX_UNKNOWN} more unknown requirements`);
  for (const entry of lapsing) {
    lines.push(`- ⏳ ${md(entry.source)} (${entry.kind} for ${md(entry.target)}) is ${entry.state}${entry.expires ? ` — expires ${md(entry.expires)}` : ''}`);
  }
  lines.push('', '</details>');
  return lines;
}
