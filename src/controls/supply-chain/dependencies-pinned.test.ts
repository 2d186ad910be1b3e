import { testControl } from '../../testing/control-table.js';
import control from './dependencies-pinned.js';

testControl(control, {
  pass: [
    { name: 'open ranges fixed by a lockfile', files: { 'package.json': '{"dependencies":{"a":"*","b":"latest"}}', 'package-lock.json': '{"lockfileVersion":3,"packages":{}}' } },
    { name: 'bounded ranges without a lockfile', files: { 'package.json': '{"dependencies":{"a":"^1.2.0","b":"~2.0","c":"1.x"}}' } },
    { name: 'git dependency pinned to a commit', files: { 'package.json': '{"dependencies":{"a":"github:x/a#0123456789abcdef0123456789abcdef01234567"}}' } },
    { name: 'pinned requirements', files: { 'requirements.txt': 'flask==3.0.0\nclick>=8,<9\n' } },
  ],
  fail: [
    {
      name: 'wildcards and tags in package.json',
      files: { 'package.json': '{\n  "dependencies": {\n    "a": "*",\n    "b": "latest",\n    "c": "next",\n    "d": "x",\n    "e": "^1"\n  }\n}' },
      findings: [
        { line: 3, message: 'a in package.json accepts any version ("*")' },
        { line: 4, message: '"latest"' },
        { line: 5, message: '"next"' },
        { line: 6, message: '"x"' },
      ],
    },
    { name: 'git branch in package.json', files: { 'package.json': '{"dependencies":{"a":"github:x/a#main"}}' }, findings: [{ message: 'not a full commit hash' }] },
    { name: 'unversioned requirement line', files: { 'requirements.txt': 'flask\nclick==8.1.7\n' }, findings: [{ line: 1, message: 'flask in requirements.txt names no version at all' }] },
    { name: 'pyproject git URL on a branch, no lock', files: { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["lib @ git+https://github.com/x/lib.git@main"]\n' }, findings: [{ line: 3 }] },
    { name: 'Cargo wildcard without Cargo.lock', files: { 'Cargo.toml': '[dependencies]\nrand = "*"\n' }, findings: [{ line: 2 }] },
    { name: 'Gemfile gem without a version or lock', files: { Gemfile: 'source "https://rubygems.org"\ngem "rails"\n' }, findings: [{ line: 2 }] },
  ],
  unknown: [{ name: 'an unreadable manifest without a lockfile', files: { 'composer.json': '{ broken' }, findings: [{ outcome: 'unknown' }] }],
  notApplicable: [
    { name: 'no manifests', files: { 'main.c': 'int main(){}' } },
    { name: 'only local path dependencies', files: { 'package.json': '{"dependencies":{"a":"file:../a"}}' } },
  ],
});
