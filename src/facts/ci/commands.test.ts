import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyCommand, scriptLines } from './commands.js';

const kinds = (line: string): string[] => [...classifyCommand(line).kinds].sort();

describe('classifyCommand', () => {
  const cases: [string, string[]][] = [
    ['npx jest --ci', ['test']],
    ['CI=true yarn vitest run', ['test']],
    ['node --test dist/', ['test']],
    ['pnpm exec mocha', ['test']],
    ['./node_modules/.bin/eslint .', ['lint']],
    ['npx @biomejs/biome ci .', ['lint']],
    ['prettier --check .', ['lint']],
    ['prettier --write .', []],
    ['tsc --noEmit -p .', ['lint']],
    ['tsc -p tsconfig.json', ['build', 'lint']],
    ['go build ./...', ['build']],
    ['cargo build --release', ['build']],
    ['./gradlew assemble', ['build']],
    ['mvn -B package', ['build']],
    ['docker build -t app .', ['build']],
    ['vite', []],
    ['trivy config .', ['iac-scan']],
    ['trivy image app:1', ['container-scan']],
    ['trivy fs --scanners vuln .', ['vulnerability-scan']],
    ['checkov -d .', ['iac-scan']],
    ['grype app:latest', ['container-scan']],
    ['grype dir:.', ['vulnerability-scan']],
    ['docker scout cves app:1', ['container-scan']],
    ['snyk container test app:1', ['container-scan']],
    ['docker run -t ghcr.io/zaproxy/zaproxy:stable zap-baseline.py -t https://x', ['dast']],
    ['nuclei -u https://x', ['dast']],
    ['node bin/tenet.js scan .', ['iac-scan', 'secret-scan', 'vulnerability-scan']],
    ['npx tenet scan . --online --only no-secrets-in-tree,dependencies-free-of-known-vulnerabilities', ['secret-scan', 'vulnerability-scan']],
    ['npx tenet controls', []],
    ['python -m pytest -q', ['test']],
    ['poetry run pytest', ['test']],
    ['python3 -m unittest discover', ['test']],
    ['python tests/test.py default', ['test']],
    ['python setup.py test', ['test']],
    ["python -W error -W 'ignore:x' -m pytest", ['test']],
    ['python -u tests/run.py', ['test']],
    ['coverage run -m pytest', ['test']],
    ['coverage run --source=pkg tests/run_all.py', ['test']],
    ['nosetests', ['test']],
    ['node test.js', ['test']],
    ['python manage.py migrate', []],
    ['ruff check .', ['lint']],
    ['ruff format .', []],
    ['ruff format --check .', ['lint']],
    ['black --check src', ['lint']],
    ['uv run mypy src', ['lint']],
    ['poetry run black --check .', ['lint']],
    ['go test ./... -race', ['test']],
    ['go vet ./...', ['lint']],
    ['golangci-lint run', ['lint']],
    ['cargo nextest run', ['test']],
    ['cargo clippy -- -D warnings', ['lint']],
    ['cargo fmt --all -- --check', ['lint']],
    ['mvn -B verify', ['build', 'lint', 'test']],
    ['mvn -DskipTests install', ['build']],
    ['./gradlew test', ['test']],
    ['./gradlew build -x test', ['build', 'lint']],
    ['bundle exec rspec', ['test']],
    ['bundle exec rake', ['test']],
    ['bundle exec rubocop', ['lint']],
    ['standardrb', ['lint']],
    ['semgrep scan --config auto', ['sast']],
    ['docker run --rm -v "$PWD:/path" zricethezav/gitleaks:latest detect', ['secret-scan']],
    ['bandit -r src', ['sast']],
    ['snyk code test', ['sast']],
    ['snyk test', ['vulnerability-scan']],
    ['npm audit --omit=dev', ['vulnerability-scan']],
    ['npm publish --provenance', ['publish']],
    ['docker buildx build --push -t x .', ['build', 'publish']],
    ['kubectl apply -f k8s/', ['deploy']],
    ['helm upgrade --install app chart', ['deploy']],
    ['terraform apply -auto-approve', ['deploy']],
    ['npm ci && npm run build', ['build']],
    ['echo "npm test"', []],
    ['cd web && npx eslint . || exit 1', ['lint']],
  ];
  for (const [line, expected] of cases) {
    it(line, () => assert.deepEqual(kinds(line), expected));
  }
  it('names package scripts, make targets and script files', () => {
    assert.deepEqual(classifyCommand('npm test').references, [{ kind: 'package-script', name: 'test', fanOut: false }]);
    assert.deepEqual(classifyCommand('yarn lint').references, [{ kind: 'package-script', name: 'lint', fanOut: false }]);
    assert.deepEqual(classifyCommand('pnpm -r run test').references, [{ kind: 'package-script', name: 'test', fanOut: true }]);
    assert.deepEqual(classifyCommand('yarn install --frozen-lockfile').references, []);
    assert.deepEqual(classifyCommand('make test').references, [{ kind: 'make-target', name: 'test' }]);
    assert.deepEqual(classifyCommand('make -f ci.mk lint').references, [{ kind: 'make-target', name: 'lint', makefile: 'ci.mk' }]);
    assert.deepEqual(classifyCommand('make -j4 test lint').references, [
      { kind: 'make-target', name: 'test' },
      { kind: 'make-target', name: 'lint' },
    ]);
    assert.deepEqual(classifyCommand('bash .ci/run').references, [{ kind: 'script-file', path: '.ci/run' }]);
    assert.deepEqual(classifyCommand('./scripts/test.sh --fast').references, [{ kind: 'script-file', path: './scripts/test.sh' }]);
    assert.deepEqual(classifyCommand('tox -e "py{39,310},lint"').references, [{ kind: 'tox-envs', envs: ['py{39,310}', 'lint'] }]);
    assert.deepEqual(classifyCommand('tox -e $TOXENV').references, [{ kind: 'tox-envs', envs: [] }]);
    assert.deepEqual(classifyCommand('tox').references, [{ kind: 'tox-envs', envs: [] }]);
    assert.deepEqual(classifyCommand('script/test -sv').references, [{ kind: 'script-file', path: 'script/test' }]);
    assert.deepEqual(classifyCommand('https://example.com/x').references, []);
  });
  it('stays linear on hostile input', () => {
    const started = Date.now();
    classifyCommand(`${'a=b '.repeat(5000)}${'"'.repeat(5000)}${'&&'.repeat(5000)}`);
    assert.ok(Date.now() - started < 500);
  });
});

describe('scriptLines', () => {
  it('joins continuations and drops comments and blanks', () => {
    assert.deepEqual(scriptLines('# setup\nnpm ci\n\nnpx jest \\\n  --ci\n'), [
      { text: 'npm ci', index: 1 },
      { text: 'npx jest  --ci', index: 3 },
    ]);
  });
});
