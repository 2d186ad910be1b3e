import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectFacts } from '../../testing/collect-facts.js';
import { tsconfigFacts } from './tsconfig.js';

describe('tsconfig facts', () => {
  it('follows extends chains, arrays of bases included, with later bases winning', async () => {
    const { configs } = await collectFacts(tsconfigFacts, {
      'base/strict.json': '{"compilerOptions":{"strict":true}}',
      'base/loose.json': '{"compilerOptions":{"strictNullChecks":false}}',
      'tsconfig.json': '{"extends":["./base/strict.json","./base/loose.json"]}',
      'tsconfig.fixed.json': '{"extends":"./tsconfig.json","compilerOptions":{"strictNullChecks":true}}',
      'loop/tsconfig.json': '{"extends":"./tsconfig.json"}',
    });
    const byFile = Object.fromEntries(configs.map((config) => [config.file, [config.strict, config.off.join(','), config.baseOnly]]));
    assert.deepEqual(byFile, {
      'tsconfig.json': ['no', 'strictNullChecks', false],
      'tsconfig.fixed.json': ['yes', '', false],
      'loop/tsconfig.json': ['no', 'noImplicitAny,strictNullChecks,strictFunctionTypes,strictBindCallApply,strictPropertyInitialization,noImplicitThis,alwaysStrict,useUnknownInCatchVariables', false],
    });
  });

  it('a malformed tsconfig is unknown and reported', async () => {
    const { configs } = await collectFacts(tsconfigFacts, { 'tsconfig.json': '{"compilerOptions": {' });
    assert.deepEqual(configs.map((config) => [config.strict, config.reason]), [['unknown', 'tsconfig.json could not be parsed']]);
  });
});
