import { defineControl } from '../../engine/control.js';
import { terraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { gcpDeletionProtection } from './gcp.js';
import { outcomeOf, requireTrue, type Verdict } from './judge.js';
import { managed } from '../../facts/terraform/query.js';

/** Resources with a deletion-protection switch, and its argument. */
const SWITCHES: Record<string, string> = {
  aws_db_instance: 'deletion_protection',
  aws_rds_cluster: 'deletion_protection',
  aws_docdb_cluster: 'deletion_protection',
  aws_neptune_cluster: 'deletion_protection',
  aws_dynamodb_table: 'deletion_protection_enabled',
  aws_lb: 'enable_deletion_protection',
  aws_alb: 'enable_deletion_protection',
};

export default defineControl({
  meta: {
    id: 'tf-deletion-protection-enabled',
    title: 'Databases, tables and load balancers have deletion protection',
    domain: 'terraform',
    severity: 'medium',
    rationale: 'One mistaken `terraform destroy`, a renamed resource or a console click deletes a production database; deletion protection makes that a deliberate two-step act.',
    remediation: 'Set deletion_protection = true (RDS, Aurora, DocumentDB, Neptune), deletion_protection_enabled = true (DynamoDB) and enable_deletion_protection = true (load balancers).',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const judged: { resource: TfResource; verdict: Verdict }[] = [];
    for (const resource of managed(terraform, ...Object.keys(SWITCHES))) {
      const engine = resource.attributes.engine?.value;
      // Aurora member instances are protected through their cluster.
      if (resource.type === 'aws_db_instance' && typeof engine === 'string' && engine.startsWith('aurora')) continue;
      const argument = SWITCHES[resource.type] ?? '';
      judged.push({ resource, verdict: requireTrue(resource, argument, resource.line, 'it can be deleted by a single apply') });
    }
    judged.push(...gcpDeletionProtection(terraform));
    return outcomeOf('tf-deletion-protection-enabled', terraform, judged, 'no databases, tables or load balancers in the Terraform configuration');
  },
});
