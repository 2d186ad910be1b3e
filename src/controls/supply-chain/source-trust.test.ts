import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ALLOWED_REGISTRIES, judgeSource } from './source-trust.js';

describe('judgeSource', () => {
  const cases: [string, boolean, RegExp?][] = [
    ['https://registry.npmjs.org/a/-/a-1.0.0.tgz', true],
    ['https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#abc', true],
    ['https://pypi.org/simple', true],
    ['https://github.com/rust-lang/crates.io-index', true],
    ['https://index.crates.io/', true],
    ['https://api.github.com/repos/symfony/console/zipball/abc', true],
    ['https://github.com/evil/crates.io-index', false, /github.com/],
    ['https://registry.npmjs.org.evil.com/a.tgz', false, /not an allowed registry/],
    ['http://registry.npmjs.org/a/-/a-1.0.0.tgz', false, /plain http/],
    ['git+ssh://git@github.com/x/y.git#abc', false, /git repository/],
    ['github:x/y#abc', false, /git repository/],
    ['https://github.com/x/y.git#abc', false, /git repository/],
    ['file:../vendor/a.tgz', false, /local file/],
    ['ftp://example.com/a.tgz', false, /ftp/],
    ['not a url', false, /unrecognised/],
  ];
  for (const [source, trusted, why] of cases) {
    it(`${trusted ? 'trusts' : 'rejects'} ${source}`, () => {
      const verdict = judgeSource(source, DEFAULT_ALLOWED_REGISTRIES);
      assert.equal(verdict.trusted, trusted);
      if (!verdict.trusted && why) assert.match(verdict.why, why);
    });
  }
});
