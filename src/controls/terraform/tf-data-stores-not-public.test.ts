import { testControl } from '../../testing/control-table.js';
import control from './tf-data-stores-not-public.js';

const BLOCK = (bucket: string): string => `resource "aws_s3_bucket_public_access_block" "${bucket}" {\n  bucket = aws_s3_bucket.${bucket}.id\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n`;

testControl(control, {
  pass: [
    {
      name: 'GCP bucket with public access prevention, Cloud SQL on a private range; Azure storage without public containers',
      files: {
        'gcp.tf': 'resource "google_storage_bucket" "b" {\n  name = "b"\n  public_access_prevention = "enforced"\n}\nresource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      authorized_networks {\n        value = "10.0.0.0/8"\n      }\n    }\n  }\n}\n',
        'azure.tf': 'resource "azurerm_storage_account" "sa" {\n  allow_nested_items_to_be_public = false\n}\nresource "azurerm_storage_container" "c" {\n  container_access_type = "private"\n}\n',
      },
    },
    { name: 'private database and a bucket with a full public access block', files: { 'main.tf': `resource "aws_db_instance" "db" {\n  publicly_accessible = false\n}\nresource "aws_s3_bucket" "b" {}\n${BLOCK('b')}` } },
    { name: 'account-level public access block covers every bucket', files: { 'main.tf': 'resource "aws_s3_account_public_access_block" "all" {\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\nresource "aws_s3_bucket" "b" {}\n' } },
  ],
  fail: [
    {
      name: 'GCP bucket granted to allUsers, Azure storage default and an all-addresses firewall rule',
      files: {
        'main.tf': 'resource "google_storage_bucket" "site" {\n  name = "site"\n  public_access_prevention = "enforced"\n}\nresource "google_storage_bucket_iam_member" "public" {\n  bucket = google_storage_bucket.site.name\n  role = "roles/storage.objectViewer"\n  member = "allUsers"\n}\nresource "azurerm_storage_account" "sa" {}\nresource "azurerm_mssql_firewall_rule" "all" {\n  start_ip_address = "0.0.0.0"\n  end_ip_address = "255.255.255.255"\n}\n',
      },
      findings: [
        { resource: 'google_storage_bucket.site', line: 1, message: 'allUsers' },
        { resource: 'azurerm_storage_account.sa', line: 10 },
        { resource: 'azurerm_mssql_firewall_rule.all', line: 13 },
      ],
    },
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
