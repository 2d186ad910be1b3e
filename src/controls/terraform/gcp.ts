import { Ref, Unknown, type TerraformFacts, type TfResource, type Value } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, requireTrue, type Judged, type Verdict } from './judge.js';
import { blocksOf, firstBlock, managed, show } from '../../facts/terraform/query.js';

/** GCP equivalents of the AWS checks, one function per control. */

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);
const BASIC_ADMIN_ROLES = new Set(['roles/owner', 'roles/editor']);

function sqlSettings(instance: TfResource): { settings?: TfResource['blocks'][number]; ip?: TfResource['blocks'][number] } {
  const settings = firstBlock(instance, 'settings');
  return { settings, ip: settings ? firstBlock(settings, 'ip_configuration') : undefined };
}

function expected(value: Value | undefined, wanted: readonly string[], name: string, line: number, fallbackLine: number, why: string): Verdict {
  if (value === undefined) return fail(`${name} is not set (${why})`, fallbackLine, `${name}-missing`);
  if (value instanceof Unknown) return cannotJudge(`${name} is not known statically: ${value.reason}`, line);
  if (typeof value === 'string' && wanted.includes(value)) return PASS;
  return fail(`${name} = ${show(value)} (${why})`, line, `${name}-wrong`);
}

function linkedTo(resource: TfResource, bucket: TfResource): boolean {
  const target = resource.attributes.bucket?.value;
  if (target instanceof Ref) return target.address === bucket.blockAddress;
  return typeof target === 'string' && target === bucket.attributes.name?.value;
}

export function gcpNotPublic(facts: TerraformFacts): Judged[] {
  const judged: Judged[] = [];
  const bindings = managed(facts, 'google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding');
  for (const bucket of managed(facts, 'google_storage_bucket')) {
    const publicGrant = bindings.find((binding) => {
      if (!linkedTo(binding, bucket)) return false;
      const members = [binding.attributes.member?.value, ...(Array.isArray(binding.attributes.members?.value) ? binding.attributes.members.value : [])];
      return members.some((member) => typeof member === 'string' && PUBLIC_MEMBERS.has(member));
    });
    const prevention = bucket.attributes.public_access_prevention;
    judged.push({
      resource: bucket,
      verdict: publicGrant
        ? fail(`${publicGrant.address} grants access to everyone (allUsers/allAuthenticatedUsers)`, bucket.line, 'public-member')
        : expected(prevention?.value, ['enforced'], 'public_access_prevention', prevention?.line ?? bucket.line, bucket.line, 'public access is possible unless enforced'),
    });
  }
  for (const instance of managed(facts, 'google_sql_database_instance')) {
    const { ip } = sqlSettings(instance);
    let verdict: Verdict = PASS;
    for (const network of ip ? blocksOf(ip, 'authorized_networks') : []) {
      const value = network.attributes.value?.value;
      if (value instanceof Unknown) verdict = cannotJudge(`an authorized network is not known statically: ${value.reason}`, network.line);
      else if (value === '0.0.0.0/0') {
        verdict = fail('authorized_networks admits 0.0.0.0/0', network.attributes.value?.line ?? network.line, 'authorized-world');
        break;
      }
    }
    judged.push({ resource: instance, verdict });
  }
  return judged;
}

/** GCS access logs, the counterpart of S3 server access logging; buckets that receive logs are exempt. */
export function gcpAuditLogging(facts: TerraformFacts): Judged[] {
  const buckets = managed(facts, 'google_storage_bucket');
  const targets = new Set<string>();
  for (const bucket of buckets) {
    const target = firstBlock(bucket, 'logging')?.attributes.log_bucket?.value;
    if (target instanceof Ref) targets.add(target.address);
    else if (typeof target === 'string') for (const named of buckets.filter((candidate) => candidate.attributes.name?.value === target)) targets.add(named.blockAddress);
  }
  return buckets.map((bucket) => {
    if (targets.has(bucket.blockAddress)) return { resource: bucket, verdict: PASS };
    const logging = firstBlock(bucket, 'logging');
    return { resource: bucket, verdict: logging?.attributes.log_bucket ? PASS : fail('no logging { log_bucket = … } (access to objects is not recorded)', logging?.line ?? bucket.line, 'access-logs-missing') };
  });
}

