import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectFacts } from '../../testing/collect-facts.js';
import { vaultPoliciesFacts } from './vault-policies.js';

describe('vault-policies facts', () => {
  it('reads path rules with their capabilities and lines, skipping other HCL', async () => {
    const { policies } = await collectFacts(vaultPoliciesFacts, {
      'policies/app.hcl': '# app\npath "secret/data/app/*" {\n  capabilities = ["read", "list"]\n}\n',
      'build.pkr.hcl': 'source "docker" "x" {\n  image = "debian"\n}\n',
      '.terraform.lock.hcl': 'provider "x" {}\n',
    });
    assert.deepEqual(policies.map((policy) => [policy.file, policy.rules]), [['policies/app.hcl', [{ path: 'secret/data/app/*', capabilities: ['read', 'list'], line: 2 }]]]);
  });

  it('skips a malformed policy (reported in the scan errors) and carries on', async () => {
    const { policies } = await collectFacts(vaultPoliciesFacts, { 'bad.hcl': 'path "x" {\n  capabilities = [\n', 'good.hcl': 'path "a/b" {\n  capabilities = ["read"]\n}\n' });
    assert.deepEqual(policies.map((policy) => policy.file), ['good.hcl']);
  });
});
