import { testControl } from '../../testing/control-table.js';
import control from './tf-audit-logging-enabled.js';

testControl(control, {
  pass: [
    {
      name: 'multi-region trail with validation, logged bucket, log bucket exempt, ALB with access logs',
      files: {
        'main.tf': 'resource "aws_cloudtrail" "main" {\n  s3_bucket_name = aws_s3_bucket.logs.id\n  is_multi_region_trail = true\n  enable_log_file_validation = true\n}\nresource "aws_s3_bucket" "logs" {}\nresource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket_logging" "data" {\n  bucket = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "s3/"\n}\nresource "aws_lb" "alb" {\n  access_logs {\n    bucket = aws_s3_bucket.logs.id\n    enabled = true\n  }\n}\nresource "aws_lb" "nlb" {\n  load_balancer_type = "network"\n}\n',
      },
    },
  ],
  fail: [
    {
      name: 'GCS bucket without access logs (the log bucket itself is exempt)',
      files: { 'gcs.tf': 'resource "google_storage_bucket" "logs" {\n  name = "logs"\n}\nresource "google_storage_bucket" "data" {\n  name = "data"\n  logging {\n    log_bucket = google_storage_bucket.logs.name\n  }\n}\nresource "google_storage_bucket" "other" {\n  name = "other"\n}\n' },
      findings: [{ resource: 'google_storage_bucket.other', line: 10 }],
    },
    {
      name: 'single-region trail, bucket without logging, ALB without access logs',
      files: {
        'main.tf': 'resource "aws_cloudtrail" "main" {\n  s3_bucket_name = "org-trail"\n  enable_log_file_validation = true\n}\nresource "aws_s3_bucket" "data" {}\nresource "aws_lb" "alb" {\n  internal = false\n}\n',
      },
      findings: [
        { resource: 'aws_cloudtrail.main', line: 1, message: 'is_multi_region_trail is not set' },
        { resource: 'aws_s3_bucket.data', line: 5 },
        { resource: 'aws_lb.alb', line: 6, message: 'no access_logs' },
      ],
    },
    {
      name: 'trail without log file validation; access logs disabled',
      files: { 'main.tf': 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = true\n  enable_log_file_validation = false\n}\nresource "aws_alb" "a" {\n  access_logs {\n    bucket = "logs"\n    enabled = false\n  }\n}\n' },
      findings: [
        { resource: 'aws_cloudtrail.t', line: 3 },
        { resource: 'aws_alb.a', line: 8 },
      ],
    },
  ],
  notApplicable: [{ name: 'nothing that logs', files: { 'main.tf': 'resource "aws_kms_key" "k" {}\n' } }],
  unknown: [
    {
      name: 'multi-region from a variable without a default',
      files: { 'main.tf': 'variable "multi" {}\nresource "aws_cloudtrail" "t" {\n  is_multi_region_trail = var.multi\n  enable_log_file_validation = true\n}\n' },
      findings: [{ outcome: 'unknown', line: 3 }],
    },
  ],
});
