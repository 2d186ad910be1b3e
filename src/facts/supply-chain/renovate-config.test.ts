import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { automergeSettings } from './renovate-config.js';

describe('Renovate automerge settings', () => {
  it('finds automerge at any depth and automerge presets', () => {
    const config = {
      extends: ['config:recommended', ':automergeDisabled', ':automergePatch', 'default:automergeDigest', ':automergeBranch'],
      automerge: false,
      lockFileMaintenance: { enabled: true, automerge: true },
      packageRules: [{ matchPackageNames: ['a'], automerge: true }, { matchPackageNames: ['b'], automerge: 'yes' }],
    };
    assert.deepEqual(
      automergeSettings(config).map((setting) => setting.what),
      ['extends :automergePatch', 'extends default:automergeDigest', 'lockFileMaintenance.automerge: true', 'packageRules.0.automerge: true'],
    );
  });
  it('stops at a bounded depth', () => {
    let deep: Record<string, unknown> = { automerge: true };
    for (let level = 0; level < 50; level++) deep = { nested: deep };
    assert.deepEqual(automergeSettings(deep), []);
  });
});
