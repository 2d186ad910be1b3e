import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { makeZip } from '../testing/zip.js';
import { readZip } from './zip.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tenet-zip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(file: string, wanted = (_name: string) => true): Promise<{ entries: Record<string, string>; errors: string[] }> {
  const entries: Record<string, string> = {};
  const errors: string[] = [];
  for await (const entry of readZip(file, wanted, (name, reason) => errors.push(`${name}: ${reason}`))) entries[entry.name] = entry.data.toString('utf8');
  return { entries, errors };
}

describe('zip reader', () => {
  const files = [
    { name: 'GHSA-1.json', data: '{"id":"GHSA-1"}' },
    { name: 'nested/GHSA-2.json', data: JSON.stringify({ id: 'GHSA-2', details: 'x'.repeat(10000) }) },
    { name: 'README', data: 'not json' },
  ];
  for (const [label, options] of [
    ['deflated', {}],
    ['stored', { stored: true }],
    ['ZIP64', { zip64: true }],
  ] as const) {
    it(`reads ${label} entries`, async () => {
      const file = path.join(dir, `${label}.zip`);
      writeFileSync(file, makeZip(files, options));
      const { entries, errors } = await readAll(file, (name) => name.endsWith('.json'));
      assert.deepEqual(errors, []);
      assert.deepEqual(Object.keys(entries).sort(), ['GHSA-1.json', 'nested/GHSA-2.json']);
      assert.equal(JSON.parse(entries['nested/GHSA-2.json'] as string).details.length, 10000);
    });
  }
  it('rejects what is not a ZIP archive', async () => {
    const file = path.join(dir, 'bad.zip');
    writeFileSync(file, 'hello world, this is not a zip file at all'.repeat(3));
    await assert.rejects(readAll(file), /not a ZIP archive/);
  });
  it('reports a damaged entry and carries on', async () => {
    const file = path.join(dir, 'damaged.zip');
    const zip = makeZip([files[0] as { name: string; data: string }, { name: 'b.json', data: '{"id":"b"}' }]);
    zip.writeUInt32LE(0, 0); // break the first local header
    writeFileSync(file, zip);
    const { entries, errors } = await readAll(file);
    assert.deepEqual(Object.keys(entries), ['b.json']);
    assert.match(errors[0] ?? '', /GHSA-1.json: local header missing/);
  });
});
