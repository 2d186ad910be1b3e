import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { controls } from '../src/controls/terraform/index.js';
import { scan } from '../src/scan.js';
import { makeFixture, removeFixture, type FixtureFiles } from '../src/testing/fixture.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/terraform');

function readTree(root: string, prefix = ''): FixtureFiles {
  const files: FixtureFiles = {};
  for (const entry of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, readTree(root, relative));
    else files[relative] = readFileSync(path.join(root, relative), 'utf8');
  }
  return files;
}

async function scanFixture(name: string, extra: FixtureFiles = {}): Promise<Awaited<ReturnType<typeof scan>>> {
  const root = makeFixture({ ...readTree(path.join(FIXTURES, name)), ...extra });
  try {
    return await scan({ path: root, controls: catalogControls() });
  } finally {
    removeFixture(root);
  }
}

/** The 13 catalog controls these fixtures were written for; later terraform controls have their own tables. */
function catalogControls(): typeof controls {
  return controls.filter((control) => Object.hasOwn(EXPECTED_FAILING, control.meta.id));
}

/** control → `resource file:line` (suppressed ones marked), in report order. */
const EXPECTED_FAILING: Record<string, string[]> = {
  'tf-data-encrypted-at-rest': ['aws_cloudwatch_log_group.app logs.tf:1', 'aws_db_instance.main rds.tf:15'],
  'tf-encryption-uses-managed-keys': [
    'aws_cloudwatch_log_group.app logs.tf:1',
    'aws_db_instance.main rds.tf:15',
    'module.logs.aws_s3_bucket.this modules/bucket/main.tf:28',
    'module.uploads.aws_s3_bucket.this modules/bucket/main.tf:28',
  ],
  'tf-kms-key-rotation-enabled': ['aws_kms_key.data kms.tf:1'],
  'tf-backups-enabled': ['aws_db_instance.main rds.tf:16', 'module.logs.aws_s3_bucket.this modules/bucket/main.tf:14', 'module.uploads.aws_s3_bucket.this modules/bucket/main.tf:14'],
  'tf-backups-encrypted': ['aws_db_instance.main rds.tf:15'],
  'tf-tls-enforced': [
    'aws_lb_listener.http alb.tf:13',
    'aws_lb_listener.https alb.tf:25',
    'module.logs.aws_s3_bucket.this modules/bucket/main.tf:14',
    'module.uploads.aws_s3_bucket.this modules/bucket/main.tf:14',
    'aws_db_instance.main rds.tf:5',
  ],
  'tf-data-stores-not-public': ['aws_db_instance.main rds.tf:18', 'module.logs.aws_s3_bucket.this modules/bucket/main.tf:14', 'module.uploads.aws_s3_bucket.this modules/bucket/main.tf:14'],
  'tf-no-unrestricted-admin-ingress': ['aws_security_group.bastion network.tf:46', 'aws_security_group_rule.db_from_anywhere network.tf:61'],
  'tf-iam-least-privilege': ['aws_iam_policy.deploy iam.tf:41', 'aws_iam_role.app iam.tf:11'],
  'tf-audit-logging-enabled': ['aws_cloudtrail.main cloudtrail.tf:1', 'module.uploads.aws_s3_bucket.this modules/bucket/main.tf:14', 'aws_lb.web alb.tf:2'],
  'tf-log-retention-bounded': ['aws_cloudwatch_log_group.app logs.tf:1', 'aws_cloudwatch_log_group.audit logs.tf:7'],
  'tf-databases-redundant': ['aws_db_instance.main rds.tf:17'],
  'tf-deletion-protection-enabled': ['aws_lb.web alb.tf:2 (suppressed: blue/green pairs are replaced on every release)', 'aws_db_instance.main rds.tf:5'],
};

describe('terraform fixtures', () => {
  it('the failing service yields exactly the expected findings, one per offending resource', async () => {
    const result = await scanFixture('failing');
    assert.deepEqual(result.errors, []);
    const actual: Record<string, string[]> = {};
    for (const control of result.controls) {
      actual[control.id] = control.findings.map((finding) => {
        assert.equal(finding.outcome, 'fail', `${control.id}: ${finding.message}`);
        const where = `${finding.resource ?? ''} ${finding.file ?? ''}:${finding.line ?? ''}`;
        return finding.suppressed ? `${where} (suppressed: ${finding.suppressed.reason})` : where;
      });
      assert.equal(control.status, 'fail', control.id);
    }
    assert.deepEqual(actual, EXPECTED_FAILING);
  });

  it('the fixed service passes every terraform control', async () => {
    const result = await scanFixture('fixed');
    assert.deepEqual(result.errors, []);
    for (const control of result.controls) assert.equal(control.status, 'pass', `${control.id}: ${control.reason ?? ''} ${control.findings.map((finding) => finding.message).join('; ')}`);
    assert.equal(result.controls.length, 13);
  });

  it('a malformed file is reported and the rest of the scan completes', async () => {
    const result = await scanFixture('fixed', { 'broken.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = "a"\n  versioning {\n' });
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]?.file, 'broken.tf');
    assert.match(result.errors[0]?.reason ?? '', /malformed HCL/);
    for (const control of result.controls) assert.equal(control.status, 'pass', control.id);
  });
});
