import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Repository } from '../../repo/repository.js';
import { makeFixture, removeFixture, type FixtureFiles } from '../../testing/fixture.js';
import { lockfileFacts, type LockfileFacts } from './lockfiles.js';

async function collect(files: FixtureFiles): Promise<{ facts: LockfileFacts; errors: Repository['errors'] }> {
  const root = makeFixture(files);
  try {
    const repo = await Repository.open(root);
    const facts = await lockfileFacts.collect({ repo, config: {}, options: { github: false, online: false }, facts: () => Promise.reject(new Error('unused')) });
    return { facts, errors: repo.errors };
  } finally {
    removeFixture(root);
  }
}

const LOCK = JSON.stringify({
  lockfileVersion: 3,
  packages: {
    '': { workspaces: ['packages/*'], dependencies: { a: '^1' } },
    'node_modules/a': { version: '1.0.0', resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', integrity: 'sha512-a' },
  },
});

describe('lockfile facts', () => {
  it('pairs manifests with lockfiles beside them or at their workspace root, and parses every lockfile', async () => {
    const { facts, errors } = await collect({
      'package.json': JSON.stringify({ workspaces: ['packages/*'], dependencies: { a: '^1' } }),
      'package-lock.json': LOCK,
      'packages/w/package.json': JSON.stringify({ dependencies: { b: '^2' } }),
      'tools/x/package.json': JSON.stringify({ dependencies: { c: '*' } }),
      'scripts-only/package.json': JSON.stringify({ scripts: { build: 'tsc' } }),
      'py/requirements.in': 'flask\n',
      'py/requirements.txt': 'flask==3.0.0\n-r extra/base.txt\n',
      'py/extra/base.txt': 'click==8.1.7\n',
      'broken/yarn.lock': 'not: [a lockfile\n  orphan\n',
      'broken/package.json': '{"dependencies": {"x": "1"}}',
      'node_modules/dep/package.json': '{"dependencies": {"y": "*"}}',
      'test/fixtures/app/package.json': '{"dependencies": {"z": "*"}}',
      'go.mod': 'module x\n\nrequire github.com/a/b v1.0.0\n',
    });
    assert.deepEqual(
      facts.manifests.map((manifest) => [manifest.file, manifest.lockfile, manifest.needsLockfile]),
      [
        ['broken/package.json', 'broken/yarn.lock', true],
        ['go.mod', undefined, true],
        ['package.json', 'package-lock.json', true],
        ['packages/w/package.json', 'package-lock.json', true],
        ['py/requirements.in', 'py/requirements.txt', true],
        ['py/requirements.txt', undefined, false],
        ['scripts-only/package.json', undefined, false],
        ['tools/x/package.json', undefined, true],
      ],
    );
    assert.deepEqual(
      facts.lockfiles.map((lockfile) => [lockfile.file, lockfile.format, lockfile.supported, lockfile.manifest, lockfile.packages.length]),
      [
        ['broken/yarn.lock', 'yarn', false, 'broken/package.json', 0],
        ['package-lock.json', 'npm-v3', true, 'package.json', 1],
        ['py/requirements.txt', 'requirements', true, 'py/requirements.in', 1],
        ['py/extra/base.txt', 'requirements', true, undefined, 1],
      ],
    );
    assert.match(facts.lockfiles[0]?.reason ?? '', /malformed yarn.lock/);
    assert.ok(errors.some((error) => error.file === 'broken/yarn.lock'));
    assert.deepEqual(facts.skippedDirectories, ['test/fixtures']);
  });
});
