import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileLink, githubRepositoryOf } from './links.js';

const target = (url: string, commit?: string) => ({ path: '/r', commit, remotes: [{ name: 'upstream', url: 'https://github.com/other/fork.git' }, { name: 'origin', url }] });

test('the GitHub repository comes from origin in any usual remote form', () => {
  for (const url of ['https://github.com/o/r.git', 'https://github.com/o/r', 'https://x-access-token:secret@github.com/o/r.git', 'git@github.com:o/r.git', 'ssh://git@github.com/o/r.git', 'https://github.com/o/r/']) {
    assert.deepEqual(githubRepositoryOf(target(url)), { owner: 'o', name: 'r' }, url);
  }
  assert.equal(githubRepositoryOf(target('https://gitlab.com/o/r.git')), undefined, 'an origin elsewhere wins over a GitHub fork');
  assert.deepEqual(githubRepositoryOf({ path: '/r', remotes: [{ name: 'upstream', url: 'git@github.com:u/r.git' }] }), { owner: 'u', name: 'r' });
  assert.equal(githubRepositoryOf({ path: '/r', remotes: [{ name: 'origin', url: 'https://github.com.evil.example/o/r' }] }), undefined);
  assert.equal(githubRepositoryOf({ path: '/r' }), undefined);
});

test('file links pin the commit on GitHub, and are relative otherwise', () => {
  const sha = 'a'.repeat(40);
  assert.equal(fileLink(target('git@github.com:o/r.git', sha), { file: 'src/a b.ts', line: 7 }), `https://github.com/o/r/blob/${sha}/src/a%20b.ts#L7`);
  assert.equal(fileLink(target('git@github.com:o/r.git'), { file: 'src/a.ts' }), 'src/a.ts', 'no commit, no blob link');
  assert.equal(fileLink(target('git@github.com:o/r.git', 'main;rm'), { file: 'a.ts', line: 1 }), 'a.ts#L1', 'only a hex commit is trusted in a URL');
  assert.equal(fileLink(target('git@github.com:o/r.git', sha), {}), undefined);
});
