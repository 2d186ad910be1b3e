import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, outcomeOf, requireTrue, type Verdict, unlinkedVerdict } from './judge.js';
import { firstBlock, managed, truth } from '../../facts/terraform/query.js';
import { S3Buckets } from '../../facts/terraform/s3.js';
import { gcpAuditLogging } from './gcp.js';

function trailVerdict(trail: TfResource): Verdict {
  const logging = trail.attributes.enable_logging;
  const on = truth(logging?.value ?? true);
  if (on instanceof Unknown) return cannotJudge(`enable_logging is not known statically: ${on.reason}`, logging?.line);
  if (!on) return fail('enable_logging = false: the trail records nothing', logging?.line, 'logging-off');
  const multiRegion = requireTrue(trail, 'is_multi_region_trail', trail.line, 'activity in other regions goes unrecorded');
  if (multiRegion.outcome !== 'pass') return multiRegion;
  return requireTrue(trail, 'enable_log_file_validation', trail.line, 'tampering with log files goes undetected');
}

function bucketVerdict(bucket: TfResource, s3: S3Buckets, logTargets: ReadonlySet<string>): Verdict {
  // A bucket that receives access logs is not itself logged: its own logs would have to go somewhere else again.
  if (logTargets.has(bucket.blockAddress)) return PASS;
  const inline = firstBlock(bucket, 'logging');
  if (inline) return inline.attributes.target_bucket ? PASS : fail('logging block without target_bucket', inline.line, 'logging-target-missing');
  if (s3.of(bucket, 'aws_s3_bucket_logging').length > 0) return PASS;
  return unlinkedVerdict(s3, 'aws_s3_bucket_logging') ?? fail('no server access logging (aws_s3_bucket_logging) for this bucket', bucket.line, 'access-logs-missing');
}

function balancerVerdict(balancer: TfResource): Verdict {
  const logs = firstBlock(balancer, 'access_logs');
  if (!logs) return fail('no access_logs block', balancer.line, 'access-logs-missing');
  if (logs.unknown) return cannotJudge(logs.unknown, logs.line);
  return requireTrue(logs, 'enabled', logs.line, 'access logs are off unless enabled = true');
}

export default defineControl({
  meta: {
    id: 'tf-audit-logging-enabled',
    title: 'CloudTrail records every region with validated log files; S3 and load balancers keep access logs',
    domain: 'terraform',
    severity: 'high',
    rationale: 'Without an audit trail and access logs, an intrusion cannot be detected, scoped or proven, and tampered logs cannot be trusted.',
    remediation: 'Set is_multi_region_trail = true and enable_log_file_validation = true on aws_cloudtrail; add aws_s3_bucket_logging for each bucket (except the log buckets themselves); add access_logs { enabled = true, bucket = … } to each application load balancer.',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const judged: { resource: TfResource; verdict: Verdict }[] = [];
    for (const trail of managed(terraform, 'aws_cloudtrail')) judged.push({ resource: trail, verdict: trailVerdict(trail) });
    const s3 = new S3Buckets(terraform);
    const logTargets = s3.logTargets();
    for (const bucket of s3.buckets) judged.push({ resource: bucket, verdict: bucketVerdict(bucket, s3, logTargets) });
    for (const balancer of managed(terraform, 'aws_lb', 'aws_alb')) {
      const type = balancer.attributes.load_balancer_type?.value ?? 'application';
      if (type instanceof Unknown) judged.push({ resource: balancer, verdict: cannotJudge(`load_balancer_type is not known statically: ${type.reason}`) });
      else if (type === 'application') judged.push({ resource: balancer, verdict: balancerVerdict(balancer) });
    }
    judged.push(...gcpAuditLogging(terraform));
    return outcomeOf('tf-audit-logging-enabled', terraform, judged, 'no CloudTrail trails, S3 buckets or application load balancers in the Terraform configuration');
  },
});
