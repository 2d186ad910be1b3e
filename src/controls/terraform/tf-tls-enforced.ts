import { defineControl } from '../../engine/control.js';
import { Ref, Unknown, terraformFacts, type TerraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { databaseVerdicts, parameterGroupVerdicts } from './db-tls.js';
import { PASS, cannotJudge, fail, outcomeOf, requireTrue, type Verdict, unlinkedVerdict } from './judge.js';
import { blocksOf, findResource, firstBlock, managed, show, truth } from '../../facts/terraform/query.js';
import { isRecord, policyStatements, unknownInside, type PolicyStatement } from '../../facts/terraform/policies.js';
import { S3Buckets } from '../../facts/terraform/s3.js';
import { gcpTls } from './gcp.js';
import { azureTls } from './azure.js';

// TLS13-1-0 and TLS13-1-1 policies add TLS 1.3 but still accept TLS 1.0/1.1: only 1-2 and 1-3 floors count.
const MODERN_POLICY = /^ELBSecurityPolicy-(TLS-1-2|FS-1-2|TLS13-1-[23])/;
const NO_TLS_PROTOCOLS = new Set(['TCP', 'UDP', 'TCP_UDP', 'GENEVE']);

/** The listener protocol, falling back to the load balancer's type when `protocol` is omitted. */
function listenerProtocol(listener: TfResource, facts: TerraformFacts): string | Unknown {
  const protocol = listener.attributes.protocol?.value;
  if (typeof protocol === 'string') return protocol.toUpperCase();
  if (protocol instanceof Unknown) return protocol;
  if (protocol instanceof Ref) return new Unknown(`protocol comes from ${protocol.text}`);
  const balancer = listener.attributes.load_balancer_arn?.value;
  const target = balancer instanceof Ref ? findResource(facts, balancer.address) : undefined;
  if (!target) return new Unknown('protocol is not set and the load balancer is not declared here');
  const type = target.attributes.load_balancer_type?.value ?? 'application';
  if (type === 'application') return 'HTTP';
  if (type instanceof Unknown) return type;
  return 'TCP';
}

function listenerVerdict(listener: TfResource, protocol: string): Verdict {
  const protocolLine = listener.attributes.protocol?.line ?? listener.line;
  if (protocol === 'HTTP') {
    const actions = blocksOf(listener, 'default_action');
    for (const action of actions) {
      if (action.unknown) return cannotJudge(action.unknown, action.line);
      const type = action.attributes.type?.value;
      if (type instanceof Unknown) return cannotJudge(`default_action type is not known statically: ${type.reason}`, action.line);
      const redirect = firstBlock(action, 'redirect');
      const target = redirect?.attributes.protocol?.value;
      if (type === 'redirect' && target instanceof Unknown) return cannotJudge(`redirect protocol is not known statically: ${target.reason}`, redirect?.line);
      if (type === 'redirect' && typeof target === 'string' && target.toUpperCase() === 'HTTPS') return PASS;
    }
    return fail('plain HTTP listener whose default action does not redirect to HTTPS', protocolLine, 'http-no-redirect');
  }
  const policy = listener.attributes.ssl_policy;
  if (!policy) return fail(`${protocol} listener without ssl_policy (the default ELBSecurityPolicy-2016-08 allows TLS 1.0)`, protocolLine, 'ssl-policy-missing');
  if (policy.value instanceof Unknown) return cannotJudge(`ssl_policy is not known statically: ${policy.value.reason}`, policy.line);
  if (typeof policy.value === 'string' && MODERN_POLICY.test(policy.value)) return PASS;
  return fail(`ssl_policy = ${show(policy.value)} allows TLS older than 1.2`, policy.line, 'ssl-policy-old');
}

function distributionVerdict(distribution: TfResource): Verdict {
  for (const behavior of [...blocksOf(distribution, 'default_cache_behavior'), ...blocksOf(distribution, 'ordered_cache_behavior')]) {
    if (behavior.unknown) return cannotJudge(behavior.unknown, behavior.line);
    const policy = behavior.attributes.viewer_protocol_policy;
    if (policy?.value instanceof Unknown) return cannotJudge(`viewer_protocol_policy is not known statically: ${policy.value.reason}`, policy.line);
    if (policy?.value !== 'https-only' && policy?.value !== 'redirect-to-https') {
      return fail(`${behavior.type} viewer_protocol_policy = ${show(policy?.value ?? null)} serves plain HTTP`, policy?.line ?? behavior.line, 'viewer-protocol');
    }
  }
  const certificate = firstBlock(distribution, 'viewer_certificate');
  if (!certificate) return fail('no viewer_certificate', distribution.line, 'certificate-missing');
  const usesDefault = truth(certificate.attributes.cloudfront_default_certificate?.value);
  if (usesDefault === true) return PASS;
  const minimum = certificate.attributes.minimum_protocol_version;
  if (!minimum) return fail('custom certificate without minimum_protocol_version (defaults to TLSv1)', certificate.line, 'minimum-tls-missing');
  if (minimum.value instanceof Unknown) return cannotJudge(`minimum_protocol_version is not known statically: ${minimum.value.reason}`, minimum.line);
  if (typeof minimum.value === 'string' && /^TLSv1\.[23]/.test(minimum.value)) return PASS;
  return fail(`minimum_protocol_version = ${show(minimum.value)} allows TLS older than 1.2`, minimum.line, 'minimum-tls-old');
}

/** A Deny of requests where aws:SecureTransport is false (or s3:TlsVersion below 1.2). */
function deniesInsecureTransport(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Deny' || !isRecord(statement.condition)) return false;
  for (const [operator, tests] of Object.entries(statement.condition)) {
    if (!isRecord(tests)) continue;
    for (const [key, value] of Object.entries(tests)) {
      const values = (Array.isArray(value) ? value : [value]).map((item) => String(item).toLowerCase());
      if (key.toLowerCase() === 'aws:securetransport' && operator.startsWith('Bool') && values.includes('false')) return true;
      if (key.toLowerCase() === 's3:tlsversion' && operator.startsWith('NumericLessThan')) return true;
    }
  }
  return false;
}

function bucketVerdict(bucket: TfResource, s3: S3Buckets): Verdict {
  // Findings name the bucket's file: a companion's line counts only when it sits in that file.
  const policies = [
    bucket.attributes.policy,
    ...s3.of(bucket, 'aws_s3_bucket_policy').map((companion) => companion.attributes.policy && (companion.file === bucket.file ? companion.attributes.policy : { ...companion.attributes.policy, line: bucket.line })),
  ].filter((policy) => policy !== undefined);
  if (policies.length === 0) return unlinkedVerdict(s3, 'aws_s3_bucket_policy') ?? fail('no bucket policy denying requests without TLS (aws:SecureTransport = false)', bucket.line, 'no-tls-policy');
  let unknown: Verdict | undefined;
  for (const policy of policies) {
    const statements = policyStatements(policy.value);
    if (statements instanceof Unknown) {
      unknown ??= cannotJudge(`bucket policy: ${statements.reason}`, policy.line);
      continue;
    }
    if (statements.some(deniesInsecureTransport)) return PASS;
    const partly = statements.map((statement) => unknownInside(statement)).find((reason) => reason !== undefined);
    if (partly) unknown ??= cannotJudge(`bucket policy: ${partly.reason}`, policy.line);
  }
  return unknown ?? fail('the bucket policy does not deny requests without TLS (aws:SecureTransport = false)', policies[0]?.line, 'no-tls-deny');
}

/** In-transit encryption of managed data services: ElastiCache, OpenSearch, MSK. */
function serviceVerdict(resource: TfResource): Verdict {
  if (resource.type === 'aws_elasticache_replication_group') return requireTrue(resource, 'transit_encryption_enabled', resource.line, 'clients connect in plain text');
  if (resource.type === 'aws_msk_cluster') {
    const transit = firstBlock(firstBlock(resource, 'encryption_info') ?? { attributes: {}, blocks: [] }, 'encryption_in_transit');
    const broker = transit?.attributes.client_broker;
    if (!transit || !broker) return fail('encryption_info.encryption_in_transit.client_broker is not set to "TLS"', transit?.line ?? resource.line, 'client-broker-missing');
    if (broker.value instanceof Unknown) return cannotJudge(`client_broker is not known statically: ${broker.value.reason}`, broker.line);
    if (broker.value !== 'TLS') return fail(`client_broker = ${show(broker.value)} accepts plain-text clients`, broker.line, 'client-broker-plaintext');
    return truth(transit.attributes.in_cluster?.value ?? true) === false ? fail('in_cluster = false: brokers talk in plain text', transit.attributes.in_cluster?.line, 'in-cluster-off') : PASS;
  }
  const options = firstBlock(resource, 'domain_endpoint_options');
  if (!options) return fail('no domain_endpoint_options with enforce_https = true and a TLS 1.2 policy', resource.line, 'endpoint-options-missing');
  const https = requireTrue(options, 'enforce_https', options.line, 'the endpoint answers plain HTTP');
  if (https.outcome !== 'pass') return https;
  const policy = options.attributes.tls_security_policy;
  if (!policy) return fail('tls_security_policy is not set (the default accepts TLS 1.0)', options.line, 'tls-policy-missing');
  if (policy.value instanceof Unknown) return cannotJudge(`tls_security_policy is not known statically: ${policy.value.reason}`, policy.line);
  return typeof policy.value === 'string' && /^Policy-Min-TLS-1-[23]/.test(policy.value) ? PASS : fail(`tls_security_policy = ${show(policy.value)} accepts TLS older than 1.2`, policy.line, 'tls-policy-old');
}

export default defineControl({
  meta: {
    id: 'tf-tls-enforced',
    title: 'Traffic to load balancers, CloudFront, S3, databases and data services is forced onto modern TLS',
    domain: 'terraform',
    severity: 'high',
    rationale: 'Plain HTTP and old TLS versions expose credentials and data in transit to anyone on the path; only a redirect, a deny rule or a forced-SSL parameter makes TLS mandatory.',
    remediation: 'Redirect HTTP listeners to HTTPS and use an ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+) policy; use https-only/redirect-to-https and TLSv1.2_2021 on CloudFront; add a bucket policy that denies aws:SecureTransport = false; set rds.force_ssl / require_secure_transport / require_ssl / tls in the database parameter group.',
    facts: ['terraform'],
  },
  async check({ facts }) {
    const terraform = await facts(terraformFacts);
    const judged: { resource: TfResource; verdict: Verdict }[] = [];
    for (const listener of managed(terraform, 'aws_lb_listener', 'aws_alb_listener')) {
      const protocol = listenerProtocol(listener, terraform);
      if (protocol instanceof Unknown) judged.push({ resource: listener, verdict: cannotJudge(`protocol: ${protocol.reason}`, listener.line) });
      else if (!NO_TLS_PROTOCOLS.has(protocol)) judged.push({ resource: listener, verdict: listenerVerdict(listener, protocol) });
    }
    for (const distribution of managed(terraform, 'aws_cloudfront_distribution')) judged.push({ resource: distribution, verdict: distributionVerdict(distribution) });
    const s3 = new S3Buckets(terraform);
    for (const bucket of s3.buckets) judged.push({ resource: bucket, verdict: bucketVerdict(bucket, s3) });
    for (const resource of managed(terraform, 'aws_elasticache_replication_group', 'aws_msk_cluster', 'aws_opensearch_domain', 'aws_elasticsearch_domain')) judged.push({ resource, verdict: serviceVerdict(resource) });
    judged.push(...parameterGroupVerdicts(terraform), ...databaseVerdicts(terraform), ...gcpTls(terraform), ...azureTls(terraform));
    return outcomeOf('tf-tls-enforced', terraform, judged, 'no load balancer listeners, CloudFront distributions, S3 buckets or databases in the Terraform configuration');
  },
});
