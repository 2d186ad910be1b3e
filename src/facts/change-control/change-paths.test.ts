import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyPath, type PathKind } from './change-paths.js';
import { parseDiffTree } from './default-branch-changes.js';

describe('changed-path classification', () => {
  const table: [string, PathKind][] = [
    ['src/app.ts', 'source'],
    ['lib/server.py', 'source'],
    ['cmd/main.go', 'source'],
    ['src/app.test.ts', 'test'],
    ['src/app.spec.js', 'test'],
    ['src/__tests__/app.tsx', 'test'],
    ['pkg/handler_test.go', 'test'],
    ['tests/test_models.py', 'test'],
    ['test_views.py', 'test'],
    ['src/test/java/com/acme/AppTest.java', 'test'],
    ['spec/models/user_spec.rb', 'test'],
    ['README.md', 'other'],
    ['package.json', 'other'],
    ['jest.config.js', 'other'],
    ['.eslintrc.cjs', 'other'],
    ['types/global.d.ts', 'other'],
    ['node_modules/x/index.js', 'other'],
    ['dist/app.js', 'other'],
    ['Makefile', 'other'],
  ];
  for (const [file, kind] of table) it(`${file} is ${kind}`, () => assert.equal(classifyPath(file), kind));
});

describe('diff-tree output', () => {
  it('splits commits and NUL-separated paths', () => {
    const output = '\x01aaa\0\nsrc/a.ts\0we ird.ts\0\x01bbb\0\nc.md\0\x01ccc\0';
    assert.deepEqual([...parseDiffTree(output)], [['aaa', ['src/a.ts', 'we ird.ts']], ['bbb', ['c.md']], ['ccc', []]]);
  });
});
