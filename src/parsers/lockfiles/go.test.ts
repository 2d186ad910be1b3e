import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGoMod, parseGoSum } from './go.js';

const GO_MOD = `module example.com/app

go 1.22

require github.com/a/direct v1.2.3

require (
	github.com/b/indirect v0.0.0-20240101000000-abcdefabcdef // indirect
	github.com/c/missing v1.0.0
	github.com/d/local v1.0.0
)

replace github.com/d/local => ../local
`;

const GO_SUM = `github.com/a/direct v1.2.3 h1:aaa=
github.com/a/direct v1.2.3/go.mod h1:bbb=
github.com/b/indirect v0.0.0-20240101000000-abcdefabcdef h1:ccc=
github.com/e/graphonly v1.0.0/go.mod h1:ddd=
`;

describe('go.mod and go.sum parsers', () => {
  it('reads require directives, indirect markers and local replacements', () => {
    const mod = parseGoMod(GO_MOD);
    assert.equal(mod.module, 'example.com/app');
    assert.equal(mod.go, '1.22');
    assert.deepEqual(mod.requires.map((requirement) => [requirement.module, requirement.indirect, requirement.line]), [
      ['github.com/a/direct', false, 5],
      ['github.com/b/indirect', true, 8],
      ['github.com/c/missing', false, 9],
      ['github.com/d/local', false, 10],
    ]);
    assert.deepEqual([...mod.replacedLocally], ['github.com/d/local']);
  });

  it('lists built modules with their hashes and flags go.mod requirements go.sum lacks', () => {
    const info = parseGoSum('go.sum', GO_SUM, parseGoMod(GO_MOD));
    assert.deepEqual(
      info.packages.map((pkg) => [pkg.name, pkg.version, pkg.line, pkg.direct, pkg.hashes]),
      [
        ['github.com/a/direct', 'v1.2.3', 1, true, ['h1:aaa=']],
        ['github.com/b/indirect', 'v0.0.0-20240101000000-abcdefabcdef', 3, false, ['h1:ccc=']],
        ['github.com/c/missing', 'v1.0.0', undefined, true, []],
      ],
    );
  });

  it('rejects lines that are not go.sum entries', () => {
    assert.throws(() => parseGoSum('go.sum', 'not a go.sum line\n'));
  });
});
