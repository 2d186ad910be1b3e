import { Ref, Unknown, type TerraformFacts, type Value } from './terraform.js';
import { findResource, typeOfAddress } from './query.js';

export type KeyKind = 'customer-managed' | 'aws-managed' | 'none' | Unknown;

const AWS_MANAGED = /(^|:)alias\/aws\//;
const CUSTOMER_KEY_TYPES = new Set(['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key', 'google_kms_crypto_key', 'azurerm_key_vault_key', 'azurerm_disk_encryption_set']);

/** What kind of key a key argument (`kms_key_id`, `kms_master_key_id`, …) names. */
export function keyKind(value: Value | undefined, facts: TerraformFacts): KeyKind {
  if (value === undefined || value === null || value === '') return 'none';
  if (typeof value === 'string') return AWS_MANAGED.test(value) ? 'aws-managed' : 'customer-managed';
  if (value instanceof Unknown) return value;
  if (!(value instanceof Ref)) return new Unknown('a key argument that is not a string');
  const type = typeOfAddress(value.address);
  if (CUSTOMER_KEY_TYPES.has(type)) return 'customer-managed';
  if (type === 'aws_kms_alias' || type === 'data.aws_kms_alias' || type === 'data.aws_kms_key') {
    const target = findResource(facts, value.address);
    if (!target) return new Unknown(`${value.address} is not declared`);
    if (type === 'aws_kms_alias') return 'customer-managed';
    const name = target.attributes[type === 'data.aws_kms_alias' ? 'name' : 'key_id']?.value;
    if (typeof name === 'string') return AWS_MANAGED.test(name) ? 'aws-managed' : 'customer-managed';
    return keyKind(name, facts);
  }
  return new Unknown(`the key comes from ${value.text}, which tenet cannot classify`);
}
