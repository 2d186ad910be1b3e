import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runControl, testControl } from '../../testing/control-table.js';
import control from './database-credentials-dynamic.js';

const FAKE = 'example-not-a-real-pw-42';

testControl(control, {
  pass: [
    {
      name: 'managed master password, IAM authentication, short-lived Vault role, replica without its own credentials',
      files: {
        'db.tf':
          'resource "aws_db_instance" "a" {\n  manage_master_user_password = true\n}\nresource "aws_rds_cluster" "b" {\n  iam_database_authentication_enabled = true\n}\nresource "aws_db_instance" "r" {\n  replicate_source_db = aws_db_instance.a.identifier\n}\nresource "vault_database_secret_backend_role" "app" {\n  default_ttl = 3600\n  max_ttl     = "24h"\n}\nresource "mongodbatlas_database_user" "u" {\n  aws_iam_type = "ROLE"\n}\n',
      },
    },
  ],
  fail: [
    {
      name: 'literal password, password from random_password without management, Vault role without TTLs, connection with a literal password',
      files: {
        'db.tf': `resource "aws_db_instance" "a" {\n  password = "${FAKE}"\n}\nresource "random_password" "p" {\n  length = 32\n}\nresource "aws_rds_cluster" "b" {\n  master_password = random_password.p.result\n}\nresource "vault_database_secret_backend_role" "app" {\n  max_ttl = 604800\n}\nresource "vault_database_secret_backend_connection" "pg" {\n  postgresql {\n    password = "${FAKE}"\n  }\n}\n`,
      },
      findings: [
        { resource: 'aws_db_instance.a', line: 2, message: 'literal password is committed' },
        { resource: 'aws_rds_cluster.b', line: 7, message: 'static master password' },
        { resource: 'vault_database_secret_backend_role.app', line: 10, message: 'default_ttl is not set' },
        { resource: 'vault_database_secret_backend_connection.pg', line: 15, message: 'literal password' },
      ],
    },
    {
      name: 'Vault role TTL above the parameter',
      files: { 'vault.tf': 'resource "vault_database_secret_backend_role" "app" {\n  default_ttl = 600\n  max_ttl     = 7200\n}\n' },
      params: { maxTtlSeconds: 3600 },
      findings: [{ line: 3, message: 'max_ttl = 7200 seconds' }],
    },
  ],
  notApplicable: [{ name: 'no databases', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } }],
  unknown: [
    {
      name: 'management flag from a variable without a default',
      files: { 'db.tf': 'variable "managed" {}\nresource "aws_db_instance" "a" {\n  manage_master_user_password = var.managed\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'aws_db_instance.a' }],
    },
  ],
});

it('database-credentials-dynamic never prints a literal password', async () => {
  const result = await runControl(control, { files: { 'db.tf': `variable "pw" {\n  default = "${FAKE}"\n}\nresource "aws_db_instance" "a" {\n  password = var.pw\n}\n` } });
  assert.equal(result.status, 'fail');
  assert.ok(!JSON.stringify(result).includes(FAKE));
});
