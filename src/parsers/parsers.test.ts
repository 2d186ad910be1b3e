import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson } from './json.js';
import { parseYaml } from './yaml.js';
import { parseToml } from './toml.js';

describe('parsers keep line numbers', () => {
  it('JSON: finds the line of nested keys and array items, with escapes and nesting in between', () => {
    const text = '{\n  "a": {"x": "}\\"{", "y": [1, {"z": 2}]},\n  "packages": {\n    "": {},\n    "node_modules/left-pad": {\n      "version": "1.3.0"\n    }\n  },\n  "list": [\n    "one",\n    "two"\n  ]\n}\n';
    const document = parseJson(text);
    assert.equal(document.lineOf(['packages', 'node_modules/left-pad']), 5);
    assert.equal(document.lineOf(['packages', 'node_modules/left-pad', 'version']), 6);
    assert.equal(document.lineOf(['list', 1]), 11);
    assert.equal(document.lineOf(['a', 'y', 1, 'z']), 2);
    assert.equal(document.lineOf(['missing']), undefined);
    assert.equal(document.lineOf(['list', 5]), undefined);
  });

  it('JSON: a byte-order mark is not an error', () => {
    assert.deepEqual(parseJson('\ufeff{"a":1}').value, { a: 1 });
  });

  it('YAML: every document of a stream, with lines of values and of null-valued keys', () => {
    const [first, second] = parseYaml('kind: A\nspec:\n  replicas: 1\n---\nkind: B\nmetadata:\n  name:\n');
    assert.equal(first?.lineOf(['spec', 'replicas']), 3);
    assert.equal(second?.lineOf(['kind']), 5);
    assert.equal(second?.lineOf(['metadata', 'name']), 7);
  });

  it('YAML: merge keys resolve (GitLab CI style)', () => {
    const [document] = parseYaml('.base: &base\n  image: node\njob:\n  <<: *base\n  script: [npm test]\n');
    assert.deepEqual(document?.value, { '.base': { image: 'node' }, job: { image: 'node', script: ['npm test'] } });
  });

  it('YAML: an alias bomb fails instead of expanding', () => {
    const lines = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let level = 1; level < 9; level++) lines.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    assert.throws(() => parseYaml(lines.join('\n')), /alias/i);
  });

  it('TOML: values and the line of a table or key', () => {
    const document = parseToml('[package]\nname = "x"\n\n[dependencies]\nserde = "1"\n');
    assert.deepEqual(JSON.parse(JSON.stringify(document.value)), { package: { name: 'x' }, dependencies: { serde: '1' } });
    assert.equal(document.lineOf(['dependencies']), 4);
    assert.equal(document.lineOf(['dependencies', 'serde']), 5);
  });
});
