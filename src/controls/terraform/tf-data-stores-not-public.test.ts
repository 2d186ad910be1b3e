import { testControl } from '../../testing/control-table.js';
import control from './tf-data-stores-not-public.js';

const BLOCK = (bucket: string): string => `resource "aws_s3_bucket_public_access_block" "${bucket}" {\n  bucket = aws_s3_bucket.${bucket}.id\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n`;

testControl(control, {
  pass: [
    { name: 'private database and a bucket with a full public access block', files: { 'main.tf': `resource "aws_db_instance" "db" {\n  publicly_accessible = false\n}\nresource "aws_s3_bucket" "b" {}\n${BLOCK('b')}` } },
    { name: 'account-level public access block covers every bucket', files: { 'main.tf': 'resource "aws_s3_account_public_access_block" "all" {\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\nresource "aws_s3_bucket" "b" {}\n' } },
  ],
  fail: [
    {
      name: 'public database and a bucket without a block (explicit over provider defaults)',
      files: { 'main.tf': 'resource "aws_db_instance" "db" {\n  publicly_accessible = true\n}\nresource "aws_s3_bucket" "b" {}\n' },
      findings: [
        { resource: 'aws_db_instance.db', line: 2 },
        { resource: 'aws_s3_bucket.b', line: 4, message: 'no aws_s3_bucket_public_access_block' },
      ],
    },
    {
      name: 'a block with one setting off; a public-read ACL on another bucket',
      files: {
        'main.tf': 'resource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket_public_access_block" "b" {\n  bucket = aws_s3_bucket.b.id\n  block_public_acls = true\n  block_public_policy = false\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\nresource "aws_s3_bucket" "site" {}\nresource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl = "public-read"\n}\n',
      },
      findings: [
        { resource: 'aws_s3_bucket.b', line: 5, message: 'block_public_policy' },
        { resource: 'aws_s3_bucket.site', line: 12, message: 'public-read' },
      ],
    },
  ],
  notApplicable: [{ name: 'no databases or buckets', files: { 'main.tf': 'resource "aws_vpc" "v" {}\n' } }],
  unknown: [
    {
      name: 'publicly_accessible from a variable without a default',
      files: { 'main.tf': 'variable "public" {}\nresource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'aws_db_instance.db', line: 3 }],
    },
  ],
});
