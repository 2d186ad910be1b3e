import { testControl } from '../../testing/control-table.js';
import control from './tf-deletion-protection-enabled.js';

testControl(control, {
  pass: [
    { name: 'Cloud SQL with deletion protection stated', files: { 'main.tf': 'resource "google_sql_database_instance" "db" {\n  deletion_protection = true\n}\n' } },
    {
      name: 'protected database, table and load balancer',
      files: { 'main.tf': 'resource "aws_db_instance" "db" {\n  deletion_protection = true\n}\nresource "aws_dynamodb_table" "t" {\n  deletion_protection_enabled = true\n}\nresource "aws_lb" "alb" {\n  enable_deletion_protection = true\n}\nresource "aws_db_instance" "member" {\n  engine = "aurora-mysql"\n}\n' },
    },
  ],
  fail: [
    { name: 'Cloud SQL relying on the provider default', files: { 'main.tf': 'resource "google_sql_database_instance" "db" {\n  name = "db"\n}\n' }, findings: [{ resource: 'google_sql_database_instance.db', line: 1 }] },
    {
      name: 'unprotected cluster and table',
      files: { 'main.tf': 'resource "aws_rds_cluster" "c" {\n  deletion_protection = false\n}\nresource "aws_dynamodb_table" "t" {}\n' },
      findings: [
        { resource: 'aws_rds_cluster.c', line: 2 },
        { resource: 'aws_dynamodb_table.t', line: 4, message: 'deletion_protection_enabled is not set' },
      ],
    },
  ],
  notApplicable: [{ name: 'nothing deletable of note', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } }],
  unknown: [
    { name: 'protection from a conditional on an unknown variable', files: { 'main.tf': 'variable "env" {}\nresource "aws_lb" "alb" {\n  enable_deletion_protection = var.env == "prod" ? true : false\n}\n' }, findings: [{ outcome: 'unknown', line: 3 }] },
  ],
});
