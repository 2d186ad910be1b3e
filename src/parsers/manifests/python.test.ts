import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseToml } from '../toml.js';
import { pep508, pipfileDependencies, pyprojectDependencies } from './python.js';

const PYPROJECT = `[project]
name = "app"
dependencies = [
  "requests>=2",
  "click",
  "lib @ git+https://github.com/x/lib.git@main",
]

[project.optional-dependencies]
socks = ["pysocks==1.7.1"]

[dependency-groups]
test = ["pytest>=8"]

[tool.poetry.dependencies]
python = "^3.11"
flask = "*"
mine = { path = "../mine" }
pinned = { git = "https://github.com/x/pinned.git", rev = "0123456789abcdef0123456789abcdef01234567" }

[tool.poetry.group.dev.dependencies]
black = "^24"
`;

describe('Python manifests', () => {
  it('reads PEP 621, PEP 735 and Poetry tables of pyproject.toml', () => {
    const manifest = pyprojectDependencies(parseToml(PYPROJECT), PYPROJECT);
    assert.deepEqual(
      manifest.dependencies.map((dependency) => [dependency.name, dependency.spec, dependency.dev, dependency.line, dependency.vcs?.pinnedToCommit, dependency.local]),
      [
        ['requests', '>=2', false, 4, undefined, undefined],
        ['click', '', false, 5, undefined, undefined],
        ['lib', 'git+https://github.com/x/lib.git@main', false, 6, false, undefined],
        ['pysocks', '==1.7.1', false, 10, undefined, undefined],
        ['pytest', '>=8', true, 13, undefined, undefined],
        ['flask', '*', false, 17, undefined, undefined],
        ['mine', '', false, 18, undefined, true],
        ['pinned', 'https://github.com/x/pinned.git', false, 19, true, undefined],
        ['black', '^24', true, 22, undefined, undefined],
      ],
    );
  });

  it('reads Pipfile sections', () => {
    const manifest = pipfileDependencies(parseToml('[packages]\nrequests = "*"\n\n[dev-packages]\npytest = {version = ">=8"}\n'));
    assert.deepEqual(manifest.dependencies.map((dependency) => [dependency.name, dependency.spec, dependency.dev, dependency.line]), [
      ['requests', '*', false, 2],
      ['pytest', '>=8', true, 5],
    ]);
  });

  it('splits PEP 508 strings with extras and markers', () => {
    assert.deepEqual(pep508('Requests[socks] >= 2.0 ; python_version > "3.8"', false, 1), { name: 'Requests', spec: '>=2.0', dev: false, line: 1 });
  });
});
