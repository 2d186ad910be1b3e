import { pathToFileURL } from 'node:url';
import type { ControlResult, Finding, ScanResult, Severity, Suppression } from '../core/result.js';
import { encodePath } from './escape.js';
import { githubRepositoryOf } from './links.js';
import { controlLabel, requirementsByControl, variantOf } from './view.js';

/** What a rule's help says about a control; the catalog supplies it, the scan result does not carry it. */
export interface ControlDescription {
  rationale?: string;
  remediation?: string;
}

export interface SarifOptions {
  describe?: (controlId: string) => ControlDescription | undefined;
}

type Level = 'error' | 'warning' | 'note' | 'none';

const LEVEL_OF: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/** GitHub code scanning ranks results by this CVSS-like score (critical ≥ 9, high ≥ 7, medium ≥ 4). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 (ARCHITECTURE.md): one rule per control with the requirement ids it serves, one result
 * per finding with its file, line and resource address, suppressed findings as `suppressions`, file
 * problems and unevaluated controls as tool execution notifications.
 */
export function renderSarif(result: ScanResult, options: SarifOptions = {}): string {
  const served = requirementsByControl(result);
  // A control a pack ran with other parameters appears once per variant; its rule appears once.
  const ruleIndex = new Map<string, number>();
  const ruleControls: ControlResult[] = [];
  for (const control of result.controls) {
    if (ruleIndex.has(control.id)) continue;
    ruleIndex.set(control.id, ruleControls.length);
    ruleControls.push(control);
  }
  const rules = ruleControls.map((control) => ruleOf(control, served.get(control.id) ?? [], options.describe?.(control.id)));
  const results = result.controls.flatMap((control) => control.findings.map((finding) => resultOf(control, ruleIndex.get(control.id) ?? 0, finding)));
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        rules,
      },
    },
    invocations: [invocationOf(result, ruleIndex)],
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(`${result.target.path.replace(/\/$/, '')}/`).href } },
    results,
    columnKind: 'utf16CodeUnits',
    properties: {
      policies: result.policies.map((policy) => ({ id: policy.id, title: policy.title, status: policy.status })),
      summary: result.summary,
    },
  };
  const provenance = provenanceOf(result);
  if (provenance) run.versionControlProvenance = [provenance];
  const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleOf(control: ControlResult, requirements: string[], description: ControlDescription | undefined): Record<string, unknown> {
  const helpText = [description?.rationale, description?.remediation && `Remediation: ${description.remediation}`, requirements.length > 0 && `Serves: ${requirements.join(', ')}`]
    .filter(Boolean)
    .join('\n\n');
  const rule: Record<string, unknown> = {
    id: control.id,
    name: control.id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: control.title },
    help: { text: helpText || control.title },
    defaultConfiguration: { level: LEVEL_OF[control.severity] },
    properties: {
      domain: control.domain,
      severity: control.severity,
      requirements,
      tags: ['security', control.domain],
      'security-severity': SECURITY_SEVERITY[control.severity],
    },
  };
  if (description?.rationale) rule.fullDescription = { text: description.rationale };
  return rule;
}

function resultOf(control: ControlResult, ruleIndex: number, finding: Finding): Record<string, unknown> {
  const unknown = finding.outcome === 'unknown';
  const entry: Record<string, unknown> = {
    ruleId: control.id,
    ruleIndex,
    // SARIF allows a level other than `none` only on results of kind `fail`.
    kind: unknown ? 'review' : 'fail',
    level: unknown ? 'none' : LEVEL_OF[control.severity],
    message: { text: finding.message || control.title },
    partialFingerprints: { 'tenet/v1': finding.fingerprint },
  };
  entry.locations = [locationOf(finding)];
  if (finding.suppressed) entry.suppressions = [suppressionOf(finding.suppressed)];
  const properties: Record<string, unknown> = { ...(finding.properties ?? {}) };
  if (finding.evidence !== undefined) properties.evidence = finding.evidence;
  if (finding.resource !== undefined) properties.resource = finding.resource;
  const variant = variantOf(control);
  if (variant !== undefined) properties.variant = variant;
  if (Object.keys(properties).length > 0) entry.properties = properties;
  return entry;
}

