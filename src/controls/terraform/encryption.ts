import { Ref, Unknown, type TerraformFacts, type TfBlock, type TfBody, type TfResource, type Value } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, requireSet, requireTrue, type Verdict, unlinkedVerdict } from './judge.js';
import { blocksOf, firstBlock, managed, show, truth } from '../../facts/terraform/query.js';
import { S3Buckets } from '../../facts/terraform/s3.js';

export interface EncryptionContext {
  facts: TerraformFacts;
  s3: S3Buckets;
  /** `aws_ebs_encryption_by_default { enabled = true }` in the same configuration encrypts every new volume. */
  ebsByDefault: boolean;
}

/** A key argument of an encrypted resource; `value` undefined when the resource names no key. */
export interface KeyArgument {
  where: string;
  value: Value | undefined;
  line: number;
  /** Why no key means a provider-owned key (for the message). */
  fallback?: string;
}

interface EncryptionSpec {
  /** Whether the resource is a subject at all (Aurora member instances inherit from their cluster). */
  applies?(resource: TfResource): boolean;
  atRest(resource: TfResource, context: EncryptionContext): Verdict;
  keys(resource: TfResource, context: EncryptionContext): KeyArgument[] | Verdict;
}

const key = (body: TfBody, name: string, fallbackLine: number, fallback?: string): KeyArgument => ({
  where: name,
  value: body.attributes[name]?.value,
  line: body.attributes[name]?.line ?? fallbackLine,
  fallback,
});

function storageEncrypted(name: string, keyName: string): EncryptionSpec {
  return {
    atRest: (resource) => requireTrue(resource, name, resource.line, 'storage is unencrypted unless stated'),
    keys: (resource) => [key(resource, keyName, resource.line)],
  };
}

const isAurora = (resource: TfResource): boolean => {
  const engine = resource.attributes.engine?.value;
  return typeof engine === 'string' && engine.startsWith('aurora');
};

/** Whether every volume of an EC2 instance is encrypted, volume by volume. */
function instanceVolumes(resource: TfResource, context: EncryptionContext): Verdict {
  if (context.ebsByDefault) return PASS;
  const root = firstBlock(resource, 'root_block_device');
  if (!root) return fail('no root_block_device with encrypted = true (the root volume is unencrypted unless stated or EBS encryption by default is on)', resource.line, 'root-missing');
  for (const block of [root, ...blocksOf(resource, 'ebs_block_device')]) {
    if (block.unknown) return cannotJudge(block.unknown, block.line);
    const verdict = requireTrue(block, 'encrypted', block.line, `${block.type} is unencrypted unless stated`);
    if (verdict.outcome !== 'pass') return verdict;
  }
  return PASS;
}

function instanceKeys(resource: TfResource): KeyArgument[] {
  return [firstBlock(resource, 'root_block_device'), ...blocksOf(resource, 'ebs_block_device')].map((block) =>
    block ? { ...key(block, 'kms_key_id', block.line), where: `${block.type}.kms_key_id` } : { where: 'root_block_device.kms_key_id', value: undefined, line: resource.line },
  );
}

function templateVolumes(resource: TfResource): TfBlock[] {
  return blocksOf(resource, 'block_device_mappings').flatMap((mapping) => (mapping.unknown ? [{ ...mapping, type: 'ebs' }] : blocksOf(mapping, 'ebs')));
}

function s3Encryption(resource: TfResource, context: EncryptionContext): { rule?: TfBody; line: number } | Verdict {
  const inline = firstBlock(resource, 'server_side_encryption_configuration');
  const companion = context.s3.of(resource, 'aws_s3_bucket_server_side_encryption_configuration')[0];
  const container = inline ?? companion;
  if (!container) {
    return unlinkedVerdict(context.s3, 'aws_s3_bucket_server_side_encryption_configuration') ?? fail('no server-side encryption configuration (aws_s3_bucket_server_side_encryption_configuration) for this bucket', resource.line, 'sse-missing');
  }
  const rule = firstBlock(container, 'rule');
  const defaults = rule ? firstBlock(rule, 'apply_server_side_encryption_by_default') : undefined;
  // Findings name the bucket's file, so a companion's line counts only when it sits in that file.
  const inBucketFile = (line: number | undefined): number => (!inline && companion && companion.file !== resource.file ? resource.line : (line ?? resource.line));
  if (!defaults) return fail('the encryption configuration has no apply_server_side_encryption_by_default rule', inBucketFile(rule?.line ?? container.line), 'sse-rule-missing');
  return { rule: defaults, line: inBucketFile(defaults.line) };
}

