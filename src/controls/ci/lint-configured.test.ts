import { testControl } from '../../testing/control-table.js';
import control from './lint-configured.js';

testControl(control, {
  pass: [
    { name: 'ESLint flat config', files: { 'package.json': '{}', 'src/a.ts': '', 'eslint.config.js': 'export default []\n' } },
    { name: 'eslintConfig in package.json', files: { 'package.json': '{"eslintConfig":{"extends":"eslint:recommended"}}', 'index.js': '' } },
    { name: 'Biome', files: { 'package.json': '{}', 'biome.jsonc': '{ // comment\n}\n' } },
    {
      name: 'Python through a pyproject section and JS through .eslintrc.json',
      files: { 'pyproject.toml': '[project]\nname = "x"\n\n[tool.ruff.lint]\nselect = ["E"]\n', 'app.py': '', 'web/package.json': '{}', 'web/.eslintrc.json': '{}' },
      reason: /Python: ruff \(pyproject\.toml\)/,
    },
    { name: 'Rust counts when clippy runs in CI', files: { 'Cargo.toml': '[package]\n', 'src/main.rs': '', '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: cargo clippy\n' } },
    { name: 'Go with .golangci.yml', files: { 'go.mod': 'module x\n', 'main.go': '', '.golangci.yml': 'linters: {}\n' } },
    { name: 'Ruby with rubocop in the Gemfile', files: { Gemfile: "source 'https://rubygems.org'\ngem 'rubocop', require: false\n", 'app.rb': '' } },
    { name: 'Java with checkstyle in pom.xml', files: { 'pom.xml': '<project><build><plugins><plugin><artifactId>maven-checkstyle-plugin</artifactId></plugin></plugins></build></project>\n', 'src/main/java/A.java': '' } },
    { name: 'Python through a pre-commit hook', files: { 'setup.py': '', 'a.py': '', '.pre-commit-config.yaml': 'repos:\n  - repo: x\n    rev: v1\n    hooks:\n      - id: flake8\n' } },
  ],
  fail: [
    {
      name: 'Python without a linter beside linted TypeScript',
      files: { 'package.json': '{}', 'eslint.config.mjs': '', 'src/a.ts': '', 'tools/a.py': '', 'tools/b.py': '', 'tools/c.py': '' },
      findings: [{ message: 'no linter configured for Python (3 file(s), e.g. tools/a.py)', properties: { language: 'python' } }],
    },
    { name: 'Rust without clippy', files: { 'Cargo.toml': '[package]\n', 'src/main.rs': '' }, findings: [{ message: 'Rust' }] },
    { name: 'Go only vetted by nobody', files: { 'go.mod': 'module x\n', 'main.go': '' }, findings: 1 },
  ],
  notApplicable: [
    { name: 'no code', files: { 'README.md': '' } },
    { name: 'JavaScript tool configuration alone is not a JavaScript project', files: { 'README.md': '', 'prettier.config.js': '', '.github/scripts/x.js': '' } },
  ],
});
