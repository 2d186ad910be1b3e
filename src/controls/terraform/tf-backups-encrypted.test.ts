import { testControl } from '../../testing/control-table.js';
import control from './tf-backups-encrypted.js';

testControl(control, {
  pass: [
    {
      name: 'vault with a key, encrypted database, snapshot copy with a key',
      files: {
        'main.tf': 'resource "aws_kms_key" "k" {}\nresource "aws_backup_vault" "v" {\n  kms_key_arn = aws_kms_key.k.arn\n}\nresource "aws_db_instance" "db" {\n  storage_encrypted = true\n}\nresource "aws_db_snapshot_copy" "c" {\n  kms_key_id = aws_kms_key.k.arn\n}\n',
      },
    },
  ],
  fail: [
    {
      name: 'vault without a key, unencrypted cluster, copy without a key',
      files: { 'main.tf': 'resource "aws_backup_vault" "v" {\n  name = "v"\n}\nresource "aws_rds_cluster" "c" {\n  storage_encrypted = false\n}\nresource "aws_db_snapshot_copy" "s" {}\n' },
      findings: [
        { resource: 'aws_backup_vault.v', line: 1, message: 'kms_key_arn is not set' },
        { resource: 'aws_db_snapshot_copy.s', line: 7 },
        { resource: 'aws_rds_cluster.c', line: 5, message: 'snapshots are unencrypted' },
      ],
    },
  ],
  notApplicable: [{ name: 'no backups or databases', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } }],
  unknown: [
    {
      name: 'vault key from an undeclared variable',
      files: { 'main.tf': 'resource "aws_backup_vault" "v" {\n  kms_key_arn = var.key\n}\n' },
      findings: [{ outcome: 'unknown', message: 'var.key is not declared' }],
    },
  ],
});
