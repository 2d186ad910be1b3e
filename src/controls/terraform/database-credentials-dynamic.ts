import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts, type TfAttribute, type TfBody, type TfResource, type Value } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, outcomeOf, type Judged, type Verdict } from './judge.js';
import { managed, numberOf, truth } from '../../facts/terraform/query.js';

const ID = 'database-credentials-dynamic';

/** Per database type: the password arguments and the settings that replace a static password. */
const DATABASES: Record<string, { passwords: string[]; managed: string[] }> = {
  aws_db_instance: { passwords: ['password'], managed: ['manage_master_user_password', 'iam_database_authentication_enabled'] },
  aws_rds_cluster: { passwords: ['master_password'], managed: ['manage_master_user_password', 'iam_database_authentication_enabled'] },
  aws_docdb_cluster: { passwords: ['master_password'], managed: ['manage_master_user_password'] },
  aws_redshift_cluster: { passwords: ['master_password'], managed: ['manage_master_password'] },
};
const PASSWORD_NAMES = new Set(['password', 'master_password', 'plaintext_password']);

/** A password argument holding a string written in the repository (literal, tfvars or a variable default). */
function literalPassword(body: TfBody, names: Iterable<string>): TfAttribute | undefined {
  for (const name of names) {
    const attribute = body.attributes[name];
    if (typeof attribute?.value === 'string' && attribute.value !== '') return attribute;
  }
  return undefined;
}

// The password itself is never part of a message, key or evidence: only the argument's name and line.
const committed = (attribute: TfAttribute, name: string): Verdict => fail(`a literal ${name} is committed in the repository (value not shown)`, attribute.line, `literal-${name}`);

function database(resource: TfResource): Verdict {
  const spec = DATABASES[resource.type];
  if (!spec) return PASS;
  const literal = literalPassword(resource, spec.passwords);
  if (literal) return committed(literal, spec.passwords.find((name) => resource.attributes[name] === literal) ?? 'password');
  let unknown: Unknown | undefined;
  for (const name of spec.managed) {
    const value = truth(resource.attributes[name]?.value);
    if (value === true) return PASS;
    if (value instanceof Unknown) unknown ??= value;
  }
  if (unknown) return cannotJudge(`whether credentials are managed is not known statically: ${unknown.reason}`);
  return fail(`credentials are a static master password: set ${spec.managed.join(' or ')} = true`, undefined, 'static-password');
}

function seconds(value: Value | undefined): number | undefined | Unknown {
  if (typeof value === 'string') {
    const match = /^(\d{1,12})([smhd]?)$/.exec(value.trim());
    if (match) return Number(match[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? ''] ?? 1);
  }
  return numberOf(value);
}

function vaultRole(role: TfResource, maxTtl: number): Verdict {
  for (const name of ['default_ttl', 'max_ttl']) {
    const setting = role.attributes[name];
    if (!setting) return fail(`${name} is not set: credentials live as long as the mount's default (32 days unless changed)`, role.line, `${name}-missing`);
    const ttl = seconds(setting.value);
    if (ttl instanceof Unknown) return cannotJudge(`${name} is not known statically: ${ttl.reason}`, setting.line);
    if (ttl === undefined || ttl <= 0 || ttl > maxTtl) return fail(`${name} = ${ttl ?? 'unset'} seconds, above the allowed ${maxTtl} (0 means the mount's default)`, setting.line, `${name}-long`);
  }
  return PASS;
}

/** A Vault connection or Atlas user with a literal password; Atlas users pass with IAM, X.509 or LDAP authentication. */
function otherCredential(resource: TfResource): Verdict {
  for (const body of [resource, ...resource.blocks]) {
    const literal = literalPassword(body, PASSWORD_NAMES);
    if (literal) return committed(literal, 'password');
  }
  if (resource.type !== 'mongodbatlas_database_user') return PASS;
  for (const name of ['aws_iam_type', 'x509_type', 'ldap_auth_type', 'oidc_auth_type']) {
    const value = resource.attributes[name]?.value;
    if (value instanceof Unknown) return cannotJudge(`${name} is not known statically: ${value.reason}`);
    if (typeof value === 'string' && value !== 'NONE') return PASS;
  }
  return fail('the Atlas database user authenticates with a static password: use aws_iam_type, x509_type or LDAP/OIDC', undefined, 'static-password');
}

/** A replica's credentials are its source's. */
function isReplica(resource: TfResource): boolean {
  const source = resource.attributes.replicate_source_db ?? resource.attributes.replication_source_identifier;
  return source !== undefined && source.value !== null && source.value !== '';
}

export default defineControl({
  meta: {
    id: ID,
    title: 'Database credentials are issued dynamically or managed',
    domain: 'terraform',
    severity: 'high',
    rationale:
      'A database password written into the configuration lives in the repository, the state file and every clone for ever; credentials issued per service for a short time (Vault database roles, IAM authentication) or rotated by the platform (Secrets Manager) expire before a leak is useful.',
    remediation:
      'Set manage_master_user_password = true (or iam_database_authentication_enabled = true) on RDS and Aurora, manage the DocumentDB/Redshift master password, issue application credentials from vault_database_secret_backend_role with short default_ttl/max_ttl, and remove literal passwords.',
    params: {
      maxTtlSeconds: { type: 'number', default: 86400, minimum: 1, description: 'Longest default_ttl/max_ttl allowed on a Vault database role, in seconds.' },
    },
    facts: ['terraform'],
  },
  async check({ facts, params }) {
    const terraform = await facts(terraformFacts);
    const judged: Judged[] = [
      ...managed(terraform, ...Object.keys(DATABASES))
        .filter((resource) => !isReplica(resource))
        .map((resource) => ({ resource, verdict: database(resource) })),
      ...managed(terraform, 'vault_database_secret_backend_role').map((resource) => ({ resource, verdict: vaultRole(resource, params.maxTtlSeconds) })),
      ...managed(terraform, 'vault_database_secret_backend_connection', 'mongodbatlas_database_user').map((resource) => ({ resource, verdict: otherCredential(resource) })),
    ];
    return outcomeOf(ID, terraform, judged, 'no databases, Vault database roles or Atlas database users in the Terraform configuration');
  },
});
