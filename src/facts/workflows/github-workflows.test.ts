import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectFacts } from '../../testing/collect-facts.js';
import { githubWorkflowFacts, localUsesPath, writeScopes } from './github-workflows.js';

describe('github workflow facts', () => {
  it('reads triggers, permissions, jobs and steps with their lines', async () => {
    const { workflows } = await collectFacts(githubWorkflowFacts, {
      '.github/workflows/ci.yml': [
        'on:',
        '  push:',
        '    tags: ["v*"]',
        'permissions:',
        '  contents: write',
        'jobs:',
        '  build:',
        '    environment: { name: prod }',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with: { ref: main }',
        '      - run: >-',
        '          echo one',
        '          two',
        '      - run: "echo \\"${{ github.head_ref }}\\""',
        '',
      ].join('\n'),
    });
    const [workflow] = workflows;
    assert.ok(workflow);
    assert.deepEqual({ events: workflow.events, eventsLine: workflow.eventsLine, pushFilters: workflow.pushFilters, permissionsLine: workflow.permissionsLine }, {
      events: ['push'],
      eventsLine: 1,
      pushFilters: { branches: false, tags: true },
      permissionsLine: 4,
    });
    assert.deepEqual(writeScopes(workflow.permissions ?? { kind: 'other', scopes: {}, text: '' }), ['contents']);
    const job = workflow.jobs[0];
    assert.deepEqual({ id: job?.id, line: job?.line, environments: job?.environments }, { id: 'build', line: 7, environments: ['prod'] });
    assert.deepEqual(job?.steps.map((step) => [step.index, step.line, step.uses ?? step.runLines.map((line) => `${line.line}:${line.text}`).join('|')]), [
      [0, 10, 'actions/checkout@v4'],
      [1, 12, '13:echo one two'],
      [2, 15, '15:echo "${{ github.head_ref }}"'],
    ]);
    assert.equal(job?.steps[0]?.with.ref, 'main');
  });

  it('skips files that are not mappings and reports malformed ones', async () => {
    const { workflows } = await collectFacts(githubWorkflowFacts, { '.github/workflows/a.yml': '- 1\n', '.github/workflows/b.yml': 'on: [\n', 'test/fixtures/x/action.yml': 'runs: {}\n' });
    assert.deepEqual(workflows, []);
  });

  it('localUsesPath', () => {
    assert.equal(localUsesPath('./.github/actions/setup'), '.github/actions/setup');
    assert.equal(localUsesPath('actions/checkout@v4'), undefined);
  });
});
