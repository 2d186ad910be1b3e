import { evaluated, notApplicable, type ControlOutcome, type FindingInput } from '../../engine/control.js';
import { inlineWaiver } from '../../facts/inline-waivers.js';
import { Ref, Unknown, isObject, type TerraformFacts, type TfAttribute, type TfBlock, type TfBody, type TfResource, type Value } from '../../facts/terraform.js';

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

export function managed(facts: TerraformFacts, ...types: string[]): TfResource[] {
  const wanted = new Set(types);
  return facts.resources.filter((resource) => resource.mode === 'managed' && wanted.has(resource.type));
}

/** Nested blocks of a type, including the attributes-as-blocks form (`ingress = [{ … }]`). */
export function blocksOf(body: TfBody, type: string): TfBlock[] {
  const blocks = body.blocks.filter((block) => block.type === type);
  const attribute = body.attributes[type];
  if (attribute && Array.isArray(attribute.value)) {
    for (const item of attribute.value) {
      if (!isObject(item)) continue;
      const attributes: Record<string, TfAttribute> = Object.create(null) as Record<string, TfAttribute>;
      for (const [key, value] of Object.entries(item)) attributes[key] = { value, line: attribute.line };
      blocks.push({ type, line: attribute.line, attributes, blocks: [] });
    }
  } else if (attribute?.value instanceof Unknown) {
    blocks.push({ type, line: attribute.line, attributes: {}, blocks: [], unknown: attribute.value.reason });
  }
  return blocks;
}

export function firstBlock(body: TfBody, type: string): TfBlock | undefined {
  return blocksOf(body, type)[0];
}

/** Short display of a value for messages. */
export function show(value: Value): string {
  if (value instanceof Unknown) return `(unknown: ${value.reason})`;
  if (value instanceof Ref) return value.text;
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export type Truth = true | false | Unknown;

/** A boolean setting: true/false (also as strings), or Unknown when not known statically. */
export function truth(value: Value | undefined): Truth {
  if (value === true || value === 'true') return true;
  if (value === undefined || value === null || value === false || value === 'false') return false;
  if (value instanceof Unknown) return value;
  if (value instanceof Ref) return new Unknown(`${value.text} is known only at apply time`);
  return false;
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

/** The number a setting holds, or Unknown. */
export function numberOf(value: Value | undefined): number | undefined | Unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value);
  if (value instanceof Unknown) return value;
  if (value instanceof Ref) return new Unknown(`${value.text} is known only at apply time`);
  return new Unknown(`not a number: ${show(value)}`);
}

/** `aws_kms_key.main` from `module.a.aws_kms_key.main`; `data.aws_kms_alias.x` keeps its `data.`. */
export function typeOfAddress(address: string): string {
  const local = address.replace(/^(module\.[^.]+\.)+/, '');
  const parts = local.split('.');
  return parts[0] === 'data' ? `data.${parts[1] ?? ''}` : (parts[0] ?? '');
}

const addressIndex = new WeakMap<TerraformFacts, Map<string, TfResource>>();

export function findResource(facts: TerraformFacts, address: string): TfResource | undefined {
  let index = addressIndex.get(facts);
  if (!index) {
    index = new Map();
    for (const resource of facts.resources) {
      if (!index.has(resource.blockAddress)) index.set(resource.blockAddress, resource);
      index.set(resource.address, resource);
    }
    addressIndex.set(facts, index);
  }
  return index.get(address);
}

/** Resources whose `attribute` refers to `target` (by address) or names it literally. */
export function referencing(resources: readonly TfResource[], attribute: string, target: TfResource, literalNames: readonly Value[] = []): TfResource[] {
  return resources.filter((resource) => {
    const value = resource.attributes[attribute]?.value;
    if (value instanceof Ref) return value.address === target.blockAddress;
    return typeof value === 'string' && literalNames.includes(value);
  });
}
