import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Repository } from '../../repo/repository.js';
import { makeFixture, removeFixture, type FixtureFiles } from '../../testing/fixture.js';
import { collectTerraform, Ref, Unknown, type TerraformFacts, type TfResource } from './terraform.js';

async function facts(files: FixtureFiles): Promise<{ facts: TerraformFacts; errors: Repository['errors'] }> {
  const root = makeFixture(files);
  try {
    const repo = await Repository.open(root);
    return { facts: collectTerraform(repo), errors: repo.errors };
  } finally {
    removeFixture(root);
  }
}

function resource(all: TerraformFacts, address: string): TfResource {
  const found = all.resources.find((candidate) => candidate.address === address);
  assert.ok(found, `no ${address} in ${all.resources.map((candidate) => candidate.address).join(', ')}`);
  return found;
}

describe('terraform facts', () => {
  it('resolves variables from defaults, tfvars and auto.tfvars, and locals', async () => {
    const { facts: all } = await facts({
      'infra/main.tf': `variable "retention" {\n  default = 3\n}\nvariable "env" {}\nvariable "size" { default = 10 }\nlocals {\n  name = "app-\${var.env}"\n  days = var.retention * 2\n}\nresource "aws_db_instance" "db" {\n  backup_retention_period = local.days\n  identifier = local.name\n  allocated_storage = var.size\n  kms_key_id = aws_kms_key.main.arn\n  password = var.missing\n}\n`,
      'infra/terraform.tfvars': 'retention = 7\n',
      'infra/x.auto.tfvars': 'env = "prod"\n',
      'infra/dev.tfvars': 'size = 20\n',
      'infra/prod.tfvars': 'size = 50\n',
    });
    const db = resource(all, 'aws_db_instance.db');
    assert.equal(db.attributes.backup_retention_period?.value, 14);
    assert.equal(db.attributes.backup_retention_period?.line, 11);
    assert.equal(db.attributes.identifier?.value, 'app-prod');
    assert.ok(db.attributes.allocated_storage?.value instanceof Unknown);
    assert.match((db.attributes.allocated_storage.value as Unknown).reason, /differs between/);
    assert.ok(db.attributes.kms_key_id?.value instanceof Ref);
    assert.equal((db.attributes.kms_key_id.value as Ref).address, 'aws_kms_key.main');
    assert.ok(db.attributes.password?.value instanceof Unknown);
  });

  it('evaluates local modules with their arguments and reports remote ones', async () => {
    const { facts: all } = await facts({
      'main.tf': `module "storage" {\n  source = "./modules/storage"\n  versioned = true\n}\nmodule "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\nmodule "off" {\n  source = "./modules/storage"\n  count = 0\n}\n`,
      'modules/storage/main.tf': `variable "versioned" { default = false }\nresource "aws_s3_bucket" "this" {}\nresource "aws_s3_bucket_versioning" "this" {\n  bucket = aws_s3_bucket.this.id\n  versioning_configuration {\n    status = var.versioned ? "Enabled" : "Suspended"\n  }\n}\noutput "arn" { value = aws_s3_bucket.this.arn }\n`,
    });
    const versioning = resource(all, 'module.storage.aws_s3_bucket_versioning.this');
    assert.equal(versioning.file, 'modules/storage/main.tf');
    assert.equal(versioning.blocks[0]?.attributes.status?.value, 'Enabled');
    assert.equal((versioning.attributes.bucket?.value as Ref).address, 'module.storage.aws_s3_bucket.this');
    assert.equal(all.resources.filter((candidate) => candidate.type === 'aws_s3_bucket').length, 1);
    assert.deepEqual(
      all.modules.map((module) => [module.address, module.analysed]),
      [
        ['module.storage', true],
        ['module.vpc', false],
      ],
    );
  });

  it('keeps resources of modules that only call each other or themselves', async () => {
    const { facts: all } = await facts({
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\nresource "aws_kms_key" "a" {}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\nresource "aws_kms_key" "b" {}\n',
      'self/main.tf': 'module "again" {\n  source = "./"\n}\nresource "aws_kms_key" "self" {}\n',
    });
    assert.deepEqual(all.resources.map((candidate) => candidate.address).sort(), ['aws_kms_key.a', 'aws_kms_key.self', 'module.b.aws_kms_key.b']);
  });

  it('expands module blocks with a static for_each, addressing each instance by key', async () => {
    const { facts: all } = await facts({
      'main.tf': 'module "bucket" {\n  for_each = { logs = false, data = true }\n  source = "./bucket"\n  name = each.key\n  versioned = each.value\n}\nresource "aws_sns_topic" "t" {\n  name = module.bucket["data"].name\n}\n',
      'bucket/main.tf': 'variable "name" {}\nvariable "versioned" {}\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\noutput "name" { value = "bucket-${var.name}" }\n',
    });
    assert.equal(resource(all, 'module.bucket["logs"].aws_s3_bucket.this').attributes.bucket?.value, 'logs');
    assert.equal(resource(all, 'module.bucket["data"].aws_s3_bucket.this').attributes.bucket?.value, 'data');
    assert.equal(resource(all, 'aws_sns_topic.t').attributes.name?.value, 'bucket-data');
    assert.deepEqual(all.modules.map((module) => module.address), ['module.bucket["logs"]', 'module.bucket["data"]']);
  });

  it('expands dynamic blocks, for_each and count', async () => {
    const { facts: all } = await facts({
      'main.tf': `variable "ports" { default = [22, 443] }\nvariable "open" {}\nresource "aws_security_group" "sg" {\n  dynamic "ingress" {\n    for_each = var.ports\n    content {\n      from_port = ingress.value\n      to_port = ingress.value\n    }\n  }\n  dynamic "egress" {\n    for_each = var.open\n    content { from_port = 0 }\n  }\n}\nresource "aws_s3_bucket" "b" {\n  for_each = toset(["a", "b"])\n  bucket = "x-\${each.key}"\n}\nresource "aws_kms_key" "none" {\n  count = 0\n}\nresource "aws_kms_key" "two" {\n  count = 2\n}\n`,
    });
    const sg = resource(all, 'aws_security_group.sg');
    assert.deepEqual(sg.blocks.filter((block) => block.type === 'ingress').map((block) => block.attributes.from_port?.value), [22, 443]);
    assert.match(sg.blocks.find((block) => block.type === 'egress')?.unknown ?? '', /not known statically/);
    assert.equal(resource(all, 'aws_s3_bucket.b["a"]').attributes.bucket?.value, 'x-a');
    assert.equal(all.resources.some((candidate) => candidate.address === 'aws_kms_key.none'), false);
    assert.equal(resource(all, 'aws_kms_key.two').instances, 2);
  });

  it('renders aws_iam_policy_document and jsonencode policies as JSON', async () => {
    const { facts: all } = await facts({
      'iam.tf': `data "aws_iam_policy_document" "admin" {\n  statement {\n    actions = ["*"]\n    resources = ["*"]\n  }\n}\nresource "aws_iam_policy" "a" {\n  policy = data.aws_iam_policy_document.admin.json\n}\nresource "aws_iam_policy" "b" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.x.arn}/*" }]\n  })\n}\n`,
    });
    assert.deepEqual(JSON.parse(resource(all, 'aws_iam_policy.a').attributes.policy?.value as string), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] });
    const b = JSON.parse(resource(all, 'aws_iam_policy.b').attributes.policy?.value as string) as { Statement: { Resource: string }[] };
    assert.equal(b.Statement[0]?.Resource, '${aws_s3_bucket.x.arn}/*');
  });

  it('evaluates templatefile and common collection functions', async () => {
    const { facts: all } = await facts({
      'main.tf': 'locals {\n  zones = slice(["a", "b", "c"], 0, 2)\n  ports = zipmap(["ssh"], [22])\n}\nresource "aws_iam_policy" "p" {\n  policy = templatefile("${path.module}/policy.json.tpl", { bucket = "data" })\n  description = join(",", concat(local.zones, [for n in range(2) : tostring(n)]))\n  name = one([lookup(local.ports, "ssh")])\n}\n',
      'policy.json.tpl': '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${bucket}/*"}]}\n',
    });
    const policy = resource(all, 'aws_iam_policy.p');
    assert.match(String(policy.attributes.policy?.value), /arn:aws:s3:::data\/\*/);
    assert.equal(policy.attributes.description?.value, 'a,b,0,1');
    assert.equal(policy.attributes.name?.value, 22);
  });

  it('reads .tf.json with lines', async () => {
    const { facts: all } = await facts({
      'main.tf.json': JSON.stringify({ variable: { days: { default: 30 } }, resource: { aws_cloudwatch_log_group: { app: { name: 'app', retention_in_days: '${var.days}' } } } }, null, 2),
    });
    const group = resource(all, 'aws_cloudwatch_log_group.app');
    assert.equal(group.attributes.retention_in_days?.value, 30);
    assert.ok((group.attributes.retention_in_days?.line ?? 0) > 1);
  });

  it('stays bounded on hostile input: long local chains, self references, nested loops', async () => {
    const chain = Array.from({ length: 3000 }, (_, index) => `  l${index} = local.l${index + 1}`).join('\n');
    const items = Array.from({ length: 3000 }, (_, index) => index).join(', ');
    const started = Date.now();
    const { facts: all } = await facts({
      'main.tf': `locals {\n${chain}\n  l3000 = 1\n  self = local.self\n  big = [${items}]\n  product = flatten([for a in local.big : [for b in local.big : a * b]])\n}\nresource "aws_kms_key" "k" {\n  description = local.l0\n  policy = local.self\n  tags = { n = length(local.product) }\n}\n`,
    });
    const key = resource(all, 'aws_kms_key.k');
    assert.ok(key.attributes.description?.value instanceof Unknown);
    assert.ok(key.attributes.policy?.value instanceof Unknown);
    assert.ok(Date.now() - started < 20_000);
  });

  it('keeps file texts and literal credentials out of the serialised facts', async () => {
    const { facts: all } = await facts({ 'main.tf': 'resource "aws_db_instance" "db" {\n  password = "correct-horse-battery-staple"\n}\n' });
    const serialised = JSON.stringify(all);
    assert.ok(!serialised.includes('correct-horse-battery-staple'), serialised);
    assert.ok(all.texts.has('main.tf'));
  });

  it('reports a malformed file and keeps the others', async () => {
    const { facts: all, errors } = await facts({ 'bad.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = \n', 'good.tf': 'resource "aws_kms_key" "k" {}\n' });
    assert.equal(all.resources.length, 1);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.file, 'bad.tf');
    assert.match(errors[0]?.reason ?? '', /malformed HCL: line 2: unexpected end of line/);
  });
});
