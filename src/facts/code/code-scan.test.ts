import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinControls } from '../../controls/index.js';
import { scan } from '../../scan.js';
import { makeFixture, removeFixture } from '../../testing/fixture.js';
import { classify } from './code-scan.js';
import { cnpjValid, cpfValid, luhnValid } from '../code-rules/customer-data.js';
import { hostOf, isHarmlessHost } from '../code-rules/endpoints.js';
import { isProse, stringLiteralAt, withoutCredentials } from '../code-rules/text.js';

describe('code scan', () => {
  it('classifies first-party files and leaves out vendored, built and declaration files', () => {
    assert.equal(classify('src/app.ts')?.kind, 'source');
    assert.equal(classify('templates/base.html')?.kind, 'template');
    assert.equal(classify('config/.env.production')?.kind, 'config');
    assert.equal(classify('deploy/Dockerfile.prod')?.kind, 'script');
    assert.equal(classify('db/dump.sql')?.kind, 'data');
    assert.equal(classify('infra/main.tf')?.kind, 'iac');
    assert.equal(classify('src/app.test.ts')?.isTest, true);
    for (const skipped of ['node_modules/x/index.js', 'vendor/a.php', 'dist/app.js', 'public/app.min.js', 'types/index.d.ts', 'package-lock.json', 'README.md']) assert.equal(classify(skipped), undefined, skipped);
  });

  it('reads string literals with prefixes, escapes and triple quotes', () => {
    assert.deepEqual(stringLiteralAt(' f"SELECT {x}" % y', 0), { quote: '"', prefix: 'f', body: 'SELECT {x}', end: 14, terminated: true });
    assert.equal(stringLiteralAt("'it\\'s'", 0)?.body, "it\\'s");
    assert.equal(stringLiteralAt('"""a\n"b"\n"""', 0)?.body, 'a\n"b"\n');
    assert.equal(stringLiteralAt('`a ${b}`', 0)?.body, 'a ${b}');
    assert.equal(stringLiteralAt('name', 0), undefined);
    assert.equal(stringLiteralAt('"open', 0)?.terminated, false);
  });

  it('knows local, reserved and documentation hosts', () => {
    for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '192.168.0.1', '172.20.0.1', 'api.example.com', 'shop.test', 'x.invalid', 'redis', 'web.default.svc.cluster.local', 'www.w3.org', '${HOST}', '[::1]']) assert.ok(isHarmlessHost(host), host);
    for (const host of ['api.shop.io', '8.8.8.8', '172.32.0.1', 'example.io']) assert.ok(!isHarmlessHost(host), host);
    assert.equal(hostOf('user:pw@db.acme.io:5432'), 'db.acme.io');
  });

  it('checks Luhn digits and tells prose from settings', () => {
    assert.ok(luhnValid('4539148803436467'));
    assert.ok(!luhnValid('4539148803436468'));
    assert.ok(cpfValid('52998224725') && !cpfValid('52998224726') && !cpfValid('11111111111'));
    assert.ok(cnpjValid('11222333000181') && !cnpjValid('11222333000182'));
    assert.ok(isProse('evidence: no TLS verification disabled anywhere in the code base such as these settings here and there'));
    assert.ok(!isProse('  tls: false'));
  });

  it('stays linear on adversarial input', async () => {
    // Every rule set's keywords, so that no file is passed over by the prefilter.
    const keywords = 'md5 sha1 cipher random iv ssl tls sslmode :// verify execute query raw where nosec NOSONAR phone @ 1234 dump safe autoescape innerHTML dangerouslySetInnerHTML mark_safe allow deny Require aws:SourceIp\n';
    const long = (unit: string) => keywords + `${unit.repeat(Math.floor(1990 / unit.length))}\n`.repeat(150);
    const units = ['a', 'tls', 'ab ', '"', "'", '`', '(', '1 ', '1-', 'a.', 'a@', '@a.', 'http://', 'x = "', 'execute(', '.query(', 'createCipheriv(a,', '{{', '# nosec ', 'phone: 1', '<<EOF\n', 'allow 1;', '{', 'Require ip 1\n'];
    const files: Record<string, string> = {};
    units.forEach((unit, index) => {
      const text = long(unit);
      for (const name of [`src/f${index}.js`, `app/f${index}.py`, `f${index}.php`, `fixtures/f${index}.json`, `conf/f${index}.conf`, `f${index}.tf`, `seeds/f${index}.sql`]) files[name] = text;
    });
    const root = makeFixture(files);
    try {
      const controls = builtinControls.filter((control) => control.meta.domain === 'code');
      const started = process.hrtime.bigint();
      await scan({ path: root, controls });
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      // ~150 MB of pathological lines would take minutes if any pattern backtracked badly.
      assert.ok(elapsedMs < 20_000, `code scan took ${Math.round(elapsedMs)} ms`);
      if (process.env.TENET_TIMING) console.log(`adversarial code scan: ${Math.round(elapsedMs)} ms`);
    } finally {
      removeFixture(root);
    }
  });
});

describe('code scan evidence', () => {
  it('masks credentials in excerpts', () => {
    assert.equal(withoutCredentials('curl -k -H "Authorization: Bearer abcdef123456" https://x'), 'curl -k -H "Authorization: *** ***" https://x');
    assert.equal(withoutCredentials("redis://app:hunter2@cache.io password='p4ssw0rd!' api_key: AKIA1234"), "redis://app:***@cache.io password='***' api_key: ***");
  });
});
