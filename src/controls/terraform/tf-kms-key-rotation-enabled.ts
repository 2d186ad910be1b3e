import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, outcomeOf, requireTrue, type Verdict } from './judge.js';
import { managed } from '../../facts/terraform/query.js';
import type { TfResource } from '../../facts/terraform/terraform.js';
import { gcpKeyRotation } from './gcp.js';
import { azureKeyRotation } from './azure.js';

function rotation(resource: TfResource): Verdict {
  const spec = resource.attributes.customer_master_key_spec;
  if (spec?.value instanceof Unknown) return cannotJudge(`customer_master_key_spec is not known statically: ${spec.value.reason}`, spec.line);
  // Automatic rotation exists only for symmetric encryption keys; asymmetric and HMAC keys cannot rotate.
  if (typeof spec?.value === 'string' && spec.value !== 'SYMMETRIC_DEFAULT') return PASS;
  return requireTrue(resource, 'enable_key_rotation', resource.line, 'key rotation is off unless stated');
}

export default defineControl({
  meta: {
    id: 'tf-kms-key-rotation-enabled',
    title: 'KMS keys rotate automatically',
    domain: 'terraform',
    severity: 'medium',
    rationale: 'Rotating key material limits how much data one compromised key version exposes and is required by most encryption policies.',
    remediation: 'Set enable_key_rotation = true on every symmetric aws_kms_key (optionally rotation_period_in_days).',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const keys = managed(terraform, 'aws_kms_key');
    const symmetric = keys.filter((resource) => {
      const spec = resource.attributes.customer_master_key_spec?.value;
      return typeof spec !== 'string' || spec === 'SYMMETRIC_DEFAULT';
    });
    const judged = [...symmetric.map((resource) => ({ resource, verdict: rotation(resource) })), ...gcpKeyRotation(terraform), ...azureKeyRotation(terraform)];
    return outcomeOf('tf-kms-key-rotation-enabled', terraform, judged, keys.length ? 'only asymmetric or HMAC KMS keys, which cannot rotate automatically' : 'no KMS keys in the Terraform configuration');
  },
});
