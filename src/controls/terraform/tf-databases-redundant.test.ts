import { testControl } from '../../testing/control-table.js';
import control from './tf-databases-redundant.js';

testControl(control, {
  pass: [
    {
      name: 'regional Cloud SQL and zone-redundant Azure flexible server',
      files: { 'main.tf': 'resource "google_sql_database_instance" "db" {\n  settings {\n    availability_type = "REGIONAL"\n  }\n}\nresource "azurerm_mysql_flexible_server" "m" {\n  high_availability {\n    mode = "ZoneRedundant"\n  }\n}\n' },
    },
    {
      name: 'Multi-AZ instance, Aurora cluster with two instances by count, ElastiCache failover',
      files: {
        'db.tf': 'resource "aws_db_instance" "db" {\n  multi_az = true\n}\nresource "aws_rds_cluster" "c" {\n  engine = "aurora-postgresql"\n}\nresource "aws_rds_cluster_instance" "c" {\n  count = 2\n  cluster_identifier = aws_rds_cluster.c.id\n  engine = "aurora-postgresql"\n}\nresource "aws_elasticache_replication_group" "r" {\n  automatic_failover_enabled = true\n}\n',
      },
    },
    {
      name: 'DocumentDB cluster with instances from for_each over a variable default',
      files: { 'db.tf': 'variable "zones" { default = ["a", "b"] }\nresource "aws_docdb_cluster" "d" {\n  cluster_identifier = "docs"\n}\nresource "aws_docdb_cluster_instance" "d" {\n  for_each = toset(var.zones)\n  cluster_identifier = "docs"\n}\n' },
    },
  ],
  fail: [
    {
      name: 'zonal Cloud SQL and an Azure server without high availability',
      files: { 'main.tf': 'resource "google_sql_database_instance" "db" {\n  settings {\n    availability_type = "ZONAL"\n  }\n}\nresource "azurerm_postgresql_flexible_server" "pg" {}\n' },
      findings: [
        { resource: 'google_sql_database_instance.db', line: 3 },
        { resource: 'azurerm_postgresql_flexible_server.pg', line: 6 },
      ],
    },
    {
      name: 'single-AZ instance and a one-instance cluster',
      files: { 'db.tf': 'resource "aws_db_instance" "db" {\n  multi_az = false\n}\nresource "aws_rds_cluster" "c" {}\nresource "aws_rds_cluster_instance" "one" {\n  cluster_identifier = aws_rds_cluster.c.id\n}\n' },
      findings: [
        { resource: 'aws_db_instance.db', line: 2 },
        { resource: 'aws_rds_cluster.c', line: 4, message: 'has 1 aws_rds_cluster_instance' },
      ],
    },
  ],
  notApplicable: [{ name: 'no databases', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } }],
  unknown: [
    {
      name: 'instance count from a variable without a default',
      files: { 'db.tf': 'variable "n" {}\nresource "aws_rds_cluster" "c" {}\nresource "aws_rds_cluster_instance" "i" {\n  count = var.n\n  cluster_identifier = aws_rds_cluster.c.id\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'aws_rds_cluster.c' }],
    },
  ],
});
