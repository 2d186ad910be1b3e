import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGemfileLock } from './gemfile.js';

const LOCK = `GIT
  remote: https://github.com/x/widget.git
  revision: 0123abcd
  specs:
    widget (2.0.0.beta1)

PATH
  remote: .
  specs:
    mygem (0.1.0)

GEM
  remote: https://rubygems.org/
  specs:
    nokogiri (1.15.0-x86_64-linux)
      racc (~> 1.4)
    racc (1.7.3)
    rspec (3.13.0)

PLATFORMS
  x86_64-linux

DEPENDENCIES
  mygem!
  nokogiri
  rspec (~> 3.0)
  widget!

CHECKSUMS
  nokogiri (1.15.0-x86_64-linux) sha256=aaa
  racc (1.7.3) sha256=bbb

BUNDLED WITH
   2.5.6
`;

describe('Gemfile.lock parser', () => {
  it('reads specs per source, platform versions, checksums, direct gems and dev groups', () => {
    const info = parseGemfileLock({ file: 'Gemfile.lock', text: LOCK, declared: { prod: new Set(['nokogiri', 'widget']), dev: new Set(['rspec']) } });
    assert.deepEqual(
      info.packages.map((pkg) => [pkg.name, pkg.version, pkg.line, pkg.direct, pkg.dev, pkg.hashes, pkg.resolved, pkg.dependents]),
      [
        ['widget', '2.0.0.beta1', 5, true, false, [], 'git+https://github.com/x/widget.git@0123abcd', undefined],
        ['nokogiri', '1.15.0', 15, true, false, ['sha256=aaa'], 'https://rubygems.org/', undefined],
        ['racc', '1.7.3', 17, false, false, ['sha256=bbb'], 'https://rubygems.org/', ['nokogiri']],
        ['rspec', '3.13.0', 18, true, true, [], 'https://rubygems.org/', undefined],
      ],
    );
  });

  it('rejects text without any Gemfile.lock section', () => {
    assert.throws(() => parseGemfileLock({ file: 'Gemfile.lock', text: 'hello\n' }));
  });
});
