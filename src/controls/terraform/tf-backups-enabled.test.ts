import { testControl } from '../../testing/control-table.js';
import control from './tf-backups-enabled.js';

testControl(control, {
  pass: [
    {
      name: 'Cloud SQL backups, versioned GCS bucket, Azure flexible server 14 days, versioned storage account',
      files: {
        'main.tf': 'resource "google_sql_database_instance" "db" {\n  settings {\n    backup_configuration {\n      enabled = true\n    }\n  }\n}\nresource "google_storage_bucket" "b" {\n  versioning {\n    enabled = true\n  }\n}\nresource "azurerm_postgresql_flexible_server" "pg" {\n  backup_retention_days = 14\n}\nresource "azurerm_storage_account" "sa" {\n  blob_properties {\n    versioning_enabled = true\n  }\n}\n',
      },
    },
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
      name: 'Cloud SQL without backups; Azure flexible server kept 3 days',
      files: { 'main.tf': 'resource "google_sql_database_instance" "db" {\n  settings {\n    tier = "db-f1-micro"\n  }\n}\nresource "azurerm_postgresql_flexible_server" "pg" {\n  backup_retention_days = 3\n}\n' },
      findings: [
        { resource: 'google_sql_database_instance.db', line: 2 },
        { resource: 'azurerm_postgresql_flexible_server.pg', line: 7 },
      ],
    },
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
