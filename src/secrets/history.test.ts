import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scan } from '../scan.js';
import control from '../controls/secrets/no-secrets-in-history.js';
import treeControl from '../controls/secrets/no-secrets-in-tree.js';
import { gitIn, makeFixture, removeFixture, writeFiles } from '../testing/fixture.js';
import { plantedSecrets } from './fixtures.js';
import type { Finding, ScanResult } from '../core/result.js';

const [deleted, branch, moved, merged] = plantedSecrets(21).map((secret) => secret.value) as [string, string, string, string];

function commitAt(root: string, date: string, message: string): string {
  process.env.GIT_AUTHOR_DATE = date;
  process.env.GIT_COMMITTER_DATE = date;
  gitIn(root, 'add', '-A');
  gitIn(root, 'commit', '-q', '-m', message);
  return gitIn(root, 'rev-parse', 'HEAD').trim();
}

/**
 * Several branches, a secret added then deleted, one moved between files, one on a branch, one
 * introduced by the merge itself, and a blob that has gone missing from the object store.
 */
function buildRepository(): { root: string; commits: Record<string, string>; missingBlob: string } {
  const root = makeFixture({ 'README.md': '# demo\n' });
  gitIn(root, 'init', '-q', '-b', 'main');
  const commits: Record<string, string> = {};
  commits.initial = commitAt(root, '2026-01-01T00:00:00Z', 'initial');
  writeFiles(root, { 'config.ts': `export const token = "${deleted}";\n` });
  commits.addDeleted = commitAt(root, '2026-01-02T00:00:00Z', 'add config');
  rmSync(path.join(root, 'config.ts'));
  commits.removeDeleted = commitAt(root, '2026-01-03T00:00:00Z', 'remove config');
  writeFiles(root, { 'old.ts': `// settings\nexport const key = "${moved}";\n` });
  commits.addMoved = commitAt(root, '2026-01-04T00:00:00Z', 'add old');
  rmSync(path.join(root, 'old.ts'));
  writeFiles(root, { 'lib/new.ts': `export const other = 1;\nexport const key = "${moved}";\n` });
  commits.move = commitAt(root, '2026-01-05T00:00:00Z', 'move to new');
  gitIn(root, 'update-index', '--add', '--cacheinfo', `160000,${commits.initial},vendor/submodule`);
  process.env.GIT_COMMITTER_DATE = '2026-01-05T12:00:00Z';
  gitIn(root, 'commit', '-q', '-m', 'add a submodule');
  commits.submodule = gitIn(root, 'rev-parse', 'HEAD').trim();
  gitIn(root, 'checkout', '-q', '-b', 'feature', commits.initial);
  writeFiles(root, { 'feature.ts': `export const slack = "${branch}";\n` });
  commits.feature = commitAt(root, '2026-01-06T00:00:00Z', 'feature');
  gitIn(root, 'checkout', '-q', '-b', 'lost', commits.initial);
  writeFiles(root, { 'lost.txt': 'nothing secret, but soon missing\n' });
  commits.lost = commitAt(root, '2026-01-06T12:00:00Z', 'lost');
  const missingBlob = gitIn(root, 'rev-parse', 'HEAD:lost.txt').trim();
  gitIn(root, 'checkout', '-q', 'main');
  process.env.GIT_AUTHOR_DATE = '2026-01-07T00:00:00Z';
  process.env.GIT_COMMITTER_DATE = '2026-01-07T00:00:00Z';
  gitIn(root, 'merge', '-q', '--no-ff', '--no-commit', 'feature');
  writeFiles(root, { 'merge.ts': `export const key = "${merged}";\n` });
  commits.merge = commitAt(root, '2026-01-07T00:00:00Z', 'merge feature');
  rmSync(path.join(root, '.git', 'objects', missingBlob.slice(0, 2), missingBlob.slice(2)));
  delete process.env.GIT_AUTHOR_DATE;
  delete process.env.GIT_COMMITTER_DATE;
  return { root, commits, missingBlob };
}

