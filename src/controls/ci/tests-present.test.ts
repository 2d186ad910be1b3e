import { testControl } from '../../testing/control-table.js';
import control from './tests-present.js';

testControl(control, {
  pass: [
    { name: 'Jest tests and a test script', files: { 'package.json': '{"scripts":{"test":"jest"}}', 'src/a.ts': '', 'src/a.test.ts': '' }, reason: /1 test file/ },
    { name: 'pytest files and configuration', files: { 'pyproject.toml': '[project]\n\n[tool.pytest.ini_options]\n', 'pkg/a.py': '', 'tests/test_a.py': '' } },
    { name: 'Go tests (go test is the toolchain\'s)', files: { 'go.mod': 'module x\n', 'a.go': '', 'a_test.go': '' } },
    { name: 'Rust unit tests inside source files', files: { 'Cargo.toml': '[package]\n', 'src/lib.rs': '#[cfg(test)]\nmod tests {}\n' } },
    { name: 'Ruby specs run by CI', files: { Gemfile: '', 'lib/a.rb': '', 'spec/a_spec.rb': '', '.gitlab-ci.yml': 'test:\n  script: bundle exec rspec\n' } },
  ],
  fail: [
    { name: 'no test files', files: { 'package.json': '{"scripts":{"test":"jest"}}', 'src/a.ts': '' }, findings: [{ message: 'no test files found for JavaScript/TypeScript' }] },
    {
      name: 'tests but the default npm placeholder script',
      files: { 'package.json': '{"scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}', 'a.js': '', 'a.test.js': '' },
      findings: [{ message: 'no test command is declared' }],
    },
    { name: 'neither', files: { 'app.py': '', 'setup.py': '' }, findings: 2 },
  ],
  notApplicable: [{ name: 'no code', files: { 'notes.md': '' } }],
});
