import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseToml } from '../toml.js';
import { npmRegistries, pipRegistries, pythonTomlRegistries, scriptsDisabled } from './registries.js';

describe('registry configuration', () => {
  it('reads .npmrc registries and scopes, never credentials', () => {
    const text = 'registry=https://npm.corp.example/\n@acme:registry=http://npm.acme.example\n//npm.corp.example/:_authToken=${TOKEN}\n# registry=https://old.example\n';
    assert.deepEqual(npmRegistries('.npmrc', text), [
      { file: '.npmrc', line: 1, url: 'https://npm.corp.example/', ecosystem: 'npm', scope: undefined },
      { file: '.npmrc', line: 2, url: 'http://npm.acme.example', ecosystem: 'npm', scope: '@acme' },
    ]);
  });

  it('reads .yarnrc.yml servers, scoped ones included, and classic .yarnrc', () => {
    const yml = 'npmRegistryServer: "https://npm.corp.example"\nnpmScopes:\n  acme:\n    npmRegistryServer: "http://npm.acme.example"\n';
    assert.deepEqual(npmRegistries('.yarnrc.yml', yml).map((entry) => [entry.line, entry.url, entry.scope]), [
      [1, 'https://npm.corp.example', undefined],
      [4, 'http://npm.acme.example', 'acme'],
    ]);
    assert.deepEqual(npmRegistries('.yarnrc', 'registry "https://registry.npmjs.org/"\n').map((entry) => entry.url), ['https://registry.npmjs.org/']);
  });

  it('reads pip.conf and Python TOML sources', () => {
    assert.deepEqual(pipRegistries('pip.conf', '[global]\nindex-url = https://pypi.corp.example/simple\nextra-index-url=http://evil.example/simple\n').map((entry) => [entry.line, entry.url, entry.scope]), [
      [2, 'https://pypi.corp.example/simple', 'index-url'],
      [3, 'http://evil.example/simple', 'extra-index-url'],
    ]);
    const pipfile = '[[source]]\nurl = "https://pypi.org/simple"\nverify_ssl = true\nname = "pypi"\n';
    assert.deepEqual(pythonTomlRegistries('Pipfile', parseToml(pipfile), pipfile).map((entry) => [entry.line, entry.url]), [[2, 'https://pypi.org/simple']]);
    const pyproject = '[[tool.uv.index]]\nname = "corp"\nurl = "https://pypi.corp.example/simple"\n';
    assert.deepEqual(pythonTomlRegistries('pyproject.toml', parseToml(pyproject), pyproject).map((entry) => [entry.line, entry.url]), [[3, 'https://pypi.corp.example/simple']]);
  });

  it('finds settings that disable install scripts', () => {
    assert.deepEqual(scriptsDisabled('.npmrc', 'registry=https://registry.npmjs.org/\nignore-scripts=true\n'), { file: '.npmrc', line: 2, setting: 'ignore-scripts=true' });
    assert.equal(scriptsDisabled('.yarnrc.yml', 'enableScripts: false\n')?.line, 1);
    assert.equal(scriptsDisabled('.npmrc', 'ignore-scripts=false\n'), undefined);
  });
});
