import { Ref, Unknown, isObject, type Value } from '../../facts/terraform.js';

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

/** Service principals (`ec2.amazonaws.com`, …) a trust policy lets assume the role. */
export function servicePrincipals(statements: readonly PolicyStatement[]): string[] {
  const services: string[] = [];
  for (const statement of statements) {
    if (statement.effect !== 'Allow' || !isRecord(statement.principal)) continue;
    services.push(...(stringList(statement.principal.Service) ?? []));
  }
  return services;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return undefined;
}
