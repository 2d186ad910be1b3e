import { testControl } from '../../testing/control-table.js';
import control from './ci-runs-build.js';

const pkg = '{"name":"x","scripts":{"build":"tsc -p .","test":"npm run build && node --test"}}';
const gh = (on: string, run: string): string => `on: ${on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

testControl(control, {
  pass: [
    { name: 'npm run build on push and pull_request', files: { 'package.json': pkg, 'src/a.ts': 'export {};\n', '.github/workflows/ci.yml': gh('[push, pull_request]', 'npm run build') } },
    { name: 'npm test whose script runs the build', files: { 'package.json': pkg, 'src/a.ts': 'export {};\n', '.github/workflows/ci.yml': gh('[push, pull_request]', 'npm test') }, reason: /runs `npm test`/ },
    { name: 'go build in GitLab', files: { 'go.mod': 'module x\n', 'main.go': 'package main\n', '.gitlab-ci.yml': 'build:\n  script:\n    - go build ./...\n' } },
    { name: 'gradle assemble in Travis', files: { 'build.gradle': '', 'src/main/java/A.java': 'class A {}\n', '.travis.yml': 'language: java\nscript: ./gradlew assemble\n' } },
    { name: 'docker build in a Jenkinsfile', files: { 'app.py': 'print(1)\n', Jenkinsfile: "pipeline { stages { stage('b') { steps { sh 'docker build -t app .' } } } }\n" } },
  ],
  fail: [
    { name: 'build only on push', files: { 'package.json': pkg, 'src/a.ts': 'export {};\n', '.github/workflows/ci.yml': gh('push', 'npm run build') }, findings: [{ message: 'never on pull requests', resource: '.github/workflows/ci.yml#build', line: 3 }] },
    { name: 'CI only lints', files: { 'package.json': pkg, 'src/a.ts': 'export {};\n', '.github/workflows/ci.yml': gh('[push, pull_request]', 'npx eslint .') }, findings: [{ message: 'no CI job runs a build command' }] },
    { name: 'no CI at all', files: { 'go.mod': 'module x\n', 'main.go': 'package main\n' }, findings: [{ message: 'no CI configuration' }] },
  ],
  notApplicable: [{ name: 'documentation only', files: { 'README.md': '# x\n', '.github/workflows/ci.yml': gh('push', 'make') } }],
  unknown: [
    { name: 'the build may live in a remote GitLab include', files: { 'go.mod': 'module x\n', 'main.go': 'package main\n', '.gitlab-ci.yml': 'include:\n  - project: platform/ci\n    file: go.yml\nlint:\n  script: go vet ./...\n' }, reason: /includes platform\/ci\/go\.yml/ },
  ],
});
