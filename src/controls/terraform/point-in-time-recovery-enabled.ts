import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { at, kubernetesFacts, type KubeResource } from '../../facts/kubernetes/kubernetes.js';
import { Unknown, terraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { resourceFinding } from '../kubernetes/workload-finding.js';
import { PASS, cannotJudge, fail, judgedFindings, remoteModulesNote, requireTrue, type Judged, type Verdict } from './judge.js';
import { firstBlock, managed, numberOf, show } from '../../facts/terraform/query.js';

const ID = 'point-in-time-recovery-enabled';
/** Engines whose point-in-time restore works from automated backups kept at least one day. */
const RETENTION_TYPES = ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'];
const ATLAS_TYPES = ['mongodbatlas_cluster', 'mongodbatlas_advanced_cluster'];

function retention(resource: TfResource): Verdict {
  const setting = resource.attributes.backup_retention_period;
  if (!setting) return fail('backup_retention_period is not set (point-in-time restore needs automated backups kept at least 1 day)', resource.line, 'retention-missing');
  const days = numberOf(setting.value);
  if (days instanceof Unknown) return cannotJudge(`backup_retention_period is not known statically: ${days.reason}`, setting.line);
  if (days === undefined || days < 1) return fail(`backup_retention_period = ${show(setting.value)}: automated backups, and with them point-in-time restore, are off`, setting.line, 'retention-off');
  return PASS;
}

/** A read replica takes its data from its source; backups and point-in-time restore belong to the source. */
function isReplica(resource: TfResource): boolean {
  const source = resource.attributes.replicate_source_db ?? resource.attributes.replication_source_identifier;
  return source !== undefined && source.value !== null && source.value !== '';
}

function judge(resource: TfResource): Verdict {
  if (resource.type === 'aws_dynamodb_table') {
    const pitr = firstBlock(resource, 'point_in_time_recovery');
    return pitr ? requireTrue(pitr, 'enabled', pitr.line, 'no continuous backups') : fail('no point_in_time_recovery { enabled = true }', resource.line, 'pitr-missing');
  }
  if (ATLAS_TYPES.includes(resource.type)) return requireTrue(resource, 'pit_enabled', resource.line, 'continuous cloud backup with point-in-time restore is off unless stated');
  return retention(resource);
}

/** Percona's MongoDB operator: `spec.backup.pitr.enabled: true` with backups on. */
function perconaFinding(resource: KubeResource): FindingInput | undefined {
  const backup = at(resource.value, ['spec', 'backup', 'enabled']);
  const pitr = at(resource.value, ['spec', 'backup', 'pitr', 'enabled']);
  if (typeof backup === 'string' || typeof pitr === 'string') {
    return resourceFinding(ID, resource, { message: `${resource.address}: backup settings are templated and known only at deploy time`, path: ['spec', 'backup'], key: 'dynamic', outcome: 'unknown' });
  }
  if (backup === false) return resourceFinding(ID, resource, { message: `${resource.address}: spec.backup.enabled is false`, path: ['spec', 'backup', 'enabled'], key: 'backup-off' });
  if (pitr === true) return undefined;
  return resourceFinding(ID, resource, { message: `${resource.address}: spec.backup.pitr.enabled is not true (oplog is not archived for point-in-time restore)`, path: pitr === undefined ? ['spec', 'backup'] : ['spec', 'backup', 'pitr', 'enabled'], key: 'pitr-off' });
}

export default defineControl({
  meta: {
    id: ID,
    title: 'Databases keep point-in-time recovery',
    domain: 'terraform',
    severity: 'high',
    rationale: 'Snapshots taken once a day lose up to a day of writes; point-in-time recovery restores a database to the second before a bad migration, a deletion or a ransomware encryption.',
    remediation:
      'Set point_in_time_recovery { enabled = true } on DynamoDB tables, backup_retention_period >= 1 on RDS, Aurora, DocumentDB and Neptune, pit_enabled = true (with cloud backup) on MongoDB Atlas clusters, and spec.backup.pitr.enabled: true on Percona PerconaServerMongoDB resources.',
    facts: ['terraform', 'kubernetes'],
  },
  async check({ facts }) {
    const [terraform, kube] = await Promise.all([facts(terraformFacts), facts(kubernetesFacts)]);
    const judged: Judged[] = managed(terraform, 'aws_dynamodb_table', ...ATLAS_TYPES, ...RETENTION_TYPES)
      .filter((resource) => !isReplica(resource))
      .map((resource) => ({ resource, verdict: judge(resource) }));
    const percona = kube.resources.filter((resource) => resource.kind === 'PerconaServerMongoDB' && resource.apiVersion.startsWith('psmdb.percona.com/'));
    if (judged.length === 0 && percona.length === 0) return notApplicable('no DynamoDB tables, RDS/Aurora/DocumentDB/Neptune databases, MongoDB Atlas clusters or Percona MongoDB resources');
    const findings = [...judgedFindings(ID, terraform, judged), ...percona.map(perconaFinding).filter((finding): finding is FindingInput => finding !== undefined)];
    return evaluated(findings, `${judged.length} Terraform resource(s) and ${percona.length} Percona MongoDB resource(s) judged${remoteModulesNote(terraform)}`);
  },
});
