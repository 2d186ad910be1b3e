import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson } from '../json.js';
import { packageJsonDependencies } from './package-json.js';

describe('package.json dependencies', () => {
  it('reads sections with lines, VCS pins, local paths, workspaces and engines', () => {
    const text = JSON.stringify(
      {
        dependencies: { a: '^1.0.0', b: 'github:x/b', c: 'git+https://github.com/x/c.git#0123456789abcdef0123456789abcdef01234567', d: 'file:../d', e: 'x/e#main' },
        devDependencies: { t: 'latest' },
        peerDependencies: { react: '*' },
        workspaces: { packages: ['packages/*'] },
        engines: { node: '>=22' },
      },
      null,
      2,
    );
    const manifest = packageJsonDependencies(parseJson(text));
    assert.deepEqual(
      manifest.dependencies.map((dependency) => [dependency.name, dependency.spec, dependency.dev, dependency.line, dependency.vcs?.pinnedToCommit, dependency.local]),
      [
        ['a', '^1.0.0', false, 3, undefined, undefined],
        ['b', 'github:x/b', false, 4, false, undefined],
        ['c', 'git+https://github.com/x/c.git#0123456789abcdef0123456789abcdef01234567', false, 5, true, undefined],
        ['d', 'file:../d', false, 6, undefined, true],
        ['e', 'x/e#main', false, 7, false, undefined],
        ['t', 'latest', true, 10, undefined, undefined],
      ],
    );
    assert.deepEqual(manifest.workspaces, ['packages/*']);
    assert.equal(manifest.engines, '>=22');
  });
});