describe('history scan', () => {
  let repo: ReturnType<typeof buildRepository>;
  let result: ScanResult;
  let findings: Finding[];
  before(async () => {
    repo = buildRepository();
    result = await scan({ path: repo.root, controls: [control], config: {} });
    findings = result.controls[0]?.findings ?? [];
  });
  after(() => removeFixture(repo.root));

  it('reports each secret exactly once, whatever the number of blobs and commits holding it', () => {
    assert.equal(result.controls[0]?.status, 'fail');
    assert.equal(findings.length, 4, findings.map((f) => `${f.file}: ${f.message}`).join('\n'));
  });

  it('attributes each to the commit, author, date and path where it first appeared', () => {
    const expect = (file: string, commit: string, inHead: boolean, date: string): void => {
      const finding = findings.find((candidate) => candidate.file === file);
      assert.ok(finding, `no finding in ${file}`);
      assert.equal(finding.properties?.commit, commit, file);
      assert.equal(finding.properties?.inHead, String(inHead), file);
      assert.equal(finding.properties?.author, 'Test Author <author@example.com>');
      assert.ok(finding.properties?.date?.startsWith(date), `${file}: ${finding.properties?.date}`);
    };
    expect('config.ts', repo.commits.addDeleted ?? '', false, '2026-01-02');
    expect('old.ts', repo.commits.addMoved ?? '', true, '2026-01-04');
    expect('feature.ts', repo.commits.feature ?? '', true, '2026-01-06');
    expect('merge.ts', repo.commits.merge ?? '', true, '2026-01-07');
  });

  it('reports the missing object in errors and keeps going; a submodule is no error', () => {
    assert.ok(result.errors.some((error) => error.reason.includes(repo.missingBlob)), JSON.stringify(result.errors));
    assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
  });

  it('scans a shallow clone as far as it goes, and says so', async () => {
    const clone = makeFixture({});
    try {
      gitIn(clone, 'clone', '-q', '--depth', '1', '--branch', 'main', `file://${repo.root}`, 'shallow');
      const shallow = await scan({ path: path.join(clone, 'shallow'), controls: [control], config: {} });
      assert.equal(shallow.controls[0]?.status, 'fail');
      assert.match(shallow.controls[0]?.reason ?? '', /shallow clone/);
      assert.deepEqual((shallow.controls[0]?.findings ?? []).map((finding) => finding.file).sort(), ['feature.ts', 'lib/new.ts', 'merge.ts']);
    } finally {
      removeFixture(clone);
    }
  });

  it('finds exactly the same with matching on worker threads', async () => {
    const previous = process.env.TENET_SECRETS_WORKERS;
    process.env.TENET_SECRETS_WORKERS = '2';
    try {
      const pooled = await scan({ path: repo.root, controls: [control, treeControl], config: {} });
      const strip = (list: Finding[]): unknown[] => list.map(({ file, line, fingerprint, properties }) => ({ file, line, fingerprint, properties }));
      assert.deepEqual(strip(pooled.controls[0]?.findings ?? []), strip(findings));
      assert.deepEqual(
        (pooled.controls[1]?.findings ?? []).map((finding) => finding.file),
        ['feature.ts', 'lib/new.ts', 'merge.ts'],
      );
    } finally {
      if (previous === undefined) delete process.env.TENET_SECRETS_WORKERS;
      else process.env.TENET_SECRETS_WORKERS = previous;
    }
  });

  it('with --since, scans only what is new since the ref', async () => {
    const since = await scan({ path: repo.root, controls: [control], config: {}, extra: { since: repo.commits.move } });
    const files = (since.controls[0]?.findings ?? []).map((finding) => finding.file).sort();
    assert.deepEqual(files, ['feature.ts', 'merge.ts']);
  });

  it('is unknown for a --since ref that does not exist', async () => {
    const since = await scan({ path: repo.root, controls: [control], config: {}, extra: { since: 'no-such-ref' } });
    assert.equal(since.controls[0]?.status, 'unknown');
  });
});
