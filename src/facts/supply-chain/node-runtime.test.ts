import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ciDeclarations } from './node-runtime.js';

describe('CI Node.js declarations', () => {
  it('reads setup-node versions, matrix lists, Travis lists and images', () => {
    const lines = [
      'jobs:',
      '  test:',
      '    strategy:',
      '      matrix:',
      '        node: [22, "24"]',
      '        node-version:',
      '          - 22.x',
      '          - lts/*',
      '    steps:',
      '      - uses: actions/setup-node@v4',
      '        with:',
      '          node-version: ${{ matrix.node }}',
      '      - uses: actions/setup-node@v4',
      '        with:',
      "          node-version: '20'",
      '  lint:',
      '    container:',
      '      image: node:24-alpine',
      '    # node-version: 18',
      'node_js:',
      '  - 18',
      'setup:',
      '  node: true',
      '  node:',
      '    - name: label',
    ];
    assert.deepEqual(
      ciDeclarations('ci.yml', lines).map((declaration) => [declaration.line, declaration.source, declaration.value]),
      [
        [5, 'node', '22'],
        [5, 'node', '24'],
        [7, 'node-version', '22.x'],
        [8, 'node-version', 'lts/*'],
        [15, 'node-version', '20'],
        [18, 'image node', '24-alpine'],
        [21, 'node_js', '18'],
      ],
    );
  });
});
