import { defineControl } from '../../engine/control.js';
import { terraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { encryptedSubjects, encryptionContext } from './encryption.js';
import { PASS, fail, outcomeOf, requireSet, requireTrue, type Verdict } from './judge.js';
import { managed } from '../../facts/terraform/query.js';

/** Databases whose automated backups and snapshots are encrypted exactly when their storage is. */
const DATABASES = new Set(['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_redshift_cluster']);

export default defineControl({
  meta: {
    id: 'tf-backups-encrypted',
    title: 'Backups, backup vaults and snapshot copies are encrypted',
    domain: 'terraform',
    severity: 'high',
    rationale: 'Backups hold the same data as production and are copied, shared and kept longer; an unencrypted backup undoes the encryption of the store it protects.',
    remediation: 'Give every aws_backup_vault a kms_key_arn, every aws_db_snapshot_copy a kms_key_id, encrypt EBS snapshot copies, and encrypt the storage of each database (its automated backups and snapshots inherit that encryption).',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const context = encryptionContext(terraform);
    const judged: { resource: TfResource; verdict: Verdict }[] = [];
    for (const resource of managed(terraform, 'aws_backup_vault')) {
      judged.push({ resource, verdict: requireSet(resource, 'kms_key_arn', resource.line, 'the vault falls back to the AWS-managed aws/backup key') });
    }
    for (const resource of managed(terraform, 'aws_db_snapshot_copy', 'aws_db_cluster_snapshot_copy')) {
      judged.push({ resource, verdict: requireSet(resource, 'kms_key_id', resource.line, 'the copy is encrypted only if its source snapshot was') });
    }
    for (const resource of managed(terraform, 'aws_ebs_snapshot_copy')) {
      judged.push({ resource, verdict: resource.attributes.kms_key_id ? PASS : requireTrue(resource, 'encrypted', resource.line, 'the copy is encrypted only if its source snapshot was') });
    }
    for (const { resource, spec } of encryptedSubjects(terraform)) {
      if (!DATABASES.has(resource.type)) continue;
      const atRest = spec.atRest(resource, context);
      const verdict = atRest.outcome === 'fail' ? fail(`automated backups and snapshots are unencrypted because the storage is: ${atRest.message}`, atRest.line, atRest.key) : atRest;
      judged.push({ resource, verdict });
    }
    return outcomeOf('tf-backups-encrypted', terraform, judged, 'no backup vaults, snapshot copies or databases in the Terraform configuration');
  },
});
