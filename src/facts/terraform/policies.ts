import { Ref, Unknown, isObject, type Value } from './terraform.js';
import { UNKNOWN_IN_JSON, isUnknownInJson } from './terraform-values.js';
import { isRecord } from '../../core/records.js';

export { isRecord };

/** One statement of an IAM or resource policy, as JSON data. */
export interface PolicyStatement {
  effect: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principal?: unknown;
  condition?: unknown;
}

/** The statements of a policy argument (JSON text from a literal, heredoc, jsonencode or a policy document). */
export function policyStatements(value: Value | undefined): PolicyStatement[] | Unknown {
  if (value === undefined || value === null) return [];
  if (value instanceof Unknown) return value;
  if (value instanceof Ref) return new Unknown(`the policy comes from ${value.text}, known only at apply time`);
  if (typeof value !== 'string') return new Unknown(isObject(value) ? 'the policy is an object, not JSON text' : 'the policy is not JSON text');
  let document: unknown;
  try {
    document = JSON.parse(value);
  } catch {
    return new Unknown('the policy is not valid JSON');
  }
  if (!isRecord(document)) return new Unknown('the policy is not a JSON object');
  const raw = document.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter(isRecord).map((statement) => {
    const result: PolicyStatement = { effect: typeof statement.Effect === 'string' ? statement.Effect : 'Allow' };
    const actions = stringList(statement.Action);
    if (actions) result.actions = actions;
    const notActions = stringList(statement.NotAction);
    if (notActions) result.notActions = notActions;
    const resources = stringList(statement.Resource);
    if (resources) result.resources = resources;
    const notResources = stringList(statement.NotResource);
    if (notResources) result.notResources = notResources;
    if (statement.Principal !== undefined) result.principal = statement.Principal;
    if (statement.Condition !== undefined) result.condition = statement.Condition;
    return result;
  });
}

/** Service principals (`ec2.amazonaws.com`, …) a trust policy lets assume the role, or why that is not known. */
export function servicePrincipals(statements: readonly PolicyStatement[]): string[] | Unknown {
  const services: string[] = [];
  let unknown: Unknown | undefined;
  for (const statement of statements) {
    if (isUnknownInJson(statement.effect)) unknown ??= unknownOf(statement.effect);
    if (statement.effect !== 'Allow') continue;
    if (typeof statement.principal === 'string' && isUnknownInJson(statement.principal)) unknown ??= unknownOf(statement.principal);
    if (!isRecord(statement.principal)) continue;
    for (const service of stringList(statement.principal.Service) ?? []) {
      if (isUnknownInJson(service)) unknown ??= unknownOf(service);
      else services.push(service);
    }
  }
  return services.length === 0 && unknown ? unknown : services;
}

/** Three-valued truth for policy reading: a part of the JSON may be unknown. */
export type Maybe = true | false | Unknown;

export function all(...values: Maybe[]): Maybe {
  if (values.includes(false)) return false;
  return values.find((value): value is Unknown => value instanceof Unknown) ?? true;
}

/** Whether a list of actions or resources contains `*` (true), may contain it (Unknown), or not. */
export function includesStar(values: readonly string[] | undefined): Maybe {
  if (!values) return false;
  if (values.some((value) => value === '*' || value === '*:*')) return true;
  const unknown = values.find(isUnknownInJson);
  return unknown === undefined ? false : unknownOf(unknown);
}

export function effectIs(statement: PolicyStatement, effect: 'Allow' | 'Deny'): Maybe {
  if (isUnknownInJson(statement.effect)) return unknownOf(statement.effect);
  return statement.effect === effect;
}

/** The first value inside a statement (or any JSON data) that is not known statically, if any. */
export function unknownInside(value: unknown, depth = 0): Unknown | undefined {
  if (typeof value === 'string') return isUnknownInJson(value) ? unknownOf(value) : undefined;
  if (depth > 50 || value === null || typeof value !== 'object') return undefined;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = unknownInside(item, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function unknownOf(marker: string): Unknown {
  return new Unknown(marker.slice(UNKNOWN_IN_JSON.length));
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return undefined;
}
