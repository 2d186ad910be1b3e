import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeywordPrefilter } from './prefilter.js';
import { SecretMatcher, secretFingerprint } from './matcher.js';
import { builtinRules } from './rules/index.js';
import { FakeSecrets } from './samples.js';
import { plantedSecrets } from './fixtures.js';
import { parseIgnoreFile } from './ignore-file.js';
import { shannonEntropy } from './entropy.js';

const fake = new FakeSecrets(99);
const matcher = new SecretMatcher(builtinRules);
const [githubPat] = plantedSecrets(77).map((secret) => secret.value) as [string];

describe('keyword prefilter', () => {
  it('finds every keyword, case-insensitively, including overlapping ones', () => {
    const filter = new KeywordPrefilter(['akia', 'kia_', 'ghp_', 'xoxb-']);
    const found = new Uint8Array(4);
    assert.equal(filter.scan(Buffer.from('key AKIA_ and GhP_x'), found), 3);
    assert.deepEqual([...found], [1, 1, 1, 0]);
  });

  it('selects no rule for text without keywords', () => {
    assert.deepEqual(matcher.candidates(Buffer.from('plain prose without anything of interest\n')), []);
  });
});

describe('secret matcher', () => {
  it('reports a line, a fingerprint of rule and secret, and a short redacted prefix', () => {
    const [hit] = matcher.scanText(`\n\nconst t = "${githubPat}";\n`, 'a.ts');
    assert.equal(hit?.line, 3);
    assert.equal(hit?.fingerprint, secretFingerprint('github-pat', githubPat));
    assert.equal(hit?.redacted, 'ghp_********');
  });

  it('keeps the more specific rule where matches overlap', () => {
    const hits = matcher.scanText(`GITHUB_TOKEN = "${githubPat}"\n`, 'a.env');
    assert.deepEqual(hits.map((hit) => hit.rule.id), ['github-pat']);
  });

  it('honours tenet:allow on the line, gitleaks:allow, and tenet:allow-next-line above it', () => {
    assert.equal(matcher.scanText(`t = "${githubPat}" # tenet:allow\n`, 'a.py')[0]?.allowedBy, 'a.py:1');
    assert.equal(matcher.scanText(`t = "${githubPat}" # gitleaks:allow\n`, 'a.py')[0]?.allowedBy, 'a.py:1');
    assert.equal(matcher.scanText(`# tenet:allow-next-line\nt = "${githubPat}"\n`, 'a.py')[0]?.allowedBy, 'a.py:1');
    assert.equal(matcher.scanText(`# unrelated\nt = "${githubPat}"\n`, 'a.py')[0]?.allowedBy, undefined);
  });

  it('keeps the words of a tenet:allow comment as its reason, with token-like words redacted', () => {
    assert.equal(matcher.scanText(`t = "${githubPat}" /* tenet:allow: sandbox key, revoked */\n`, 'a.c')[0]?.allowReason, 'sandbox key, revoked');
    const reason = matcher.scanText(`t = "${githubPat}" # tenet:allow copy of ${githubPat}\n`, 'a.py')[0]?.allowReason ?? '';
    assert.ok(reason.startsWith('copy of ghp_') && !reason.includes(githubPat.slice(4, 16)), reason.slice(0, 12));
  });

  it('ignores secret-shaped text inside base64 data URIs and generic matches in minified bundles', () => {
    assert.equal(matcher.scanText(`url(data:image/png;base64,${fake.base64(100)}${githubPat}${fake.base64(10)})`, 'a.css').length, 0);
    const longLine = `var a=1;${'x=1;'.repeat(2000)}var config={apiKey:"${fake.alnum(32)}"};`;
    assert.equal(matcher.scanText(longLine, 'dist/app.js').length, 0);
    assert.equal(matcher.scanText(`${longLine}var t="${githubPat}";`, 'dist/app.js').length, 1, 'high-confidence tokens still count');
  });

  it('ignores code, references and names in generic assignments', () => {
    for (const line of [
      'password = os.environ["DB_PASSWORD"]',
      'token: ${{ secrets.GITHUB_TOKEN }}',
      'api_key = config.settings.apiKey',
      'secret_name = "DATABASE_PASSWORD_SECRET"',
      'token_path = "/var/run/secrets/token"',
      'password: "{{ .Values.password }}"',
      'private_key = getPrivateKey2()',
      'integrity: sha512-abcdef0123456789abcdef',
    ]) {
      assert.equal(matcher.scanText(`${line}\n`, 'a.yml').length, 0, line);
    }
  });

  it('ignores the AWS documentation example key', () => {
    assert.equal(matcher.scanText('aws_access_key_id=AKIA' + 'IOSFODNN7EXAMPLE\naws_secret_access_key=wJalrXUtnFEMI' + '/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY\n', 'a.ini').length, 0);
  });
});

describe('ignore file and entropy', () => {
  it('reads fingerprints with reasons and line sources, skipping comments and junk', () => {
    const entries = parseIgnoreFile('# header\n0123456789abcdef # rotated\nnot-a-fingerprint\nfedcba9876543210\n', '.tenetignore-secrets');
    assert.deepEqual([...entries.keys()], ['0123456789abcdef', 'fedcba9876543210']);
    assert.deepEqual(entries.get('0123456789abcdef'), { kind: 'ignore-file', reason: 'rotated', source: '.tenetignore-secrets:2' });
  });

  it('measures Shannon entropy in bits per character', () => {
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
  });
});

describe('match pool', () => {
  it('matches batches on a worker thread and reports fingerprints, never secrets', async () => {
    const { MatchPool } = await import('./match-pool.js');
    const received: { path: string; ruleId: string; line: number }[] = [];
    const pool = new MatchPool(
      {},
      1,
      (entries, response) => {
        for (const hit of response.hits) received.push({ path: entries.find((entry) => entry.index === hit.entry)?.path ?? '', ruleId: hit.ruleId, line: hit.line });
        assert.ok(!JSON.stringify(response).includes(githubPat));
      },
      () => undefined,
    );
    pool.add(0, 'a.ts', Buffer.from(`\nconst t = "${githubPat}";\n`));
    pool.add(1, 'b.ts', Buffer.from('nothing here\n'));
    pool.add(2, 'c.bin', Buffer.from([0, 1, 2]));
    await pool.finish();
    assert.deepEqual(received, [{ path: 'a.ts', ruleId: 'github-pat', line: 2 }]);
  });
});
