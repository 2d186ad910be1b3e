import { testControl } from '../../testing/control-table.js';
import control from './point-in-time-recovery-enabled.js';

const psmdb = (pitr: string): string => `apiVersion: psmdb.percona.com/v1\nkind: PerconaServerMongoDB\nmetadata:\n  name: mongo\nspec:\n  backup:\n    enabled: true\n    pitr:\n      enabled: ${pitr}\n`;

testControl(control, {
  pass: [
    { name: 'Percona MongoDB with PITR', files: { 'k8s/mongo.yaml': psmdb('true') } },
    {
      name: 'DynamoDB PITR, RDS one day, DocumentDB a week, Atlas pit_enabled, a replica without backups',
      files: {
        'db.tf':
          'resource "aws_dynamodb_table" "t" {\n  point_in_time_recovery {\n    enabled = true\n  }\n}\nresource "aws_db_instance" "db" {\n  backup_retention_period = 1\n}\nresource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\nresource "aws_docdb_cluster" "d" {\n  backup_retention_period = 7\n}\nresource "mongodbatlas_advanced_cluster" "m" {\n  pit_enabled = true\n}\n',
      },
    },
  ],
  fail: [
    { name: 'Percona MongoDB without PITR', files: { 'k8s/mongo.yaml': psmdb('false') }, findings: [{ resource: 'PerconaServerMongoDB/default/mongo', line: 9, message: 'pitr.enabled is not true' }] },
    {
      name: 'no PITR block, retention 0, retention absent, Atlas without pit_enabled',
      files: {
        'db.tf': 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n}\nresource "aws_db_instance" "db" {\n  backup_retention_period = 0\n}\nresource "aws_rds_cluster" "c" {\n  engine = "aurora-postgresql"\n}\nresource "mongodbatlas_cluster" "m" {\n  pit_enabled = false\n}\n',
      },
      findings: [
        { resource: 'aws_dynamodb_table.t', line: 1, message: 'no point_in_time_recovery' },
        { resource: 'aws_db_instance.db', line: 5, message: 'backup_retention_period = 0' },
        { resource: 'aws_rds_cluster.c', line: 7, message: 'not set' },
        { resource: 'mongodbatlas_cluster.m', line: 11, message: 'pit_enabled = false' },
      ],
    },
  ],
  notApplicable: [{ name: 'no databases', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } }],
  unknown: [
    { name: 'Percona PITR from a placeholder', files: { 'k8s/mongo.yaml': psmdb('"${PITR}"') }, findings: [{ outcome: 'unknown', line: 6 }] },
    {
      name: 'retention from a variable without a default',
      files: { 'db.tf': 'variable "days" {}\nresource "aws_db_instance" "db" {\n  backup_retention_period = var.days\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'aws_db_instance.db', line: 3 }],
    },
  ],
});
