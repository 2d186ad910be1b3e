import { DOMAINS, type ControlResult, type Finding, type RequirementResult, type RequirementStatus, type ScanResult } from '../core/result.js';
import { escapeXml } from './escape.js';
import { locationLabel } from './links.js';
import { controlIndex, controlLabel, controlsOf, exceptionRecord, findingsByWeight, plannedControlsOf, type ControlLookup } from './view.js';

export interface JunitOptions {
  /** One test case per requirement (default when packs ran) or per control. */
  by?: 'requirements' | 'controls';
  /** Findings listed per control before "… and N more". */
  maxFindings?: number;
}

interface Case {
  classname: string;
  name: string;
  status: RequirementStatus;
  reason?: string;
  details: string[];
  seconds?: number;
}

interface Suite {
  name: string;
  cases: Case[];
}

/**
 * JUnit XML for CI test views. `fail` is a <failure> listing the findings; `error` (a control that
 * crashed) is an <error>; `unknown` and `not-applicable` are <skipped> with the reason — nothing could
 * be judged, and an unjudged requirement must neither pass silently nor fail a build for want of an
 * attestation; `pass`, `attested` and `deviated` pass, with the attestation or deviation in <system-out>.
 */
export function renderJunit(result: ScanResult, options: JunitOptions = {}): string {
  const maxFindings = options.maxFindings ?? 50;
  const byControls = options.by === 'controls' || result.policies.length === 0;
  const suites = byControls ? controlSuites(result, maxFindings) : requirementSuites(result, maxFindings);
  const all = suites.flatMap((suite) => suite.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tenet"${counts(all)} time="${seconds(result.durationMs / 1000)}" timestamp="${escapeXml(result.startedAt)}">`,
  ];
  for (const suite of suites) {
    lines.push(`  <testsuite name="${escapeXml(suite.name)}"${counts(suite.cases)} timestamp="${escapeXml(result.startedAt)}">`);
    for (const entry of suite.cases) lines.push(...renderCase(entry));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function requirementSuites(result: ScanResult, maxFindings: number): Suite[] {
  const controls = controlIndex(result);
  return result.policies.map((policy) => ({
    name: `${policy.title} (${policy.id})`,
    cases: policy.requirements.map((requirement) => ({
      classname: `tenet.${policy.id}`,
      name: `${requirement.id} ${requirement.text ?? requirement.section}`,
      status: requirement.status,
      reason: requirement.reason,
      details: requirementDetails(requirement, controls, maxFindings),
    })),
  }));
}

function controlSuites(result: ScanResult, maxFindings: number): Suite[] {
  return DOMAINS.map((domain) => ({
    name: domain,
    cases: result.controls
      .filter((control) => control.domain === domain)
      .map((control) => ({
        classname: `tenet.${domain}`,
        name: `${controlLabel(control)} ${control.title}`,
        status: control.status,
        reason: control.reason,
        details: controlDetails(control, maxFindings),
        seconds: control.durationMs !== undefined ? control.durationMs / 1000 : undefined,
      })),
  })).filter((suite) => suite.cases.length > 0);
}

function requirementDetails(requirement: RequirementResult, controls: ControlLookup, maxFindings: number): string[] {
  const details = [`Section: ${requirement.section}`];
  const attestation = exceptionRecord(requirement.attestation);
  if (attestation) details.push(`Attested by ${attestation.attestedBy ?? '?'} on ${attestation.date ?? '?'} (expires ${attestation.expires ?? '?'}): ${attestation.statement ?? ''} — evidence: ${attestation.evidence ?? 'none'}`);
  const deviation = exceptionRecord(requirement.deviation);
  if (deviation) details.push(`Deviation approved by ${deviation.approvedBy ?? '?'} (expires ${deviation.expires ?? '?'}): ${deviation.reason ?? ''}`);
  for (const { id, control } of controlsOf(controls, requirement)) {
    details.push(...(control ? controlDetails(control, maxFindings) : [`${id}: not run`]));
  }
  const planned = plannedControlsOf(requirement);
  if (planned.length > 0) details.push(`Planned controls (not built yet): ${planned.join(', ')}`);
  return details;
}

function controlDetails(control: ControlResult, maxFindings: number): string[] {
  const details = [`${controlLabel(control)} [${control.severity}]: ${control.status}${control.reason ? ` — ${control.reason}` : ''}`];
  const findings = findingsByWeight(control.findings);
  for (const finding of findings.slice(0, maxFindings)) details.push(`  ${findingLine(finding)}`);
  if (findings.length > maxFindings) details.push(`  … and ${findings.length - maxFindings} more`);
  return details;
}

function findingLine(finding: Finding): string {
  const marker = finding.suppressed ? '~' : finding.outcome === 'unknown' ? '?' : '✗';
  const where = [locationLabel(finding), finding.resource].filter(Boolean).join(' ');
  const evidence = finding.evidence !== undefined ? ` [${finding.evidence}]` : '';
  const suppressed = finding.suppressed ? ` (suppressed by ${finding.suppressed.kind} ${finding.suppressed.source}: ${finding.suppressed.reason})` : '';
  return `${marker} ${where ? `${where}: ` : ''}${finding.message}${evidence}${suppressed}`;
}

function renderCase(entry: Case): string[] {
  const time = entry.seconds !== undefined ? ` time="${seconds(entry.seconds)}"` : '';
  const open = `    <testcase classname="${escapeXml(entry.classname)}" name="${escapeXml(entry.name)}"${time}>`;
  const body = escapeXml(entry.details.join('\n'));
  const reason = entry.reason !== undefined ? `: ${entry.reason}` : '';
  switch (entry.status) {
    case 'fail':
      return [open, `      <failure type="fail" message="${escapeXml(failureSummary(entry.details))}">${body}</failure>`, '    </testcase>'];
    case 'error':
      return [open, `      <error type="error" message="${escapeXml(`error${reason}`)}">${body}</error>`, '    </testcase>'];
    case 'unknown':
    case 'not-applicable':
      return [open, `      <skipped message="${escapeXml(`${entry.status}${reason}`)}"/>`, `      <system-out>${body}</system-out>`, '    </testcase>'];
    default:
      return [open, `      <system-out>${escapeXml(`${entry.status}${reason}\n`)}${body}</system-out>`, '    </testcase>'];
  }
}

function failureSummary(details: string[]): string {
  const failing = details.filter((line) => line.startsWith('  ✗')).length;
  return `${failing} failing finding${failing === 1 ? '' : 's'}`;
}

function counts(cases: Case[]): string {
  const failures = cases.filter((entry) => entry.status === 'fail').length;
  const errors = cases.filter((entry) => entry.status === 'error').length;
  const skipped = cases.filter((entry) => entry.status === 'unknown' || entry.status === 'not-applicable').length;
  return ` tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
}

function seconds(value: number): string {
  return Math.max(0, value).toFixed(3);
}
