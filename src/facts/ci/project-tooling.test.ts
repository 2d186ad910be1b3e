import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectFacts } from '../../testing/collect-facts.js';
import { projectToolingFacts } from './project-tooling.js';

describe('project tooling facts', () => {
  it('finds languages, test files, test commands, linters and deliverables', async () => {
    const tooling = await collectFacts(projectToolingFacts, {
      'package.json': '{"name":"web","scripts":{"test":"vitest"},"devDependencies":{"eslint-plugin-security":"^3"}}',
      'src/a.ts': '',
      'src/a.test.ts': '',
      'eslint.config.js': '',
      'scripts/x.py': '',
      'node_modules/dep/index.js': '',
      'vendor/lib.go': '',
      'test/fixtures/app.rb': '',
      'Dockerfile': 'FROM scratch\n',
      'Makefile': 'check:\n\tnpm test\n',
    });
    assert.deepEqual(tooling.languages.map((entry) => [entry.language, entry.files]), [['javascript', 2]]);
    assert.deepEqual(tooling.testFiles, ['src/a.test.ts']);
    assert.deepEqual(tooling.testCommands.map((command) => command.source), ['Makefile target "check"', 'package.json script "test"']);
    assert.deepEqual(tooling.linters, [{ language: 'javascript', tool: 'eslint', file: 'eslint.config.js' }]);
    assert.deepEqual(tooling.eslintSecurityPlugins, ['eslint-plugin-security']);
    assert.deepEqual(tooling.deliverables, ['Dockerfile', 'package.json']);
  });
});
