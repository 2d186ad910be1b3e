import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, outcomeOf, type Verdict, unlinkedVerdict } from './judge.js';
import { managed, show, truth } from '../../facts/terraform/query.js';
import { S3Buckets } from '../../facts/terraform/s3.js';
import { gcpNotPublic } from './gcp.js';
import { azureNotPublic } from './azure.js';

const BLOCK_SETTINGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);

/** A public access block with all four settings on, or the first one that is not. */
function blockVerdict(block: TfResource): Verdict {
  for (const setting of BLOCK_SETTINGS) {
    const attribute = block.attributes[setting];
    const value = truth(attribute?.value);
    if (value instanceof Unknown) return cannotJudge(`${block.address} ${setting} is not known statically: ${value.reason}`, attribute?.line);
    if (!value) return fail(`${block.address} does not set ${setting} = true`, attribute?.line ?? block.line, `${setting}-off`);
  }
  return PASS;
}

function bucketVerdict(bucket: TfResource, s3: S3Buckets, accountBlock: Verdict | undefined): Verdict {
  const acls = [bucket.attributes.acl, ...s3.of(bucket, 'aws_s3_bucket_acl').map((acl) => acl.attributes.acl)];
  for (const acl of acls) {
    if (acl && typeof acl.value === 'string' && PUBLIC_ACLS.has(acl.value)) return fail(`canned ACL ${show(acl.value)} makes the bucket public`, acl.line, 'public-acl');
  }
  if (accountBlock?.outcome === 'pass') return PASS;
  const [block] = s3.of(bucket, 'aws_s3_bucket_public_access_block');
  if (!block) return unlinkedVerdict(s3, 'aws_s3_bucket_public_access_block') ?? fail('no aws_s3_bucket_public_access_block blocking public ACLs and policies for this bucket', bucket.line, 'no-public-access-block');
  const verdict = blockVerdict(block);
  // The finding is about the bucket, but the line is the companion's offending setting, in its own file.
  return verdict.outcome !== 'pass' && block.file !== bucket.file ? { ...verdict, line: bucket.line } : verdict;
}

export default defineControl({
  meta: {
    id: 'tf-data-stores-not-public',
    title: 'Databases are not publicly accessible and S3 buckets block public access',
    domain: 'terraform',
    severity: 'critical',
    rationale: 'A database reachable from the internet or a bucket open to public ACLs and policies is the most common way cloud data leaks.',
    remediation: 'Set publicly_accessible = false on database instances and clusters; give every bucket an aws_s3_bucket_public_access_block with all four settings true (or block at account level with aws_s3_account_public_access_block); never use public canned ACLs.',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const judged: { resource: TfResource; verdict: Verdict }[] = [];
    for (const resource of managed(terraform, 'aws_db_instance', 'aws_rds_cluster_instance', 'aws_redshift_cluster', 'aws_dms_replication_instance')) {
      const attribute = resource.attributes.publicly_accessible;
      const value = truth(attribute?.value);
      let verdict: Verdict = PASS;
      if (value instanceof Unknown) verdict = cannotJudge(`publicly_accessible is not known statically: ${value.reason}`, attribute?.line);
      else if (value) verdict = fail('publicly_accessible = true', attribute?.line, 'publicly-accessible');
      // Redshift and DMS defaulted to public in older provider versions: only an explicit false is safe.
      else if (!attribute && (resource.type === 'aws_redshift_cluster' || resource.type === 'aws_dms_replication_instance')) verdict = fail('publicly_accessible is not set to false (older providers default to public)', resource.line, 'publicly-accessible-unset');
      judged.push({ resource, verdict });
    }
    const s3 = new S3Buckets(terraform);
    const [account] = managed(terraform, 'aws_s3_account_public_access_block');
    const accountBlock = account ? blockVerdict(account) : undefined;
    for (const bucket of s3.buckets) judged.push({ resource: bucket, verdict: bucketVerdict(bucket, s3, accountBlock) });
    judged.push(...gcpNotPublic(terraform), ...azureNotPublic(terraform));
    return outcomeOf('tf-data-stores-not-public', terraform, judged, 'no databases or S3 buckets in the Terraform configuration');
  },
});
