import { defineControl } from '../../engine/control.js';
import { Ref, Unknown, terraformFacts, type TerraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, outcomeOf, type Judged, type Verdict } from './judge.js';
import { findResource, firstBlock, managed, show, typeOfAddress } from '../../facts/terraform/query.js';

const ID = 'tf-keys-hsm-backed';
const KEY_TYPES = ['aws_kms_key', 'aws_kms_external_key', 'aws_kms_replica_key', 'aws_kms_replica_external_key', 'google_kms_crypto_key', 'azurerm_key_vault_key'];

/** Whether a custom key store is CloudHSM-backed (the default type) rather than an external key store. */
function cloudHsmStore(terraform: TerraformFacts, store: Ref): Verdict {
  if (typeOfAddress(store.address) !== 'aws_kms_custom_key_store') return cannotJudge(`the custom key store comes from ${store.text}, whose type tenet cannot tell`);
  const declared = findResource(terraform, store.address);
  const type = declared?.attributes.custom_key_store_type;
  if (!type || type.value === 'AWS_CLOUDHSM') return PASS;
  if (type.value instanceof Unknown) return cannotJudge(`custom_key_store_type of ${store.address} is not known statically: ${type.value.reason}`);
  return fail(`the key lives in ${store.address}, an external key store (${show(type.value)}), not a CloudHSM cluster`, undefined, 'external-store');
}

function awsKey(terraform: TerraformFacts, key: TfResource, dedicated: boolean): Verdict {
  if (key.type.includes('external')) return fail('key material is imported (aws_kms_external_key): it was generated outside an HSM', key.line, 'imported-material');
  const xks = key.attributes.xks_key_id;
  if (xks && xks.value !== null && xks.value !== '') return fail('the key lives in an external key store (xks_key_id): its material is outside AWS HSMs', xks.line, 'external-store');
  if (!dedicated) return PASS;
  if (key.type === 'aws_kms_replica_key') return fail('a replica key cannot live in a CloudHSM custom key store', key.line, 'replica-not-dedicated');
  const store = key.attributes.custom_key_store_id;
  if (!store || store.value === null || store.value === '') return fail('custom_key_store_id is not set: the key is in shared AWS KMS HSMs, not a dedicated CloudHSM cluster', key.line, 'no-custom-store');
  if (store.value instanceof Unknown) return cannotJudge(`custom_key_store_id is not known statically: ${store.value.reason}`, store.line);
  if (store.value instanceof Ref) {
    const verdict = cloudHsmStore(terraform, store.value);
    return verdict.outcome === 'pass' ? PASS : { ...verdict, line: store.line };
  }
  return cannotJudge('custom_key_store_id names a store outside this configuration: whether it is CloudHSM or external is not known', store.line);
}

function gcpKey(key: TfResource): Verdict {
  const template = firstBlock(key, 'version_template');
  const level = template?.attributes.protection_level;
  if (!level) return fail('no version_template protection_level: keys default to SOFTWARE protection', template?.line ?? key.line, 'software');
  if (level.value instanceof Unknown) return cannotJudge(`protection_level is not known statically: ${level.value.reason}`, level.line);
  return level.value === 'HSM' ? PASS : fail(`protection_level = ${show(level.value)}, not "HSM"`, level.line, 'not-hsm');
}

function azureKey(key: TfResource): Verdict {
  const type = key.attributes.key_type;
  if (!type) return fail('key_type is not set', key.line, 'key-type-missing');
  if (type.value instanceof Unknown) return cannotJudge(`key_type is not known statically: ${type.value.reason}`, type.line);
  return typeof type.value === 'string' && type.value.endsWith('-HSM') ? PASS : fail(`key_type = ${show(type.value)}: a software-protected key (use RSA-HSM or EC-HSM)`, type.line, 'software');
}

export default defineControl({
  meta: {
    id: ID,
    title: 'Keys are held in HSMs',
    domain: 'terraform',
    severity: 'high',
    rationale: 'Key material that never leaves a hardware security module cannot be copied by whoever compromises a host, a backup or the cloud console; imported or software-protected keys can.',
    remediation:
      'Use customer-managed aws_kms_key keys (with requireDedicatedHsm: in a CloudHSM custom key store through custom_key_store_id), google_kms_crypto_key with version_template { protection_level = "HSM" }, and Azure keys of type RSA-HSM or EC-HSM.',
    params: {
      requireDedicatedHsm: { type: 'boolean', default: false, description: 'Require AWS keys in a dedicated CloudHSM cluster (custom key store) rather than the shared HSMs behind AWS KMS.' },
    },
    facts: ['terraform'],
  },
  async check({ facts, params }) {
    const terraform = await facts(terraformFacts);
    const judged: Judged[] = managed(terraform, ...KEY_TYPES).map((key) => ({
      resource: key,
      verdict: key.type === 'google_kms_crypto_key' ? gcpKey(key) : key.type === 'azurerm_key_vault_key' ? azureKey(key) : awsKey(terraform, key, params.requireDedicatedHsm),
    }));
    return outcomeOf(ID, terraform, judged, 'no KMS, Cloud KMS or Key Vault keys in the Terraform configuration');
  },
});
