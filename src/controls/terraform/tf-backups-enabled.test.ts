import { testControl } from '../../testing/control-table.js';
import control from './tf-backups-enabled.js';

testControl(control, {
  pass: [
    {
      name: 'retention at the default minimum, PITR, versioned bucket through a companion',
      files: {
        'main.tf': `resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n}\nresource "aws_dynamodb_table" "t" {\n  point_in_time_recovery {\n    enabled = true\n  }\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = "data"\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`,
      },
    },
    {
      name: 'cluster retention above a raised parameter, inline bucket versioning',
      params: { minRetentionDays: 14 },
      files: { 'main.tf': 'resource "aws_rds_cluster" "c" {\n  backup_retention_period = 30\n}\nresource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = true\n  }\n}\n' },
    },
  ],
  fail: [
    {
      name: 'retention below the minimum, no PITR, versioning suspended',
      files: {
        'main.tf': `resource "aws_db_instance" "db" {\n  backup_retention_period = 1\n}\nresource "aws_dynamodb_table" "t" {}\nresource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n`,
      },
      findings: [
        { resource: 'aws_db_instance.db', line: 2, message: 'below the required 7 days' },
        { resource: 'aws_dynamodb_table.t', line: 4 },
        { resource: 'aws_s3_bucket.b', line: 5, message: 'Suspended' },
      ],
    },
    {
      name: 'Redshift without a retention setting',
      files: { 'main.tf': 'resource "aws_redshift_cluster" "r" {\n  cluster_identifier = "r"\n}\n' },
      findings: [{ resource: 'aws_redshift_cluster.r', message: 'automated_snapshot_retention_period is not set' }],
    },
  ],
  notApplicable: [{ name: 'no data stores', files: { 'main.tf': 'resource "aws_kms_key" "k" {}\n' } }],
  unknown: [
    {
      name: 'a versioning resource whose bucket is not known',
      files: { 'main.tf': 'variable "bucket" {}\nresource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = var.bucket\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n' },
      findings: [{ resource: 'aws_s3_bucket.b', outcome: 'unknown' }],
    },
  ],
});