const SPECS: Record<string, EncryptionSpec> = {
  aws_db_instance: {
    applies: (resource) => !isAurora(resource) && resource.attributes.replicate_source_db === undefined,
    ...storageEncrypted('storage_encrypted', 'kms_key_id'),
  },
  aws_rds_cluster: {
    atRest: (resource) => (resource.attributes.engine_mode?.value === 'serverless' ? PASS : requireTrue(resource, 'storage_encrypted', resource.line, 'storage is unencrypted unless stated')),
    keys: (resource) => [key(resource, 'kms_key_id', resource.line)],
  },
  aws_docdb_cluster: storageEncrypted('storage_encrypted', 'kms_key_id'),
  aws_neptune_cluster: storageEncrypted('storage_encrypted', 'kms_key_arn'),
  aws_efs_file_system: storageEncrypted('encrypted', 'kms_key_id'),
  aws_redshift_cluster: storageEncrypted('encrypted', 'kms_key_id'),
  aws_elasticache_replication_group: storageEncrypted('at_rest_encryption_enabled', 'kms_key_id'),
  aws_ebs_volume: {
    atRest: (resource, context) => (context.ebsByDefault ? PASS : requireTrue(resource, 'encrypted', resource.line, 'the volume is unencrypted unless stated')),
    keys: (resource) => [key(resource, 'kms_key_id', resource.line)],
  },
  aws_instance: { atRest: instanceVolumes, keys: instanceKeys },
  aws_launch_configuration: { atRest: instanceVolumes, keys: instanceKeys },
  aws_launch_template: {
    // A template that maps no EBS volumes declares none: the AMI's own mappings apply.
    applies: (resource) => templateVolumes(resource).length > 0,
    atRest: (resource, context) => {
      if (context.ebsByDefault) return PASS;
      for (const ebs of templateVolumes(resource)) {
        if (ebs.unknown) return cannotJudge(ebs.unknown, ebs.line);
        const verdict = requireTrue(ebs, 'encrypted', ebs.line, 'the volume is unencrypted unless stated');
        if (verdict.outcome !== 'pass') return verdict;
      }
      return PASS;
    },
    keys: (resource) => templateVolumes(resource).map((ebs) => ({ ...key(ebs, 'kms_key_id', ebs.line), where: 'block_device_mappings.ebs.kms_key_id' })),
  },
  aws_s3_bucket: {
    atRest: (resource, context) => {
      const found = s3Encryption(resource, context);
      if ('outcome' in found) return found;
      const algorithm = found.rule?.attributes.sse_algorithm;
      if (!algorithm) return fail('sse_algorithm is not set', found.line, 'sse-algorithm-missing');
      if (algorithm.value instanceof Unknown) return cannotJudge(`sse_algorithm is not known statically: ${algorithm.value.reason}`, algorithm.line);
      return PASS;
    },
    keys: (resource, context) => {
      const found = s3Encryption(resource, context);
      if ('outcome' in found) return found;
      const algorithm = found.rule?.attributes.sse_algorithm?.value;
      if (typeof algorithm === 'string' && !algorithm.startsWith('aws:kms')) return fail(`sse_algorithm = ${show(algorithm)} uses S3-managed keys, not a customer-managed KMS key`, found.line, 'sse-s3');
      return [{ ...key(found.rule ?? { attributes: {}, blocks: [] }, 'kms_master_key_id', found.line), fallback: 'aws:kms without kms_master_key_id uses the AWS-managed aws/s3 key' }];
    },
  },
  aws_dynamodb_table: {
    // DynamoDB always encrypts at rest (an AWS-owned key unless stated): there is nothing to turn on.
    atRest: () => PASS,
    keys: (resource) => {
      const sse = firstBlock(resource, 'server_side_encryption');
      if (!sse) return [{ where: 'server_side_encryption', value: undefined, line: resource.line, fallback: 'without server_side_encryption DynamoDB uses an AWS-owned key' }];
      const enabled = truth(sse.attributes.enabled?.value);
      if (enabled instanceof Unknown) return cannotJudge(`server_side_encryption.enabled is not known statically: ${enabled.reason}`, sse.line);
      if (!enabled) return [{ where: 'server_side_encryption.enabled', value: undefined, line: sse.attributes.enabled?.line ?? sse.line, fallback: 'server_side_encryption disabled means an AWS-owned key' }];
      return [{ ...key(sse, 'kms_key_arn', sse.line), fallback: 'enabled without kms_key_arn uses the AWS-managed aws/dynamodb key' }];
    },
  },
  aws_sns_topic: {
    atRest: (resource) => requireSet(resource, 'kms_master_key_id', resource.line, 'SNS topics are unencrypted unless a key is set'),
    keys: (resource) => [key(resource, 'kms_master_key_id', resource.line)],
  },
  aws_sqs_queue: {
    atRest: (resource) => {
      if (resource.attributes.kms_master_key_id) return requireSet(resource, 'kms_master_key_id', resource.line, 'queue is unencrypted');
      return requireTrue(resource, 'sqs_managed_sse_enabled', resource.line, 'set kms_master_key_id or sqs_managed_sse_enabled');
    },
    keys: (resource) => [key(resource, 'kms_master_key_id', resource.line, truth(resource.attributes.sqs_managed_sse_enabled?.value) === true ? 'sqs_managed_sse_enabled uses SQS-owned keys' : undefined)],
  },
  aws_kinesis_stream: {
    atRest: (resource) => {
      const type = resource.attributes.encryption_type;
      if (!type) return fail('encryption_type is not set (the stream is unencrypted unless it is "KMS")', resource.line, 'encryption-type-missing');
      if (type.value instanceof Unknown) return cannotJudge(`encryption_type is not known statically: ${type.value.reason}`, type.line);
      return type.value === 'KMS' ? PASS : fail(`encryption_type = ${show(type.value)}`, type.line, 'encryption-type-none');
    },
    keys: (resource) => [key(resource, 'kms_key_id', resource.line)],
  },
  aws_cloudwatch_log_group: {
    atRest: (resource) => requireSet(resource, 'kms_key_id', resource.line, 'log data is encrypted with a key you control only when kms_key_id is set'),
    keys: (resource) => [key(resource, 'kms_key_id', resource.line)],
  },
  aws_opensearch_domain: searchDomain(),
  aws_elasticsearch_domain: searchDomain(),
  aws_secretsmanager_secret: {
    // Secrets Manager always encrypts; without kms_key_id it uses the AWS-managed aws/secretsmanager key.
    atRest: () => PASS,
    keys: (resource) => [key(resource, 'kms_key_id', resource.line, 'without kms_key_id the AWS-managed aws/secretsmanager key is used')],
  },
  aws_msk_cluster: {
    // MSK always encrypts at rest; only the key is a choice.
    atRest: () => PASS,
    keys: (resource) => {
      const info = firstBlock(resource, 'encryption_info');
      return [info ? key(info, 'encryption_at_rest_kms_key_arn', info.line) : { where: 'encryption_info.encryption_at_rest_kms_key_arn', value: undefined, line: resource.line }];
    },
  },
};

