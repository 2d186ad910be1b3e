import { evaluated, notApplicable, type ControlOutcome, type FindingInput } from '../../engine/control.js';
import { inlineWaiver } from '../../engine/inline-waivers.js';
import { Unknown, type TerraformFacts, type TfBody, type TfResource } from '../../facts/terraform/terraform.js';
import { show, numberOf, truth } from '../../facts/terraform/query.js';
import type { S3Buckets } from '../../facts/terraform/s3.js';

/** The verdict on one subject resource: nothing to report, or a failing or unjudgeable finding. */
export type Verdict = { outcome: 'pass'; note?: string } | { outcome: 'fail' | 'unknown'; message: string; line?: number; key?: string };

export const PASS: Verdict = { outcome: 'pass' };

export function fail(message: string, line?: number, key?: string): Verdict {
  return { outcome: 'fail', message, line, key };
}

export function cannotJudge(message: string, line?: number): Verdict {
  return { outcome: 'unknown', message, line };
}

export interface Judged {
  resource: TfResource;
  verdict: Verdict;
}

/**
 * Turns per-resource verdicts into the control outcome: one finding per offending resource, at the
 * offending attribute's line (or the resource block's), with an inline waiver when one is written.
 */
export function outcomeOf(controlId: string, facts: TerraformFacts, judged: readonly Judged[], nothingToJudge: string): ControlOutcome {
  if (judged.length === 0) return notApplicable(facts.files.length === 0 ? 'no Terraform configuration' : nothingToJudge);
  const findings = judgedFindings(controlId, facts, judged);
  const passed = judged.length - findings.length;
  return evaluated(findings, `${judged.length} resource(s) judged, ${passed} without findings${remoteModulesNote(facts)}`);
}

/** `; not analysed: module.x (registry source)` for remote modules, or ''. */
export function remoteModulesNote(facts: TerraformFacts): string {
  const remote = facts.modules.filter((module) => !module.analysed);
  return remote.length > 0 ? `; not analysed: ${remote.map((module) => `${module.address} (${module.reason ?? module.source})`).join('; ')}` : '';
}

/** The findings of per-resource verdicts, for a control that also judges other kinds of subjects. */
export function judgedFindings(controlId: string, facts: TerraformFacts, judged: readonly Judged[]): FindingInput[] {
  const findings: FindingInput[] = [];
  for (const { resource, verdict } of judged) {
    if (verdict.outcome === 'pass') continue;
    const finding: FindingInput = {
      message: `${resource.address}: ${verdict.message}`,
      file: resource.file,
      line: verdict.line ?? resource.line,
      resource: resource.address,
      key: verdict.key ?? verdict.message,
      outcome: verdict.outcome,
    };
    const text = facts.texts.get(resource.file);
    const waiver = text === undefined ? undefined : inlineWaiver(text, resource.line, controlId);
    if (waiver) finding.suppressed = { kind: 'inline', reason: waiver.reason, source: `${resource.file}:${waiver.line}` };
    findings.push(finding);
  }
  return findings;
}

/** Passes when `name` is set to true; fails when absent or false (explicit over provider defaults). */
export function requireTrue(body: TfBody, name: string, fallbackLine: number, why: string): Verdict {
  const attribute = body.attributes[name];
  if (!attribute) return fail(`${name} is not set (${why})`, fallbackLine, `${name}-missing`);
  const value = truth(attribute.value);
  if (value === true) return PASS;
  if (value instanceof Unknown) return cannotJudge(`${name} is not known statically: ${value.reason}`, attribute.line);
  return fail(`${name} = ${show(attribute.value)} (${why})`, attribute.line, `${name}-false`);
}

/** Passes when `name` holds a value (a key, say); fails when absent, null or empty. */
export function requireSet(body: TfBody, name: string, fallbackLine: number, why: string): Verdict {
  const attribute = body.attributes[name];
  if (!attribute || attribute.value === null || attribute.value === '') return fail(`${name} is not set (${why})`, attribute?.line ?? fallbackLine, `${name}-missing`);
  if (attribute.value instanceof Unknown) return cannotJudge(`${name} is not known statically: ${attribute.value.reason}`, attribute.line);
  return PASS;
}

/** Passes when the number of days in `name` is at least `minimum`; fails when absent or lower. */
export function atLeastDays(resource: TfResource, name: string, minimum: number): Verdict {
  const setting = resource.attributes[name];
  if (!setting) return fail(`${name} is not set (automated backups must be kept at least ${minimum} days)`, resource.line, `${name}-missing`);
  const days = numberOf(setting.value);
  if (days instanceof Unknown) return cannotJudge(`${name} is not known statically: ${days.reason}`, setting.line);
  if (days === undefined || days < minimum) return fail(`${name} = ${show(setting.value)}, below the required ${minimum} days`, setting.line, `${name}-short`);
  return PASS;
}


/** A bucket cannot be judged while a companion of `type` configures a bucket that is not known statically. */
export function unlinkedVerdict(buckets: S3Buckets, type: string): Verdict | undefined {
  const unknownLink = buckets.unlinked(type);
  return unknownLink ? cannotJudge(unknownLink.reason) : undefined;
}