/**
 * GitHub code scanning rejects a result without a physical location, so a finding about the
 * repository as a whole (a branch-protection setting, say) points at the repository root, `.`.
 */
function locationOf(finding: Finding): Record<string, unknown> {
  const physical: Record<string, unknown> = { artifactLocation: { uri: finding.file !== undefined ? encodePath(finding.file) : '.', uriBaseId: SRCROOT } };
  if (finding.file !== undefined && finding.line !== undefined && finding.line >= 1) physical.region = { startLine: finding.line };
  const location: Record<string, unknown> = { physicalLocation: physical };
  if (finding.resource !== undefined) location.logicalLocations = [{ fullyQualifiedName: finding.resource, kind: 'resource' }];
  return location;
}

function suppressionOf(suppression: Suppression): Record<string, unknown> {
  const properties: Record<string, string> = { source: suppression.source, tenetKind: suppression.kind };
  if (suppression.approvedBy) properties.approvedBy = suppression.approvedBy;
  if (suppression.expires) properties.expires = suppression.expires;
  return {
    kind: suppression.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: suppression.reason,
    properties,
  };
}

function invocationOf(result: ScanResult, ruleIndex: Map<string, number>): Record<string, unknown> {
  const fileProblems = result.errors.map((error) => {
    const notification: Record<string, unknown> = { level: 'warning', message: { text: error.reason } };
    if (error.file !== undefined) notification.locations = [{ physicalLocation: { artifactLocation: { uri: encodePath(error.file), uriBaseId: SRCROOT } } }];
    return notification;
  });
  const unevaluated = result.controls
    .filter((control) => control.status === 'error' || control.status === 'unknown')
    .map((control) => ({
      level: control.status === 'error' ? 'error' : 'note',
      message: { text: `${controlLabel(control)} ${control.status}: ${control.reason ?? 'no reason given'}` },
      associatedRule: { id: control.id, index: ruleIndex.get(control.id) ?? 0 },
    }));
  const configuration = (result.exceptions ?? [])
    .filter((entry) => entry.state === 'expired' || entry.state === 'invalid')
    .map((entry) => ({
      level: 'warning',
      message: { text: `${entry.source} (${entry.kind} for ${entry.target}) is ${entry.state}${entry.expires ? ` (expires ${entry.expires})` : ''} and does not count` },
    }));
  const started = Date.parse(result.startedAt);
  const invocation: Record<string, unknown> = {
    executionSuccessful: !result.controls.some((control) => control.status === 'error'),
    toolExecutionNotifications: [...unevaluated, ...fileProblems],
    toolConfigurationNotifications: configuration,
  };
  if (!Number.isNaN(started)) {
    invocation.startTimeUtc = new Date(started).toISOString();
    invocation.endTimeUtc = new Date(started + Math.max(0, result.durationMs)).toISOString();
  }
  return invocation;
}

function provenanceOf(result: ScanResult): Record<string, unknown> | undefined {
  const repository = githubRepositoryOf(result.target);
  const remote = result.target.remotes?.find((entry) => entry.name === 'origin') ?? result.target.remotes?.[0];
  const uri = repository ? `https://github.com/${repository.owner}/${repository.name}` : remote && /^https?:\/\//.test(remote.url) ? remote.url.replace(/^(https?:\/\/)[^/@]{0,500}@/i, '$1') : undefined;
  if (!uri) return undefined;
  const provenance: Record<string, unknown> = { repositoryUri: uri };
  if (result.target.commit) provenance.revisionId = result.target.commit;
  if (result.target.branch) provenance.branch = result.target.branch;
  return provenance;
}
