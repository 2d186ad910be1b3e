import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { builtinControls } from '../controls/index.js';
import { ConfigError } from '../config/load.js';
import { resolveParams } from '../engine/params.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';
import { BUILTIN_PACK_IDS, DEFAULT_PACK, loadBuiltinPacks, loadPack } from './load.js';

const registry = new Map(builtinControls.map((control) => [control.meta.id, control]));

/** Each document's requirements, counted when the packs were written from it; the packs are the catalog now. */
const DOCUMENTS: { pack: string; prefix: string; requirements: number }[] = [
  { pack: 'human-made', prefix: 'HM', requirements: 32 },
  { pack: 'hashbang', prefix: 'HB', requirements: 71 },
  { pack: 'openpix', prefix: 'OP', requirements: 88 },
  { pack: 'year-of-engineering', prefix: 'YOE', requirements: 78 },
  { pack: 'secure-delivery-principles', prefix: 'PR', requirements: 20 },
];

describe('built-in packs', () => {
  const packs = loadBuiltinPacks();

  it('are the five documents, and the default is one of them', () => {
    assert.deepEqual(packs.map((pack) => pack.id), [...BUILTIN_PACK_IDS]);
    assert.ok((BUILTIN_PACK_IDS as readonly string[]).includes(DEFAULT_PACK));
    assert.equal(packs.reduce((sum, pack) => sum + pack.requirements.length, 0), 289);
  });

  for (const document of DOCUMENTS) {
    const id = document.pack;
    describe(id, () => {
      const pack = loadPack(id);

      it(`holds every requirement of the document (${document.requirements}), numbered in order, each with its section, text and evidence`, () => {
        assert.equal(pack.requirements.length, document.requirements);
        pack.requirements.forEach((requirement, index) => {
          assert.equal(requirement.id, `${document.prefix}-${String(index + 1).padStart(2, '0')}`);
          assert.ok(requirement.section.trim(), `${requirement.id}: section`);
          assert.ok(requirement.text.trim(), `${requirement.id}: text`);
          assert.ok(requirement.attestation?.evidence, `${requirement.id}: every requirement says what an attestation must attach`);
          if (requirement.mode !== 'attestation') assert.ok(requirement.controls.length + requirement.plannedControls.length > 0, `${requirement.id}: ${requirement.mode} without controls`);
        });
      });

      it('cites its document by title and public source', () => {
        assert.ok(pack.title.trim());
        assert.ok(pack.source?.document && !pack.source.document.includes('shared/'), `source.document: ${pack.source?.document ?? ''}`);
        if (pack.source?.url) assert.match(pack.source.url, /^https:\/\//);
      });

      it('names in `controls` only controls that exist', () => {
        for (const requirement of pack.requirements) {
          for (const control of requirement.controls) assert.ok(registry.has(control), `${requirement.id}: control '${control}' is not registered`);
        }
      });

      it('names in `plannedControls` only controls not built yet (a built one belongs in `controls`)', () => {
        for (const requirement of pack.requirements) {
          for (const control of requirement.plannedControls) {
            assert.match(control, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${requirement.id}: planned control id '${control}'`);
            assert.ok(!registry.has(control), `${requirement.id}: '${control}' exists: run \`npm run generate:packs\``);
          }
        }
      });

      it('sets only parameters the registered controls take, with valid values', () => {
        for (const requirement of pack.requirements) {
          for (const [control, values] of Object.entries(requirement.params)) {
            const registered = registry.get(control);
            if (!registered) continue;
            assert.deepEqual(resolveParams(registered, values, `${requirement.id}.params.${control}`).problems, []);
          }
        }
      });
    });
  }

  it('states each document\'s own parameters where documents disagree', () => {
    const approvals = (packId: string, requirementId: string) => loadPack(packId).requirements.find((entry) => entry.id === requirementId)?.params['reviews-required-before-merge']?.approvals;
    assert.equal(approvals('openpix', 'OP-46'), 2);
    assert.equal(approvals('year-of-engineering', 'YOE-25'), 2);
    assert.equal(approvals('human-made', 'HM-13'), 1);
    const visibility = loadPack('openpix').requirements.find((entry) => entry.id === 'OP-47')?.params['repository-visibility-matches-policy'];
    assert.deepEqual(visibility, { visibility: 'private' });
  });
});

describe('custom packs', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeFixture));
  const files = (contents: Record<string, string>): string => {
    const dir = makeFixture(contents);
    dirs.push(dir);
    return dir;
  };
  const problemsOf = (fn: () => unknown): string[] => {
    try {
      fn();
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('loads a pack by path and fills defaults', () => {
    const dir = files({
      'pack.yaml': 'id: mine\ntitle: Mine\nversion: 1.0.0\nparams:\n  license-present: {}\nrequirements:\n  - id: M-1\n    section: S\n    text: T\n    controls: [license-present]\n  - id: M-2\n    section: S\n    text: U\n    attestation: { evidence: a link }\n',
    });
    const pack = loadPack('pack.yaml', dir);
    assert.equal(pack.origin, path.join(dir, 'pack.yaml'));
    assert.deepEqual(pack.requirements.map((entry) => entry.mode), ['automated', 'attestation']);
  });

  it('extends a built-in pack: overrides, additions, omissions and parameters', () => {
    const dir = files({
      'pack.yml': [
        'id: openpix-local',
        'title: OpenPix, our way',
        'version: 1.1.0',
        'extends: openpix',
        'omit: [OP-04]',
        'params:',
        '  reviews-required-before-merge: { approvals: 3 }',
        'requirements:',
        '  - id: OP-47',
        '    params:',
        '      repository-visibility-matches-policy: { visibility: internal }',
        '  - id: LOCAL-1',
        '    section: Ours',
        '    text: Our own rule',
        '    controls: [license-present]',
      ].join('\n'),
    });
    const pack = loadPack(path.join(dir, 'pack.yml'));
    const base = loadPack('openpix');
    assert.equal(pack.requirements.length, base.requirements.length);
    assert.ok(!pack.requirements.some((entry) => entry.id === 'OP-04'));
    const op47 = pack.requirements.find((entry) => entry.id === 'OP-47');
    assert.equal(op47?.text, base.requirements.find((entry) => entry.id === 'OP-47')?.text);
    assert.deepEqual(op47?.params['repository-visibility-matches-policy'], { visibility: 'internal' });
    assert.equal(op47?.params['reviews-required-before-merge']?.approvals, 3);
    assert.equal(pack.requirements.at(-1)?.id, 'LOCAL-1');
    assert.equal(base.requirements.find((entry) => entry.id === 'OP-47')?.params['repository-visibility-matches-policy']?.visibility, 'private');
  });

  it('reports every problem with its place', () => {
    const dir = files({
      'bad.yaml': 'id: Bad Id\ntitle: x\nversion: one\nrequirements:\n  - id: B-1\n    section: s\n    txt: t\n',
      'empty.yaml': 'id: empty\ntitle: x\nversion: 1.0.0\nrequirements:\n  - id: E-1\n    section: s\n    text: t\n',
      'loop-a.yaml': 'id: a\ntitle: a\nversion: 1.0.0\nextends: ./loop-b.yaml\n',
      'loop-b.yaml': 'id: b\ntitle: b\nversion: 1.0.0\nextends: ./loop-a.yaml\n',
      'omit.yaml': 'id: o\ntitle: o\nversion: 1.0.0\nextends: human-made\nomit: [NOPE-1]\n',
    });
    const bad = problemsOf(() => loadPack('bad.yaml', dir));
    assert.ok(bad.some((problem) => problem.startsWith('id:')), bad.join('\n'));
    assert.ok(bad.some((problem) => problem.startsWith('version:')), bad.join('\n'));
    assert.ok(bad.includes('requirements[0].txt: unknown field'), bad.join('\n'));
    assert.match(problemsOf(() => loadPack('empty.yaml', dir)).join('\n'), /names neither controls nor an attestation/);
    assert.match(problemsOf(() => loadPack('loop-a.yaml', dir)).join('\n'), /extends itself/);
    assert.match(problemsOf(() => loadPack('omit.yaml', dir)).join('\n'), /'NOPE-1' is not a requirement of human-made/);
    assert.match(problemsOf(() => loadPack('no-such-pack')).join('\n'), /unknown pack 'no-such-pack'/);
  });
});
