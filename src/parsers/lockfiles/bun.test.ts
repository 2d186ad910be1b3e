import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blankJsonc, parseBunLockfile } from './bun.js';

const LOCK = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "app",
      "dependencies": {
        "react": "^18.2.0",
        "shared": "workspace:*",
      },
      "devDependencies": {
        "typescript": "^5.0.0",
      },
    },
  },
  "packages": {
    "shared": ["shared@workspace:packages/shared"],

    "js-tokens": ["js-tokens@4.0.0", "", {}, "sha512-jjj"],

    "loose-envify": ["loose-envify@1.4.0", "", { "dependencies": { "js-tokens": "^3.0.0 || ^4.0.0" } }, "sha512-lll"],

    "react": ["react@18.2.0", "https://registry.npmjs.org/react/-/react-18.2.0.tgz", { "dependencies": { "loose-envify": "^1.1.0" } }, "sha512-rrr"],

    "typescript": ["typescript@5.0.2", "", { "bin": { "tsc": "bin/tsc" } }, "sha512-ttt"],

    "widget": ["widget@github:x/widget#0123abc", {}, "0123abc"], // a git dependency
  }
}
`;

describe('bun.lock parser', () => {
  it('reads registry and git entries, integrity, lines and the graph from workspaces', () => {
    const info = parseBunLockfile({ file: 'bun.lock', text: LOCK });
    assert.equal(info.format, 'bun-v1');
    assert.deepEqual(
      info.packages.map((pkg) => [pkg.name, pkg.version, pkg.line, pkg.direct, pkg.dev, pkg.hashes, pkg.resolved, pkg.dependents]),
      [
        ['js-tokens', '4.0.0', 18, false, false, ['sha512-jjj'], undefined, ['loose-envify']],
        ['loose-envify', '1.4.0', 20, false, false, ['sha512-lll'], undefined, ['react']],
        ['react', '18.2.0', 22, true, false, ['sha512-rrr'], 'https://registry.npmjs.org/react/-/react-18.2.0.tgz', undefined],
        ['typescript', '5.0.2', 24, true, true, ['sha512-ttt'], undefined, undefined],
        ['widget', 'github:x/widget#0123abc', 26, false, false, [], 'github:x/widget#0123abc', undefined],
      ],
    );
  });

  it('blanks comments and trailing commas without moving anything', () => {
    const text = '{"a": "x // not a comment", /* c */ "b": [1, 2,],\n// line\n}';
    const blanked = blankJsonc(text);
    assert.equal(blanked.length, text.length);
    assert.deepEqual(JSON.parse(blanked), { a: 'x // not a comment', b: [1, 2] });
  });
});
