import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHcl, parseHclTemplate, HclSyntaxError, type HclExpr } from './hcl.js';

function attr(text: string, name = 'a'): HclExpr {
  const body = parseHcl(text);
  const found = body.attributes.find((attribute) => attribute.name === name);
  assert.ok(found, `no attribute ${name}`);
  return found.expr;
}

describe('HCL parser', () => {
  it('reads blocks with labels, nested blocks and attribute lines', () => {
    const body = parseHcl(`# comment\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n\n  versioning {\n    enabled = true\n  }\n}\n`);
    const block = body.blocks[0];
    assert.equal(block?.type, 'resource');
    assert.deepEqual(block?.labels, ['aws_s3_bucket', 'logs']);
    assert.equal(block?.line, 2);
    assert.equal(block?.body.attributes[0]?.line, 3);
    assert.equal(block?.body.blocks[0]?.type, 'versioning');
    assert.equal(block?.body.blocks[0]?.line, 5);
    assert.equal(block?.body.blocks[0]?.body.attributes[0]?.line, 6);
  });

  it('reads single-line blocks and unquoted labels', () => {
    const body = parseHcl('locals { a = 1 }\nvariable x { default = 2 }\n');
    assert.equal(body.blocks.length, 2);
    assert.deepEqual(body.blocks[1]?.labels, ['x']);
  });

  it('parses literals, operators and precedence', () => {
    assert.deepEqual(attr('a = -1.5e2'), { kind: 'unary', op: '-', operand: { kind: 'literal', value: 150, line: 1 }, line: 1 });
    const expr = attr('a = 1 + 2 * 3 == 7 && !false');
    assert.equal(expr.kind, 'binary');
    assert.equal(expr.kind === 'binary' && expr.op, '&&');
  });

  it('parses templates with interpolation and escapes', () => {
    const expr = attr('a = "arn:${var.partition}:s3:::\\"x\\"/$${literal}"');
    assert.equal(expr.kind, 'template');
    if (expr.kind !== 'template') return;
    assert.equal(expr.parts[0], 'arn:');
    assert.equal(typeof expr.parts[1], 'object');
    assert.equal(expr.parts[2], ':s3:::"x"/${literal}');
  });

  it('parses heredocs, indented heredocs and keeps the next attribute line', () => {
    const body = parseHcl('a = <<EOF\n{"Version": "${var.v}"}\nEOF\nb = <<-EOT\n    hello\n      world\n    EOT\nc = 1\n');
    const b = body.attributes[1]?.expr;
    assert.equal(b?.kind === 'template' && b.parts.join(''), 'hello\n  world\n');
    assert.equal(body.attributes[2]?.line, 8);
  });

  it('parses traversals, splats, calls, conditionals and multi-line collections', () => {
    const expr = attr('a = var.enabled ? aws_kms_key.main[0].arn : null\nb = concat(\n  ["x", "y"],\n  local.more...,\n)\nc = aws_instance.web[*].id\nd = {\n  Effect = "Allow"\n  "Action": ["*"],\n}\n');
    assert.equal(expr.kind, 'conditional');
    const call = attr('b = concat(\n  ["x", "y"],\n  local.more...,\n)', 'b');
    assert.equal(call.kind === 'call' && call.expandLast, true);
    const object = parseHcl('d = {\n  Effect = "Allow"\n  "Action": ["*"],\n}\n').attributes[0]?.expr;
    assert.equal(object?.kind === 'object' && object.items.length, 2);
  });

  it('parses for expressions', () => {
    const list = attr('a = [for s in var.list : upper(s) if s != ""]');
    assert.equal(list.kind === 'for' && !list.object && list.condition !== undefined, true);
    const map = attr('a = {for k, v in var.map : k => v...}');
    assert.equal(map.kind === 'for' && map.object && map.grouped && map.keyVar === 'k', true);
  });

  it('parses dynamic blocks and comments of every style', () => {
    const body = parseHcl('resource "x" "y" {\n  // line\n  /* block */\n  dynamic "ingress" {\n    for_each = var.rules\n    content {\n      from_port = ingress.value.port\n    }\n  }\n}\n');
    assert.equal(body.blocks[0]?.body.blocks[0]?.type, 'dynamic');
  });

  it('marks templates with directives', () => {
    const expr = attr('a = "%{ if var.x }yes%{ endif }"');
    assert.equal(expr.kind === 'template' && expr.directive, true);
  });

  it('parses a template from a JSON string', () => {
    const expr = parseHclTemplate('${aws_kms_key.main.arn}');
    assert.equal(expr.kind === 'template' && expr.parts.length, 1);
  });

  it('parses constructs common in published modules', () => {
    const text = [
      'module "network" {',
      '  source = "../../"',
      '  private = [for k, v in local.zones : cidrsubnet(local.cidr, 8, k + 4)]',
      '  tags_per_zone = { "${local.region}a" = { Zone = "a" } }',
      '  configs = [',
      '    for v in module.base.subnets :',
      '    {',
      '      ipv4 = cidrhost(v.cidr_block, 10)',
      '      id   = v.id',
      '    }',
      '  ]',
      '  rules = {',
      '    one = { port = 1 },',
      '    two = {',
      '      port = 2',
      '    }',
      '    three = { port = 3 }',
      '  }',
      '  name = provider::aws::arn_parse(var.arn).resource',
      '  flag = !var.disabled && length(var.list) > 0 ? "on" : "off"',
      '  splat = aws_instance.web.*.id',
      '}',
    ].join('\n');
    const body = parseHcl(text);
    const module = body.blocks[0];
    assert.equal(module?.body.attributes.length, 8);
    assert.equal(module?.body.attributes.find((attribute) => attribute.name === 'rules')?.line, 12);
    assert.equal(module?.body.attributes.at(-1)?.line, 21);
  });

  it('rejects malformed input with a line number', () => {
    for (const text of ['resource "x" "y" {\n  a = \n}\n', 'a = "unterminated\n', 'resource "x" {\n', 'a = [1, 2\n', 'a = 1 b = 2\n', '}\n']) {
      assert.throws(() => parseHcl(text), HclSyntaxError, text);
    }
  });

  it('rejects pathological nesting without overflowing the stack', () => {
    assert.throws(() => parseHcl(`a = ${'['.repeat(5000)}`), HclSyntaxError);
    assert.throws(() => parseHcl(`${'a {\n'.repeat(5000)}`), HclSyntaxError);
  });
});
