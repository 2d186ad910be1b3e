import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scan } from '../src/scan.js';
import { makeFixture, removeFixture } from '../src/testing/fixture.js';
import { renderJson } from '../src/reporters/json.js';
import { renderTable } from '../src/reporters/table.js';
import { validateReport } from './report-schema.js';

/** A repository built to hurt the scanner: every file here must end in errors[], nothing may crash. */
describe('a hostile repository', () => {
  let root: string;
  let outside: string;
  const canary = path.join('/tmp', `tenet-canary-${process.pid}`);

  before(() => {
    outside = makeFixture({ 'secret.txt': 'outside the repository\n' });
    const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) {
      const previous = String.fromCharCode(96 + level);
      const next = String.fromCharCode(97 + level);
      aliasBomb.push(`${next}: &${next} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    root = makeFixture(
      {
        'package.json': JSON.stringify({
          name: 'hostile',
          scripts: { preinstall: `touch ${canary}`, postinstall: `touch ${canary}`, test: `touch ${canary}` },
        }),
        'big.txt': Buffer.alloc(6 * 1024 * 1024, 'a'),
        'image.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
        'bomb.yaml': `${aliasBomb.join('\n')}\n`,
        'broken.json': '{"a": [1, 2,',
        'broken.yaml': 'key: [unclosed\n  - nope: {\n',
        'broken.toml': '[table\nkey = = "x"\n',
        'LICENSE': 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n',
      },
      { git: true },
    );
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'escape.txt'));
    mkdirSync(path.join(root, 'weird'));
    writeFileSync(path.join(root, 'weird', 'new\nline<script>alert(1).json'), '{"not": json}');
  });

  after(() => {
    removeFixture(root);
    removeFixture(outside);
  });

  it('completes, reports each bad file with its reason, and runs nothing', async () => {
    const { Repository } = await import('../src/repo/repository.js');
    const repo = await Repository.open(root);
    // Ask for every kind of read a collector might make, as the controls would.
    for (const file of repo.files) {
      if (file.path.endsWith('.json')) repo.json(file.path);
      else if (file.path.endsWith('.yaml')) repo.yaml(file.path);
      else if (file.path.endsWith('.toml')) repo.toml(file.path);
      else repo.readText(file.path);
    }
    const reasons = new Map(repo.errors.map((error) => [error.file, error.reason]));
    assert.match(reasons.get('escape.txt') ?? '', /outside the repository/);
    assert.match(reasons.get('big.txt') ?? '', /size cap/);
    assert.match(reasons.get('image.bin') ?? '', /binary/);
    assert.match(reasons.get('bomb.yaml') ?? '', /malformed YAML: .*alias/i);
    assert.match(reasons.get('broken.json') ?? '', /malformed JSON/);
    assert.match(reasons.get('broken.yaml') ?? '', /malformed YAML/);
    assert.match(reasons.get('broken.toml') ?? '', /malformed TOML/);
    assert.match(reasons.get('weird/new\nline<script>alert(1).json') ?? '', /malformed JSON/);
    assert.ok(!repo.files.some((file) => file.path === 'escape.txt'), 'the symlink out of the tree is not a file of the repository');
    assert.equal(existsSync(canary), false, 'no package script ran');
  });

  it('produces a complete report that validates, with names printed safely', async () => {
    const result = await scan({ path: root });
    assert.equal(existsSync(canary), false, 'no package script ran');
    assert.ok(result.controls.length > 0);
    assert.ok(result.controls.every((control) => control.status !== 'error'), JSON.stringify(result.controls.filter((c) => c.status === 'error')));
    assert.deepEqual(validateReport(JSON.parse(renderJson(result))), []);
    const table = renderTable(result, { color: false });
    assert.ok(!table.includes('new\nline'), 'a newline in a file name must not break the table');
  });
});
