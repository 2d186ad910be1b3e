import { defineControl } from '../../engine/control.js';
import { terraformFacts } from '../../facts/terraform/terraform.js';
import { encryptedSubjects, encryptionContext } from './encryption.js';
import { outcomeOf } from './judge.js';

export default defineControl({
  meta: {
    id: 'tf-data-encrypted-at-rest',
    title: 'Data stores declared in Terraform encrypt data at rest',
    domain: 'terraform',
    severity: 'high',
    rationale: 'Unencrypted volumes, databases, buckets, queues and snapshots expose their data to anyone who obtains the storage, a snapshot or a backup.',
    remediation: 'Turn on encryption at rest for each data store: storage_encrypted/encrypted = true (RDS, Aurora, DocumentDB, Neptune, EBS, EFS, Redshift), a server-side encryption configuration for S3, a KMS key for SNS, SQS (or sqs_managed_sse_enabled), Kinesis, CloudWatch log groups, encrypt_at_rest for OpenSearch, at_rest_encryption_enabled for ElastiCache.',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const context = encryptionContext(terraform);
    const judged = encryptedSubjects(terraform).map(({ resource, spec }) => ({ resource, verdict: spec.atRest(resource, context) }));
    return outcomeOf('tf-data-encrypted-at-rest', terraform, judged, 'no data store resources in the Terraform configuration');
  },
});