function searchDomain(): EncryptionSpec {
  return {
    atRest: (resource) => {
      const block = firstBlock(resource, 'encrypt_at_rest');
      if (!block) return fail('no encrypt_at_rest block with enabled = true', resource.line, 'encrypt-at-rest-missing');
      return requireTrue(block, 'enabled', block.line, 'domain storage is unencrypted');
    },
    keys: (resource) => {
      const block = firstBlock(resource, 'encrypt_at_rest');
      return [block ? key(block, 'kms_key_id', block.line, 'without kms_key_id the AWS-managed aws/es key is used') : { where: 'encrypt_at_rest.kms_key_id', value: undefined, line: resource.line }];
    },
  };
}

/** GCP and Azure encrypt these at rest whatever the configuration says; only the key is a choice. */
function alwaysEncrypted(path: readonly string[]): EncryptionSpec {
  return {
    atRest: () => PASS,
    keys: (resource) => {
      const where = path.join('.');
      let body: TfBody = resource;
      let line = resource.line;
      for (const type of path.slice(0, -1)) {
        const block = firstBlock(body, type);
        if (!block) return [{ where, value: undefined, line: resource.line, fallback: 'the provider uses a Google- or Microsoft-managed key' }];
        body = block;
        line = block.line;
      }
      return [{ ...key(body, path[path.length - 1] ?? '', line, 'the provider uses a Google- or Microsoft-managed key'), where }];
    },
  };
}

SPECS.google_storage_bucket = alwaysEncrypted(['encryption', 'default_kms_key_name']);
SPECS.google_sql_database_instance = alwaysEncrypted(['encryption_key_name']);
SPECS.google_compute_disk = alwaysEncrypted(['disk_encryption_key', 'kms_key_self_link']);
SPECS.google_bigquery_dataset = alwaysEncrypted(['default_encryption_configuration', 'kms_key_name']);
SPECS.azurerm_managed_disk = alwaysEncrypted(['disk_encryption_set_id']);
SPECS.azurerm_storage_account = {
  atRest: () => PASS,
  keys: (resource, context) => {
    const inline = firstBlock(resource, 'customer_managed_key');
    if (inline) return [{ ...key(inline, 'key_vault_key_id', inline.line), where: 'customer_managed_key.key_vault_key_id' }];
    const companion = managed(context.facts, 'azurerm_storage_account_customer_managed_key').find((candidate) => {
      const target = candidate.attributes.storage_account_id?.value;
      return target instanceof Ref && target.address === resource.blockAddress;
    });
    if (companion) return [{ ...key(companion, 'key_vault_key_id', resource.line), line: resource.line, where: `${companion.address}.key_vault_key_id` }];
    return [{ where: 'customer_managed_key', value: undefined, line: resource.line, fallback: 'storage is encrypted with Microsoft-managed keys' }];
  },
};

export const ENCRYPTED_TYPES = Object.keys(SPECS);

export function encryptionContext(facts: TerraformFacts): EncryptionContext {
  const ebsByDefault = managed(facts, 'aws_ebs_encryption_by_default').some((resource) => truth(resource.attributes.enabled?.value ?? true) === true);
  return { facts, s3: new S3Buckets(facts), ebsByDefault };
}

/** The resources that hold data at rest, each with its encryption spec. */
export function encryptedSubjects(facts: TerraformFacts): { resource: TfResource; spec: EncryptionSpec }[] {
  return managed(facts, ...ENCRYPTED_TYPES).flatMap((resource) => {
    const spec = SPECS[resource.type];
    return spec && (spec.applies?.(resource) ?? true) ? [{ resource, spec }] : [];
  });
}
