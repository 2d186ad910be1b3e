import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadGitleaksConfig, translateGoRegex } from './gitleaks.js';
import { SecretMatcher } from './matcher.js';
import { builtinRules } from './rules/index.js';
import { FakeSecrets } from './samples.js';
import { scan } from '../scan.js';
import control from '../controls/secrets/no-secrets-in-tree.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tenet-gitleaks-'));
const fake = new FakeSecrets(12);
const write = (name: string, text: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

const CONFIG = `
title = "team rules"

[[rules]]
id = "acme-internal-token"
description = "ACME internal API token"
regex = '''(?i)\\b(acme_[a-z0-9]{32})\\b'''
keywords = ["acme_"]
entropy = 3.0

  [[rules.allowlists]]
  stopwords = ["acme_0000"]
  paths = ['''(^|/)docs/''']

  [[rules.allowlists]]
  regexTarget = "match"
  regexes = ['''^ACME_''']

[[rules]]
id = "named-group"
regex = '''corp-(?P<token>[A-Z]{4}\\d{6})'''
secretGroup = 1
keywords = ["corp-"]

[[rules]]
id = "cannot-translate"
regex = '''(?-i)[a-z]{10}'''

[[rules]]
id = "path-only"
path = '''\\.p12$'''

[allowlist]
paths = ['''vendor/''']
`;

describe('gitleaks configuration import', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('translates RE2 syntax: leading flags, named groups, \\A and \\z, \\Q…\\E, POSIX classes', () => {
    assert.deepEqual(translateGoRegex('(?i)abc'), { source: 'abc', flags: 'i', notes: [] });
    const named = translateGoRegex('(?P<x>a)\\z');
    assert.ok(!('error' in named) && named.source === '(?<x>a)$');
    const quoted = translateGoRegex('\\Qa.b\\E[[:digit:]]');
    assert.ok(!('error' in quoted) && quoted.source === 'a\\.b[0-9]');
    assert.ok('error' in translateGoRegex('(?U)a+'));
  });

  it('imports rules with keywords, entropy, secret group and allowlists, and replaces the built-ins', () => {
    const loaded = loadGitleaksConfig(write('replace.toml', CONFIG), builtinRules);
    assert.equal(loaded.fatal, undefined);
    assert.deepEqual(loaded.rules.map((rule) => rule.id), ['acme-internal-token', 'named-group']);
    const matcher = new SecretMatcher(loaded.rules);
    const value = 'acme_' + fake.hex(32);
    assert.equal(matcher.scanText(`token = "${value}"\n`, 'src/a.ts')[0]?.rule.id, 'acme-internal-token');
    assert.equal(matcher.scanText(`token = "${value}"\n`, 'docs/a.md').length, 0, 'rule allowlist path');
    assert.equal(matcher.scanText(`token = "${value}"\n`, 'vendor/a.ts').length, 0, 'global allowlist path');
    assert.equal(matcher.scanText('x corp-ABCD123456 y\n', 'a.txt')[0]?.secret, 'ABCD123456');
    assert.equal(matcher.scanText(`ACME_${fake.hex(32)}\n`, 'a.txt').length, 0, 'allowlist with regexTarget match');
  });

  it('reports what it cannot translate instead of dropping it silently', () => {
    const { problems } = loadGitleaksConfig(write('problems.toml', CONFIG), builtinRules);
    assert.ok(problems.some((problem) => problem.startsWith('rule cannot-translate: regex cannot be translated')), problems.join('\n'));
    assert.ok(problems.some((problem) => problem.startsWith('rule path-only: has no regex')), problems.join('\n'));
  });

  it('[extend] useDefault keeps the built-in rules, disabledRules removes some', () => {
    const file = write('extend.toml', `[extend]\nuseDefault = true\ndisabledRules = ["jwt"]\n${CONFIG}`);
    const { rules } = loadGitleaksConfig(file, builtinRules);
    assert.equal(rules.length, builtinRules.length - 1 + 2);
    assert.ok(!rules.some((rule) => rule.id === 'jwt'));
  });

  it('a broken file is fatal', () => {
    assert.ok(loadGitleaksConfig(write('broken.toml', '[[rules]\n'), builtinRules).fatal);
  });

  it('is used by a scan through the secretsConfig option, with problems in errors[]', async () => {
    const configFile = write('scan.toml', CONFIG);
    const root = makeFixture({ 'src/a.ts': `const t = "acme_${fake.hex(32)}";\n` });
    try {
      const result = await scan({ path: root, controls: [control], config: {}, extra: { secretsConfig: configFile } });
      assert.equal(result.controls[0]?.status, 'fail');
      assert.equal(result.controls[0]?.findings[0]?.properties?.rule, 'acme-internal-token');
      assert.ok(result.errors.some((error) => error.reason.includes('cannot-translate')));
    } finally {
      removeFixture(root);
    }
  });
});
