// The built-in packs as they will behave once their controls exist: every mapped control is
// replaced by a fake with the same id whose verdict the fixture decides (a file `fail/<id>` fails it,
// `na/<id>` makes it not applicable), so each pack's automated requirements are shown passing on one
// repository and failing on another, and its partly automated ones waiting for an attestation.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { defineControl, evaluated, notApplicable, type Control, type ParamSpec } from '../src/engine/control.js';
import { defineCollector } from '../src/facts/collector.js';
import { scan } from '../src/scan.js';
import { BUILTIN_PACK_IDS, loadPack } from '../src/packs/load.js';
import { makeFixture, removeFixture } from '../src/testing/fixture.js';

const paths = defineCollector({ id: 'fake-paths', description: 'file paths', collect: ({ repo }) => new Set(repo.files.map((file) => file.path)) });

/** A fake taking the parameters the packs set on it (numbers and strings), so pack parameters resolve. */
function fake(id: string, used: Record<string, unknown>): Control {
  const params: Record<string, ParamSpec> = {};
  for (const [name, value] of Object.entries(used)) {
    params[name] = typeof value === 'number' ? { type: 'number', default: 1, description: name } : { type: 'string', default: '', description: name };
  }
  return defineControl({
    meta: { id, title: id, domain: 'docs', severity: 'high', rationale: 'fake', remediation: 'fake', params },
    async check({ facts }) {
      const present = await facts(paths);
      if (present.has(`na/${id}`)) return notApplicable('fake: not applicable');
      return evaluated(present.has(`fail/${id}`) ? [{ message: `fake failure of ${id}`, file: `fail/${id}` }] : []);
    },
  }) as Control;
}

const roots: string[] = [];
after(() => roots.forEach(removeFixture));

for (const packId of BUILTIN_PACK_IDS) {
  describe(`${packId} once every control exists`, () => {
    const pack = loadPack(packId);
    const ids = [...new Set(pack.requirements.flatMap((requirement) => [...requirement.controls, ...requirement.plannedControls]))];
    const used = (id: string) => Object.assign({}, ...pack.requirements.map((requirement) => requirement.params[id] ?? {})) as Record<string, unknown>;
    const controls = ids.map((id) => fake(id, used(id)));
    const automated = pack.requirements.filter((requirement) => requirement.mode === 'automated');
    const partly = pack.requirements.filter((requirement) => requirement.mode === 'partly-automated');

    const statuses = async (files: Record<string, string>) => {
      const root = makeFixture({ 'README.md': 'x', ...files });
      roots.push(root);
      const result = await scan({ path: root, controls, packs: [packId], now: new Date('2026-06-01T00:00:00Z') });
      return new Map(result.policies[0]?.requirements.map((requirement) => [requirement.id, requirement]));
    };

    it(`its ${automated.length} automated requirements pass when their controls pass`, async () => {
      const results = await statuses({});
      for (const requirement of automated) assert.equal(results.get(requirement.id)?.status, 'pass', `${requirement.id}: ${results.get(requirement.id)?.reason ?? ''}`);
      for (const requirement of partly) assert.equal(results.get(requirement.id)?.status, 'unknown', `${requirement.id} needs an attestation too`);
    });

    it('each automated requirement fails when one of its controls fails', async () => {
      const failing = Object.fromEntries(automated.map((requirement) => [`fail/${requirement.controls.concat(requirement.plannedControls)[0] ?? ''}`, 'x']));
      const results = await statuses(failing);
      for (const requirement of automated) assert.equal(results.get(requirement.id)?.status, 'fail', requirement.id);
    });

    it('an automated requirement whose controls are all not applicable stays unknown', async () => {
      const inapplicable = Object.fromEntries(ids.map((id) => [`na/${id}`, 'x']));
      const results = await statuses(inapplicable);
      for (const requirement of automated) assert.equal(results.get(requirement.id)?.status, 'unknown', requirement.id);
    });
  });
}
