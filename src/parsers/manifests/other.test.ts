import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson } from '../json.js';
import { parseToml } from '../toml.js';
import { cargoDependencies, composerDependencies, gemfileDependencies } from './other.js';

const summary = (dependencies: { name: string; spec: string; dev: boolean; line?: number; vcs?: { pinnedToCommit: boolean }; local?: boolean }[]): unknown[] =>
  dependencies.map((dependency) => [dependency.name, dependency.spec, dependency.dev, dependency.line, dependency.vcs?.pinnedToCommit, dependency.local]);

describe('Cargo, Composer and Bundler manifests', () => {
  it('reads Cargo.toml tables', () => {
    const text = `[package]\nname = "app"\n\n[dependencies]\nserde = "1"\nrand = { version = "*" }\nmine = { path = "../mine" }\n\n[dev-dependencies]\ntempfile = { git = "https://github.com/x/tempfile" }\n\n[workspace]\nmembers = ["a"]\n`;
    const manifest = cargoDependencies(parseToml(text));
    assert.equal(manifest.isWorkspace, true);
    assert.deepEqual(summary(manifest.dependencies), [
      ['serde', '1', false, 5, undefined, undefined],
      ['rand', '*', false, 6, undefined, undefined],
      ['mine', '', false, 7, undefined, true],
      ['tempfile', 'https://github.com/x/tempfile', true, 10, false, undefined],
    ]);
  });

  it('reads composer.json without platform packages, branch constraints as VCS', () => {
    const text = JSON.stringify({ require: { php: '>=8.1', 'ext-json': '*', 'symfony/console': '^6.4', 'acme/lib': 'dev-main' }, 'require-dev': { 'phpunit/phpunit': '*' } }, null, 2);
    assert.deepEqual(summary(composerDependencies(parseJson(text)).dependencies), [
      ['symfony/console', '^6.4', false, 5, undefined, undefined],
      ['acme/lib', 'dev-main', false, 6, false, undefined],
      ['phpunit/phpunit', '*', true, 9, undefined, undefined],
    ]);
  });

  it('reads Gemfile gems, versions, git sources and groups', () => {
    const text = `source "https://rubygems.org"\n\ngem "rails", "~> 7.1", ">= 7.1.2"\ngem 'widget', git: 'https://github.com/x/widget.git'\ngem "local", path: "../local"\ngem "debug", group: :development\n\ngroup :development, :test do\n  gem "rspec"\nend\n\ngroup :production do\n  gem "pg" # database\nend\n`;
    assert.deepEqual(summary(gemfileDependencies(text).dependencies), [
      ['rails', '~> 7.1, >= 7.1.2', false, 3, undefined, undefined],
      ['widget', '', false, 4, false, undefined],
      ['local', '', false, 5, undefined, true],
      ['debug', '', true, 6, undefined, undefined],
      ['rspec', '', true, 9, undefined, undefined],
      ['pg', '', false, 13, undefined, undefined],
    ]);
  });
});
