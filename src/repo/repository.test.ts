import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Repository } from './repository.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';

const files = {
  '.gitignore': 'build/\n*.log\n!keep.log\n',
  'src/.gitignore': 'generated.ts\n',
  'src/index.ts': '',
  'src/generated.ts': '',
  'build/out.js': '',
  'debug.log': '',
  'keep.log': '',
  'node_modules/x/index.js': '',
  'vendor/lib.js': '',
};

describe('the repository model', () => {
  for (const git of [false, true]) {
    it(`honours nested .gitignore files and config excludes (${git ? 'git work tree' : 'plain directory'})`, async () => {
      const root = makeFixture(files, { git: false });
      try {
        if (git) {
          const { gitIn } = await import('../testing/fixture.js');
          gitIn(root, 'init', '-q', '-b', 'main');
        }
        const repo = await Repository.open(root, { exclude: ['vendor/**'] });
        assert.deepEqual(
          repo.files.map((file) => file.path),
          ['.gitignore', 'keep.log', 'src/.gitignore', 'src/index.ts'],
        );
        assert.equal(repo.git !== undefined, git);
      } finally {
        removeFixture(root);
      }
    });
  }

  it('scans a subdirectory of a work tree with paths relative to it', async () => {
    const root = makeFixture({ 'app/package.json': '{}', 'other/x.txt': '' }, { git: true });
    try {
      const repo = await Repository.open(`${root}/app`);
      assert.deepEqual(repo.files.map((file) => file.path), ['package.json']);
      assert.match(repo.git?.head ?? '', /^[0-9a-f]{40}$/);
    } finally {
      removeFixture(root);
    }
  });

  it('parses each document once and reports a malformed one once', async () => {
    const root = makeFixture({ 'a.json': '{"x": 1}', 'b.json': '{' });
    try {
      const repo = await Repository.open(root);
      assert.equal(repo.json('a.json'), repo.json('a.json'));
      assert.equal(repo.json('b.json'), undefined);
      assert.equal(repo.json('b.json'), undefined);
      assert.equal(repo.errors.filter((error) => error.file === 'b.json').length, 1);
    } finally {
      removeFixture(root);
    }
  });
});
