import { testControl } from '../../testing/control-table.js';
import control from './tf-tls-enforced.js';

const TLS_POLICY = `resource "aws_s3_bucket_policy" "tls" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["\${aws_s3_bucket.b.arn}", "\${aws_s3_bucket.b.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`;

testControl(control, {
  pass: [
    {
      name: 'ElastiCache, MSK and OpenSearch encrypting in transit',
      files: {
        'main.tf': 'resource "aws_elasticache_replication_group" "r" {\n  transit_encryption_enabled = true\n}\nresource "aws_msk_cluster" "k" {\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS"\n      in_cluster = true\n    }\n  }\n}\nresource "aws_opensearch_domain" "s" {\n  domain_endpoint_options {\n    enforce_https = true\n    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n  }\n}\n',
      },
    },
    {
      name: 'Cloud SQL encrypted-only, Azure storage TLS 1.2, SQL server TLS 1.2, HTTPS-only web app',
      files: {
        'main.tf': 'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      ssl_mode = "ENCRYPTED_ONLY"\n    }\n  }\n}\nresource "azurerm_storage_account" "sa" {\n  min_tls_version = "TLS1_2"\n}\nresource "azurerm_mssql_server" "s" {\n  minimum_tls_version = "1.2"\n}\nresource "azurerm_linux_web_app" "app" {\n  https_only = true\n}\n',
      },
    },
    {
      name: 'HTTP redirects to HTTPS, HTTPS uses a TLS 1.3 policy, TCP is not judged',
      files: {
        'lb.tf': `resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      protocol = "HTTPS"\n      port = "443"\n      status_code = "HTTP_301"\n    }\n  }\n}\nresource "aws_lb_listener" "https" {\n  protocol = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\nresource "aws_lb_listener" "tcp" {\n  protocol = "TCP"\n}\n`,
      },
    },
    {
      name: 'bucket policy from a policy document denying insecure transport; postgres parameter group forces SSL',
      files: {
        'main.tf': `resource "aws_s3_bucket" "b" {}\ndata "aws_iam_policy_document" "tls" {\n  statement {\n    effect = "Deny"\n    actions = ["s3:*"]\n    resources = ["*"]\n    principals {\n      type = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test = "Bool"\n      variable = "aws:SecureTransport"\n      values = ["false"]\n    }\n  }\n}\nresource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = data.aws_iam_policy_document.tls.json\n}\nresource "aws_db_parameter_group" "pg" {\n  name = "pg"\n  family = "postgres16"\n  parameter {\n    name = "rds.force_ssl"\n    value = "1"\n  }\n}\nresource "aws_db_instance" "db" {\n  engine = "postgres"\n  parameter_group_name = aws_db_parameter_group.pg.name\n}\n`,
      },
    },
    {
      name: 'CloudFront redirecting to HTTPS with TLS 1.2 minimum; bucket with jsonencode policy',
      files: {
        'cdn.tf': `resource "aws_cloudfront_distribution" "cdn" {\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n  viewer_certificate {\n    acm_certificate_arn = "arn:aws:acm:us-east-1:1:certificate/x"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\nresource "aws_s3_bucket" "b" {}\n${TLS_POLICY}`,
      },
    },
  ],
  fail: [
    {
      name: 'ElastiCache without transit encryption, MSK accepting plain text, OpenSearch on the default TLS policy',
      files: {
        'main.tf': 'resource "aws_elasticache_replication_group" "r" {\n  transit_encryption_enabled = false\n}\nresource "aws_msk_cluster" "k" {\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS_PLAINTEXT"\n    }\n  }\n}\nresource "aws_opensearch_domain" "s" {\n  domain_endpoint_options {\n    enforce_https = true\n  }\n}\n',
      },
      findings: [
        { resource: 'aws_elasticache_replication_group.r', line: 2 },
        { resource: 'aws_msk_cluster.k', line: 7 },
        { resource: 'aws_opensearch_domain.s', line: 12, message: 'tls_security_policy is not set' },
      ],
    },
    {
      name: 'Cloud SQL accepting plain connections; Azure storage on TLS 1.0',
      files: { 'main.tf': 'resource "google_sql_database_instance" "db" {\n  settings {\n    tier = "db-f1-micro"\n  }\n}\nresource "azurerm_storage_account" "sa" {\n  min_tls_version = "TLS1_0"\n}\n' },
      findings: [
        { resource: 'google_sql_database_instance.db', line: 1, message: 'ssl_mode' },
        { resource: 'azurerm_storage_account.sa', line: 7 },
      ],
    },
    {
      name: 'HTTP listener forwarding, HTTPS listener on the default policy',
      files: {
        'lb.tf': `resource "aws_lb" "alb" {\n  load_balancer_type = "application"\n}\nresource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.alb.arn\n  port = 80\n  default_action {\n    type = "forward"\n  }\n}\nresource "aws_lb_listener" "https" {\n  load_balancer_arn = aws_lb.alb.arn\n  protocol = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-2016-08"\n}\nresource "aws_lb_listener" "tls13_floor_1_0" {\n  protocol = "TLS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-0-2021-06"\n}\n`,
      },
      findings: [
        { resource: 'aws_lb_listener.http', line: 4, message: 'does not redirect' },
        { resource: 'aws_lb_listener.https', line: 14, message: 'older than 1.2' },
        { resource: 'aws_lb_listener.tls13_floor_1_0', line: 18 },
      ],
    },
    {
      name: 'CloudFront allowing HTTP, bucket without a TLS policy, MySQL on the default parameter group',
      files: {
        'main.tf': `resource "aws_cloudfront_distribution" "cdn" {\n  default_cache_behavior {\n    viewer_protocol_policy = "allow-all"\n  }\n  viewer_certificate {\n    cloudfront_default_certificate = true\n  }\n}\nresource "aws_s3_bucket" "b" {}\nresource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n`,
      },
      findings: [
        { resource: 'aws_cloudfront_distribution.cdn', line: 3 },
        { resource: 'aws_s3_bucket.b', line: 9 },
        { resource: 'aws_db_instance.db', line: 10, message: 'default parameter group' },
      ],
    },
    {
      name: 'parameter group that does not require secure transport',
      files: { 'main.tf': 'resource "aws_rds_cluster_parameter_group" "p" {\n  family = "aurora-mysql8.0"\n  parameter {\n    name = "require_secure_transport"\n    value = "OFF"\n  }\n}\n' },
      findings: [{ resource: 'aws_rds_cluster_parameter_group.p', line: 5 }],
    },
  ],
  notApplicable: [
    { name: 'no listeners, distributions, buckets or databases', files: { 'main.tf': 'resource "aws_kms_key" "k" {}\n' } },
    { name: 'only a network load balancer TCP listener', files: { 'main.tf': 'resource "aws_lb_listener" "tcp" {\n  protocol = "TCP"\n}\n' } },
  ],
  unknown: [
    {
      name: 'ssl policy from a variable without a default',
      files: { 'main.tf': 'variable "policy" {}\nresource "aws_lb_listener" "https" {\n  protocol = "HTTPS"\n  ssl_policy = var.policy\n}\n' },
      findings: [{ outcome: 'unknown', line: 4 }],
    },
  ],
});
