import { Unknown } from '../../facts/terraform/terraform.js';
import { UNKNOWN_IN_JSON, isUnknownInJson } from '../../facts/terraform/terraform-values.js';
import type { Maybe, PolicyStatement } from '../../facts/terraform/policies.js';

/** Resource parts (after the account in an ARN) that cover every secret, parameter or key of an account. */
const WHOLE_ACCOUNT = new Set(['*', 'secret:*', 'parameter*', 'parameter/*', 'key/*', 'alias/*']);

/** Whether one Resource entry covers everything: `*`, or an ARN whose resource part is a bare wildcard. */
export function isUnscoped(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  return WHOLE_ACCOUNT.has(parts.slice(5).join(':'));
}

/** Whether a statement applies to every resource (true), may (Unknown), or names specific ones (false). */
export function unscopedResource(statement: PolicyStatement): Maybe {
  // NotResource grants everything it does not list.
  if (statement.notResources) return true;
  const resources = statement.resources ?? [];
  const wide = resources.find((resource) => !isUnknownInJson(resource) && isUnscoped(resource));
  if (wide !== undefined) return true;
  const unknown = resources.find(isUnknownInJson);
  return unknown === undefined ? false : new Unknown(unknown.slice(UNKNOWN_IN_JSON.length));
}

/** KV version 2 puts secrets under `<mount>/data/` and their metadata under `<mount>/metadata/`. */
const KV2_SEGMENTS = new Set(['data', 'metadata']);

/** Whether a Vault policy path covers everything or a whole mount: `*`, `secret/*`, `secret/data/*`, `+/*`. */
export function vaultPathUnscoped(path: string): boolean {
  if (!path.endsWith('*')) return false;
  const segments = path.slice(0, -1).split('/').filter((segment) => segment !== '');
  if (segments.length === 2 && KV2_SEGMENTS.has(segments[1] ?? '')) segments.pop();
  return segments.length <= 1 || segments.every((segment) => segment === '+');
}
