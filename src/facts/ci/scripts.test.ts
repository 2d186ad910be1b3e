import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMakefile } from './scripts.js';

describe('parseMakefile', () => {
  it('reads targets, prerequisites and recipes, skipping variables and special targets', () => {
    const makefile = parseMakefile('CC := gcc\n.PHONY: all test\nall test: build ; echo inline\n\t@go test \\\n\t  ./...\n\n# comment\nbuild:\n\t-go build\nFOO=bar\n');
    assert.equal(makefile.first, 'all');
    assert.deepEqual(makefile.targets.get('test'), { line: 3, prerequisites: ['build'], recipe: [{ text: 'echo inline', line: 3 }, { text: 'go test ./...', line: 4 }] });
    assert.deepEqual(makefile.targets.get('build')?.recipe, [{ text: 'go build', line: 9 }]);
    assert.equal(makefile.targets.get('build')?.line, 8);
    assert.equal(makefile.targets.has('CC'), false);
  });
  it('reads CRLF files', () => {
    assert.deepEqual(parseMakefile('test: lint\r\n\tpytest\r\n').targets.get('test')?.recipe, [{ text: 'pytest', line: 2 }]);
  });
});
