import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts } from '../../facts/terraform/terraform.js';
import { encryptedSubjects, encryptionContext } from './encryption.js';
import { PASS, cannotJudge, fail, outcomeOf, type Verdict } from './judge.js';
import { show } from '../../facts/terraform/query.js';
import { keyKind } from '../../facts/terraform/kms.js';

export default defineControl({
  meta: {
    id: 'tf-encryption-uses-managed-keys',
    title: 'Encryption at rest uses customer-managed KMS keys',
    domain: 'terraform',
    severity: 'medium',
    rationale: 'A customer-managed key lets you control, audit, rotate and revoke access to the data; AWS-owned and AWS-managed keys (alias/aws/*) do not.',
    remediation: 'Create an aws_kms_key (with rotation) and reference it from each data store (kms_key_id, kms_master_key_id, kms_key_arn, encryption_at_rest_kms_key_arn).',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const context = encryptionContext(terraform);
    const judged = encryptedSubjects(terraform).map(({ resource, spec }) => {
      const atRest = spec.atRest(resource, context);
      if (atRest.outcome === 'fail') return { resource, verdict: fail(`not encrypted at rest, so no customer-managed key: ${atRest.message}`, atRest.line, 'unencrypted') };
      if (atRest.outcome === 'unknown') return { resource, verdict: atRest };
      const keys = spec.keys(resource, context);
      if (!Array.isArray(keys)) return { resource, verdict: keys };
      let verdict: Verdict = PASS;
      for (const argument of keys) {
        const kind = keyKind(argument.value, terraform);
        if (kind === 'customer-managed') continue;
        if (kind instanceof Unknown) {
          if (verdict.outcome === 'pass') verdict = cannotJudge(`${argument.where}: ${kind.reason}`, argument.line);
          continue;
        }
        verdict =
          kind === 'aws-managed'
            ? fail(`${argument.where} = ${show(argument.value ?? null)} is an AWS-managed key`, argument.line, `${argument.where}-aws-managed`)
            : fail(`${argument.where} is not set: ${argument.fallback ?? 'the provider uses an AWS-managed or AWS-owned key'}`, argument.line, `${argument.where}-missing`);
        break;
      }
      return { resource, verdict };
    });
    return outcomeOf('tf-encryption-uses-managed-keys', terraform, judged, 'no encrypted data store resources in the Terraform configuration');
  },
});
