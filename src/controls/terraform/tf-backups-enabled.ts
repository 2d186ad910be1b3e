import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, atLeastDays, outcomeOf, requireTrue, type Verdict, unlinkedVerdict } from './judge.js';
import { firstBlock, managed, show } from '../../facts/terraform/query.js';
import { S3Buckets } from '../../facts/terraform/s3.js';
import { gcpBackups } from './gcp.js';
import { azureBackups } from './azure.js';

const RETENTION: Record<string, string> = {
  aws_db_instance: 'backup_retention_period',
  aws_rds_cluster: 'backup_retention_period',
  aws_docdb_cluster: 'backup_retention_period',
  aws_neptune_cluster: 'backup_retention_period',
  aws_redshift_cluster: 'automated_snapshot_retention_period',
};

function versioning(bucket: TfResource, s3: S3Buckets): Verdict {
  const inline = firstBlock(bucket, 'versioning');
  if (inline) return requireTrue(inline, 'enabled', inline.line, 'object versions are not kept');
  const companions = s3.of(bucket, 'aws_s3_bucket_versioning');
  if (companions.length === 0) return unlinkedVerdict(s3, 'aws_s3_bucket_versioning') ?? fail('no aws_s3_bucket_versioning with status "Enabled" for this bucket', bucket.line, 'versioning-missing');
  const configuration = companions.map((companion) => firstBlock(companion, 'versioning_configuration')).find((block) => block !== undefined);
  const status = configuration?.attributes.status;
  if (!status) return fail('aws_s3_bucket_versioning has no versioning_configuration status', configuration?.line ?? bucket.line, 'versioning-status-missing');
  if (status.value instanceof Unknown) return cannotJudge(`versioning status is not known statically: ${status.value.reason}`, status.line);
  return status.value === 'Enabled' ? PASS : fail(`versioning status = ${show(status.value)} (in ${companions[0]?.address ?? ''})`, bucket.line, 'versioning-off');
}

export default defineControl({
  meta: {
    id: 'tf-backups-enabled',
    title: 'Databases keep automated backups, DynamoDB has point-in-time recovery, S3 buckets are versioned',
    domain: 'terraform',
    severity: 'high',
    rationale: 'Without automated backups, point-in-time recovery or object versions, a bad deployment, a deletion or ransomware destroys data for good.',
    remediation: 'Set backup_retention_period (Redshift: automated_snapshot_retention_period) to at least the required days, point_in_time_recovery { enabled = true } on DynamoDB tables, and an aws_s3_bucket_versioning with status = "Enabled" for each bucket.',
    params: {
      minRetentionDays: { type: 'number', default: 7, minimum: 1, maximum: 35, description: 'Fewest days automated database backups must be kept' },
    },
    facts: ['terraform'],
  },
  async check({ facts, params }) {
    const terraform = await facts(terraformFacts);
    const s3 = new S3Buckets(terraform);
    const judged: { resource: TfResource; verdict: Verdict }[] = [];
    for (const resource of managed(terraform, ...Object.keys(RETENTION))) {
      const engine = resource.attributes.engine?.value;
      // Aurora member instances are backed up by their cluster; read replicas by their source.
      if (resource.type === 'aws_db_instance' && ((typeof engine === 'string' && engine.startsWith('aurora')) || resource.attributes.replicate_source_db)) continue;
      judged.push({ resource, verdict: atLeastDays(resource, RETENTION[resource.type] ?? '', params.minRetentionDays) });
    }
    for (const resource of managed(terraform, 'aws_dynamodb_table')) {
      const pitr = firstBlock(resource, 'point_in_time_recovery');
      judged.push({ resource, verdict: pitr ? requireTrue(pitr, 'enabled', pitr.line, 'no point-in-time recovery') : fail('no point_in_time_recovery { enabled = true }', resource.line, 'pitr-missing') });
    }
    for (const bucket of s3.buckets) judged.push({ resource: bucket, verdict: versioning(bucket, s3) });
    judged.push(...gcpBackups(terraform), ...azureBackups(terraform, params.minRetentionDays));
    return outcomeOf('tf-backups-enabled', terraform, judged, 'no databases, DynamoDB tables or S3 buckets in the Terraform configuration');
  },
});
