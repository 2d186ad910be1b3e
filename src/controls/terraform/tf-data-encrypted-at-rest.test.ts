import { testControl } from '../../testing/control-table.js';
import control from './tf-data-encrypted-at-rest.js';

testControl(control, {
  pass: [
    {
      name: 'encrypted RDS, EBS, SQS (SQS-managed), SNS with a key, Kinesis KMS',
      files: {
        'main.tf': `resource "aws_db_instance" "db" {\n  storage_encrypted = true\n}\nresource "aws_ebs_volume" "v" {\n  encrypted = true\n}\nresource "aws_sqs_queue" "q" {\n  sqs_managed_sse_enabled = true\n}\nresource "aws_sns_topic" "t" {\n  kms_master_key_id = "alias/aws/sns"\n}\nresource "aws_kinesis_stream" "s" {\n  encryption_type = "KMS"\n}\n`,
      },
    },
    {
      name: 'S3 bucket with a separate encryption configuration linked through .id',
      files: {
        's3.tf': `resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n`,
      },
    },
    {
      name: 'instance volumes covered by EBS encryption by default; Aurora member instance inherits from its cluster',
      files: {
        'main.tf': `resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\nresource "aws_instance" "web" {}\nresource "aws_rds_cluster" "c" {\n  storage_encrypted = var.encrypt\n}\nvariable "encrypt" { default = true }\nresource "aws_db_instance" "member" {\n  engine = "aurora-postgresql"\n}\n`,
      },
    },
  ],
  fail: [
    {
      name: 'launch template volume without encryption (a string "false", as the provider types it)',
      files: { 'asg.tf': 'resource "aws_launch_template" "web" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 20\n      encrypted = "false"\n    }\n  }\n}\nresource "aws_launch_template" "bare" {\n  image_id = "ami-1"\n}\n' },
      findings: [{ resource: 'aws_launch_template.web', line: 6 }],
    },
    {
      name: 'unencrypted RDS instance and EBS volume, one finding each at the offending line',
      files: { 'main.tf': `resource "aws_db_instance" "db" {\n  engine = "postgres"\n  storage_encrypted = false\n}\nresource "aws_ebs_volume" "v" {\n  size = 10\n}\n` },
      findings: [
        { resource: 'aws_db_instance.db', line: 3, message: 'storage_encrypted = false' },
        { resource: 'aws_ebs_volume.v', line: 5, message: 'encrypted is not set' },
      ],
    },
    {
      name: 'bucket without an encryption configuration; instance root volume unencrypted',
      files: { 'main.tf': `resource "aws_s3_bucket" "logs" {}\nresource "aws_instance" "web" {\n  root_block_device {\n    encrypted = false\n  }\n}\n` },
      findings: [
        { resource: 'aws_s3_bucket.logs', line: 1 },
        { resource: 'aws_instance.web', line: 4 },
      ],
    },
    {
      name: 'module resource through a local module, with its address prefixed',
      files: {
        'main.tf': `module "queue" {\n  source = "./modules/queue"\n}\n`,
        'modules/queue/main.tf': `resource "aws_sqs_queue" "this" {\n  name = "jobs"\n}\n`,
      },
      findings: [{ resource: 'module.queue.aws_sqs_queue.this', file: 'modules/queue/main.tf', line: 1 }],
    },
  ],
  notApplicable: [
    { name: 'no Terraform at all', files: { 'README.md': '# x\n' } },
    { name: 'Terraform without data stores', files: { 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' } },
  ],
  unknown: [
    {
      name: 'encryption flag from a variable without a default',
      files: { 'main.tf': 'variable "encrypted" {}\nresource "aws_efs_file_system" "fs" {\n  encrypted = var.encrypted\n}\n' },
      findings: [{ resource: 'aws_efs_file_system.fs', outcome: 'unknown', line: 3, message: 'var.encrypted has no default' }],
    },
  ],
  deviated: [
    {
      name: 'inline waiver above the resource',
      files: { 'main.tf': '# tenet:ignore tf-data-encrypted-at-rest public assets only\nresource "aws_ebs_volume" "v" {}\n' },
      findings: [{ suppressed: { kind: 'inline', reason: 'public assets only', source: 'main.tf:1' } }],
    },
  ],
});
