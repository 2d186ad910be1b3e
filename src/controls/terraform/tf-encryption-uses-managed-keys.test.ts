import { testControl } from '../../testing/control-table.js';
import control from './tf-encryption-uses-managed-keys.js';

const KEY = 'resource "aws_kms_key" "main" {\n  enable_key_rotation = true\n}\n';

testControl(control, {
  pass: [
    {
      name: 'GCS bucket with a Cloud KMS key; Azure storage with a customer-managed key resource',
      files: {
        'main.tf': 'resource "google_kms_crypto_key" "k" {}\nresource "google_storage_bucket" "b" {\n  encryption {\n    default_kms_key_name = google_kms_crypto_key.k.id\n  }\n}\nresource "azurerm_key_vault_key" "k" {}\nresource "azurerm_storage_account" "sa" {}\nresource "azurerm_storage_account_customer_managed_key" "sa" {\n  storage_account_id = azurerm_storage_account.sa.id\n  key_vault_key_id = azurerm_key_vault_key.k.id\n}\n',
      },
    },
    {
      name: 'RDS and S3 with a customer-managed key reference',
      files: {
        'main.tf': `${KEY}resource "aws_db_instance" "db" {\n  storage_encrypted = true\n  kms_key_id = aws_kms_key.main.arn\n}\nresource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket_server_side_encryption_configuration" "b" {\n  bucket = aws_s3_bucket.b.bucket\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n      kms_master_key_id = aws_kms_key.main.id\n    }\n  }\n}\n`,
      },
    },
    {
      name: 'key ARN literal and key passed in through a module argument',
      files: {
        'main.tf': `${KEY}module "logs" {\n  source = "./logs"\n  key = aws_kms_key.main.arn\n}\nresource "aws_sns_topic" "t" {\n  kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n}\n`,
        'logs/main.tf': 'variable "key" {}\nresource "aws_cloudwatch_log_group" "app" {\n  kms_key_id = var.key\n}\n',
      },
    },
  ],
  fail: [
    {
      name: 'Azure managed disk and Cloud SQL on provider-managed keys',
      files: { 'main.tf': 'resource "azurerm_managed_disk" "d" {\n  disk_size_gb = 10\n}\nresource "google_sql_database_instance" "db" {\n  name = "db"\n}\n' },
      findings: [{ resource: 'azurerm_managed_disk.d', line: 1 }, { resource: 'google_sql_database_instance.db', line: 4 }],
    },
    {
      name: 'a Secrets Manager secret on the AWS-managed key',
      files: { 'main.tf': 'resource "aws_secretsmanager_secret" "db" {\n  name = "db"\n}\n' },
      findings: [{ resource: 'aws_secretsmanager_secret.db', line: 1, message: 'aws/secretsmanager' }],
    },
    {
      name: 'AWS-managed alias, no key and no encryption at all',
      files: {
        'main.tf': `resource "aws_sns_topic" "t" {\n  kms_master_key_id = "alias/aws/sns"\n}\nresource "aws_ebs_volume" "v" {\n  encrypted = true\n}\nresource "aws_efs_file_system" "fs" {}\n`,
      },
      findings: [
        { resource: 'aws_sns_topic.t', line: 2, message: 'AWS-managed' },
        { resource: 'aws_ebs_volume.v', line: 4, message: 'kms_key_id is not set' },
        { resource: 'aws_efs_file_system.fs', message: 'not encrypted at rest' },
      ],
    },
    {
      name: 'S3 with SSE-S3 and DynamoDB with its default key',
      files: {
        'main.tf': `resource "aws_s3_bucket" "b" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "AES256"\n      }\n    }\n  }\n}\nresource "aws_dynamodb_table" "t" {\n  name = "t"\n}\n`,
      },
      findings: [{ resource: 'aws_s3_bucket.b', line: 4, message: 'S3-managed keys' }, { resource: 'aws_dynamodb_table.t', message: 'AWS-owned key' }],
    },
    {
      name: 'data source resolving an AWS-managed alias',
      files: { 'main.tf': 'data "aws_kms_alias" "s3" {\n  name = "alias/aws/s3"\n}\nresource "aws_kinesis_stream" "s" {\n  encryption_type = "KMS"\n  kms_key_id = data.aws_kms_alias.s3.target_key_arn\n}\n' },
      findings: [{ resource: 'aws_kinesis_stream.s', line: 6 }],
    },
  ],
  notApplicable: [{ name: 'no data stores', files: { 'main.tf': KEY } }],
  unknown: [
    {
      name: 'key from a remote module output',
      files: { 'main.tf': 'module "kms" {\n  source = "terraform-aws-modules/kms/aws"\n}\nresource "aws_cloudwatch_log_group" "g" {\n  kms_key_id = module.kms.key_arn\n}\n' },
      findings: [{ outcome: 'unknown', message: 'remote and not analysed' }],
      reason: /not analysed: module\.kms/,
    },
  ],
});
