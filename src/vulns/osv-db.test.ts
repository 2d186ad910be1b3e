import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { OSV_FIXTURES } from '../testing/osv-fixtures.js';
import { makeZip } from '../testing/zip.js';
import { openOsvDatabase } from './osv-db.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tenet-osv-db-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture records as OSV publishes them: one all.zip per ecosystem. */
function writeExports(target: string): void {
  for (const ecosystem of readdirSync(OSV_FIXTURES)) {
    const files = readdirSync(path.join(OSV_FIXTURES, ecosystem)).map((name) => ({ name, data: readFileSync(path.join(OSV_FIXTURES, ecosystem, name)) }));
    mkdirSync(path.join(target, ecosystem), { recursive: true });
    writeFileSync(path.join(target, ecosystem, 'all.zip'), makeZip(files, { zip64: ecosystem === 'npm' }));
  }
}

describe('offline OSV database', () => {
  it('indexes a directory of per-ecosystem all.zip exports once, then reuses the index', async () => {
    const exports = path.join(dir, 'exports');
    const cache = path.join(dir, 'cache-zip');
    writeExports(exports);
    const first = await openOsvDatabase(exports, cache);
    try {
      assert.equal(first.built, true);
      assert.equal(first.recordCount, 28, 'the withdrawn record of the 29 is left out');
      assert.deepEqual(first.lookup('npm', 'lodash').map((record) => record.id).sort(), ['GHSA-29mw-wpgm-hmr9', 'GHSA-35jh-r3h4-6jhm', 'GHSA-p6mc-m468-83gw']);
      assert.deepEqual(first.lookup('PyPI', 'Django').map((record) => record.id).sort(), ['GHSA-jh3w-4vvf-mjgr', 'GHSA-p64x-8rxx-wf6q', 'GHSA-xpfp-f569-q3p2']);
      assert.deepEqual(first.lookup('npm', 'left-pad'), []);
      assert.deepEqual(first.lookup('npm', '__proto__'), []);
    } finally {
      first.close();
    }
    const second = await openOsvDatabase(exports, cache);
    try {
      assert.equal(second.built, false);
      assert.equal(second.lookup('Maven', 'org.apache.logging.log4j:log4j-core').length, 2);
    } finally {
      second.close();
    }
  });
  it('re-indexes when the export changes', async () => {
    const exports = path.join(dir, 'changing');
    const cache = path.join(dir, 'cache-changing');
    mkdirSync(exports);
    writeFileSync(path.join(exports, 'A-1.json'), JSON.stringify({ id: 'A-1', affected: [{ package: { ecosystem: 'npm', name: 'a' }, versions: ['1.0.0'] }] }));
    (await openOsvDatabase(exports, cache)).close();
    writeFileSync(path.join(exports, 'A-2.json'), JSON.stringify({ id: 'A-2', affected: [{ package: { ecosystem: 'npm', name: 'a' }, versions: ['2.0.0'] }] }));
    const db = await openOsvDatabase(exports, cache);
    try {
      assert.equal(db.built, true);
      assert.equal(db.lookup('npm', 'a').length, 2);
      assert.equal(readdirSync(path.join(cache, 'osv-index')).length, 1, 'the index of the old export is removed');
    } finally {
      db.close();
    }
  });
  it('reports malformed records and carries on', async () => {
    const exports = path.join(dir, 'malformed');
    mkdirSync(exports);
    writeFileSync(path.join(exports, 'broken.json'), '{ "id": ');
    writeFileSync(path.join(exports, 'not-osv.json'), '{"hello": 1}');
    writeFileSync(path.join(exports, 'ok.json'), JSON.stringify({ id: 'OK-1', affected: [{ package: { ecosystem: 'Debian:12', name: 'x' } }, { package: { ecosystem: 'Go', name: 'x' }, versions: ['1.0.0'] }] }));
    const db = await openOsvDatabase(exports, path.join(dir, 'cache-malformed'));
    try {
      assert.equal(db.recordCount, 1);
      assert.equal(db.problems.length, 2);
      assert.match(db.problems.join('\n'), /broken\.json: malformed JSON/);
      assert.equal(db.lookup('Go', 'x').length, 1);
    } finally {
      db.close();
    }
  });
  it('refuses a path that does not exist or holds nothing', async () => {
    await assert.rejects(openOsvDatabase(path.join(dir, 'missing'), path.join(dir, 'c')), /does not exist/);
    mkdirSync(path.join(dir, 'empty'));
    await assert.rejects(openOsvDatabase(path.join(dir, 'empty'), path.join(dir, 'c')), /holds no \.json or \.zip files/);
  });
});