export function gcpTls(facts: TerraformFacts): Judged[] {
  const judged: Judged[] = [];
  for (const instance of managed(facts, 'google_sql_database_instance')) {
    const { ip } = sqlSettings(instance);
    const mode = ip?.attributes.ssl_mode;
    let verdict: Verdict;
    if (mode) verdict = expected(mode.value, ['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'], 'ssl_mode', mode.line, instance.line, 'unencrypted connections are accepted');
    else if (ip?.attributes.require_ssl) verdict = requireTrue(ip, 'require_ssl', ip.line, 'unencrypted connections are accepted');
    else verdict = fail('settings.ip_configuration does not set ssl_mode = "ENCRYPTED_ONLY" (unencrypted connections are accepted)', ip?.line ?? instance.line, 'ssl-mode-missing');
    judged.push({ resource: instance, verdict });
  }
  for (const policy of managed(facts, 'google_compute_ssl_policy')) {
    const minimum = policy.attributes.min_tls_version;
    judged.push({ resource: policy, verdict: expected(minimum?.value, ['TLS_1_2', 'TLS_1_3'], 'min_tls_version', minimum?.line ?? policy.line, policy.line, 'the default allows TLS 1.0') });
  }
  return judged;
}

export function gcpBackups(facts: TerraformFacts): Judged[] {
  const judged: Judged[] = [];
  for (const instance of managed(facts, 'google_sql_database_instance')) {
    const { settings } = sqlSettings(instance);
    const backup = settings ? firstBlock(settings, 'backup_configuration') : undefined;
    judged.push({ resource: instance, verdict: backup ? requireTrue(backup, 'enabled', backup.line, 'no automated backups') : fail('no settings.backup_configuration { enabled = true }', settings?.line ?? instance.line, 'backup-missing') });
  }
  for (const bucket of managed(facts, 'google_storage_bucket')) {
    const versioning = firstBlock(bucket, 'versioning');
    judged.push({ resource: bucket, verdict: versioning ? requireTrue(versioning, 'enabled', versioning.line, 'object versions are not kept') : fail('no versioning { enabled = true }', bucket.line, 'versioning-missing') });
  }
  return judged;
}

export function gcpRedundant(facts: TerraformFacts): Judged[] {
  return managed(facts, 'google_sql_database_instance').map((instance) => {
    const { settings } = sqlSettings(instance);
    const availability = settings?.attributes.availability_type;
    return { resource: instance, verdict: expected(availability?.value, ['REGIONAL'], 'settings.availability_type', availability?.line ?? instance.line, settings?.line ?? instance.line, 'a zonal instance has no standby') };
  });
}

export function gcpDeletionProtection(facts: TerraformFacts): Judged[] {
  return managed(facts, 'google_sql_database_instance').map((instance) => ({ resource: instance, verdict: requireTrue(instance, 'deletion_protection', instance.line, 'state it rather than rely on the provider default') }));
}

export function gcpKeyRotation(facts: TerraformFacts): Judged[] {
  return managed(facts, 'google_kms_crypto_key')
    .filter((key) => {
      const purpose = key.attributes.purpose?.value;
      // Only symmetric encryption keys rotate automatically.
      return purpose === undefined || purpose === 'ENCRYPT_DECRYPT' || purpose instanceof Unknown;
    })
    .map((key) => {
      const period = key.attributes.rotation_period;
      if (!period) return { resource: key, verdict: fail('rotation_period is not set (the key never rotates)', key.line, 'rotation-missing') };
      if (period.value instanceof Unknown) return { resource: key, verdict: cannotJudge(`rotation_period is not known statically: ${period.value.reason}`, period.line) };
      return { resource: key, verdict: PASS };
    });
}

/** Basic owner/editor roles granted to service accounts: the GCP form of AdministratorAccess on a service role. */
export function gcpLeastPrivilege(facts: TerraformFacts): Judged[] {
  const types = ['project', 'folder', 'organization'].flatMap((scope) => [`google_${scope}_iam_member`, `google_${scope}_iam_binding`]);
  return managed(facts, ...types).map((grant) => {
    const role = grant.attributes.role;
    if (role?.value instanceof Unknown) return { resource: grant, verdict: cannotJudge(`role is not known statically: ${role.value.reason}`, role.line) };
    if (typeof role?.value !== 'string' || !BASIC_ADMIN_ROLES.has(role.value)) return { resource: grant, verdict: PASS };
    const members = [grant.attributes.member?.value, ...(Array.isArray(grant.attributes.members?.value) ? grant.attributes.members.value : [])];
    const unknown = members.find((member): member is Unknown => member instanceof Unknown);
    const services = members.filter((member): member is string => typeof member === 'string' && member.startsWith('serviceAccount:'));
    if (services.length > 0) return { resource: grant, verdict: fail(`${role.value} granted to ${services.join(', ')}`, role.line, `${role.value}-service-account`) };
    if (unknown) return { resource: grant, verdict: cannotJudge(`${role.value} granted to members not known statically: ${unknown.reason}`, role.line) };
    return { resource: grant, verdict: PASS };
  });
}
