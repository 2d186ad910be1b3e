import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUvLock } from './uv.js';

const LOCK = `version = 1
requires-python = ">=3.12"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [{ name = "requests" }]

[package.dev-dependencies]
dev = [{ name = "pytest" }]

[[package]]
name = "requests"
version = "2.32.3"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "urllib3" }]
sdist = { url = "https://files.pythonhosted.org/requests-2.32.3.tar.gz", hash = "sha256:aaa", size = 1 }
wheels = [{ url = "https://files.pythonhosted.org/requests-2.32.3-py3-none-any.whl", hash = "sha256:bbb", size = 1 }]

[[package]]
name = "urllib3"
version = "2.2.0"
source = { registry = "https://pypi.org/simple" }
sdist = { url = "https://files.pythonhosted.org/urllib3.tar.gz", hash = "sha256:ccc", size = 1 }

[[package]]
name = "pytest"
version = "8.0.0"
source = { git = "https://github.com/pytest-dev/pytest?rev=main#0123abcd" }
`;

describe('uv.lock parser', () => {
  it('reads packages, sdist and wheel hashes, sources, and the graph from the local project', () => {
    const info = parseUvLock({ file: 'uv.lock', text: LOCK });
    assert.equal(info.format, 'uv-v1');
    assert.deepEqual(
      info.packages.map((pkg) => [pkg.name, pkg.line, pkg.direct, pkg.dev, pkg.hashes, pkg.resolved, pkg.dependents]),
      [
        ['requests', 13, true, false, ['sha256:aaa', 'sha256:bbb'], 'https://pypi.org/simple', undefined],
        ['urllib3', 21, false, false, ['sha256:ccc'], 'https://pypi.org/simple', ['requests']],
        ['pytest', 27, true, true, [], 'git+https://github.com/pytest-dev/pytest?rev=main#0123abcd', undefined],
      ],
    );
  });
});
