import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts, type TerraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { gcpRedundant } from './gcp.js';
import { azureRedundant } from './azure.js';
import { PASS, cannotJudge, fail, outcomeOf, requireTrue, type Verdict } from './judge.js';
import { managed, referencing } from '../../facts/terraform/query.js';

const CLUSTER_MEMBERS: Record<string, string> = {
  aws_rds_cluster: 'aws_rds_cluster_instance',
  aws_docdb_cluster: 'aws_docdb_cluster_instance',
  aws_neptune_cluster: 'aws_neptune_cluster_instance',
};

function clusterVerdict(cluster: TfResource, facts: TerraformFacts): Verdict {
  // Aurora Serverless v1 and Multi-AZ DB clusters (db_cluster_instance_class) spread over zones by design.
  if (cluster.attributes.engine_mode?.value === 'serverless' || cluster.attributes.db_cluster_instance_class) return PASS;
  const memberType = CLUSTER_MEMBERS[cluster.type] ?? '';
  const name = cluster.attributes.cluster_identifier?.value;
  const members = referencing(managed(facts, memberType), 'cluster_identifier', cluster, name === undefined ? [] : [name]);
  let total = 0;
  for (const member of members) {
    if (member.instances instanceof Unknown) return cannotJudge(`the number of ${member.address} instances is not known statically: ${member.instances.reason}`);
    total += member.instances;
  }
  if (total >= 2) return PASS;
  const loose = managed(facts, memberType).find((member) => member.attributes.cluster_identifier?.value instanceof Unknown);
  if (loose) return cannotJudge(`${loose.address} may belong to this cluster, but its cluster_identifier is not known statically`);
  return fail(`has ${total} ${memberType} instance(s); a failover target in another zone needs at least 2`, cluster.line, 'single-instance');
}

export default defineControl({
  meta: {
    id: 'tf-databases-redundant',
    title: 'Databases run Multi-AZ or with replicas that can take over',
    domain: 'terraform',
    severity: 'medium',
    rationale: 'A single-zone database goes down with its zone or host; a standby or second cluster instance turns that outage into a failover.',
    remediation: 'Set multi_az = true on RDS instances, run at least two instances in each Aurora/DocumentDB/Neptune cluster, and set automatic_failover_enabled = true on ElastiCache replication groups.',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const judged: { resource: TfResource; verdict: Verdict }[] = [];
    for (const instance of managed(terraform, 'aws_db_instance')) {
      const engine = instance.attributes.engine?.value;
      if ((typeof engine === 'string' && engine.startsWith('aurora')) || instance.attributes.replicate_source_db) continue;
      judged.push({ resource: instance, verdict: requireTrue(instance, 'multi_az', instance.line, 'a single-AZ instance has no standby') });
    }
    for (const cluster of managed(terraform, ...Object.keys(CLUSTER_MEMBERS))) judged.push({ resource: cluster, verdict: clusterVerdict(cluster, terraform) });
    for (const group of managed(terraform, 'aws_elasticache_replication_group')) {
      judged.push({ resource: group, verdict: requireTrue(group, 'automatic_failover_enabled', group.line, 'a failed primary is not replaced automatically') });
    }
    judged.push(...gcpRedundant(terraform), ...azureRedundant(terraform));
    return outcomeOf('tf-databases-redundant', terraform, judged, 'no databases in the Terraform configuration');
  },
});
