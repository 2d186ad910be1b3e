import { testControl } from '../../testing/control-table.js';
import control from './actions-pinned-by-sha.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const workflow = (steps: string): string => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

testControl(control, {
  pass: [
    { name: 'every action pinned by full SHA', files: { '.github/workflows/ci.yml': workflow(`      - uses: actions/checkout@${SHA} # v4\n      - run: npm test\n`) } },
    { name: 'local actions need no pin', files: { '.github/workflows/ci.yml': workflow('      - uses: ./.github/actions/setup\n') } },
    {
      name: 'docker image pinned by digest',
      files: { '.github/workflows/ci.yml': workflow(`      - uses: docker://alpine@sha256:${'a'.repeat(64)}\n`) },
    },
    {
      name: 'an allowed owner may use tags',
      files: { '.github/workflows/ci.yml': workflow('      - uses: my-org/setup@v1\n') },
      params: { allowedOwners: ['My-Org'] },
    },
    {
      name: 'reusable workflow call pinned',
      files: { '.github/workflows/ci.yml': `on: push\njobs:\n  call:\n    uses: octo/shared/.github/workflows/build.yml@${SHA}\n` },
    },
  ],
  fail: [
    {
      name: 'tag and branch refs, one finding per step with its address and line',
      files: { '.github/workflows/ci.yml': workflow(`      - uses: actions/checkout@v4\n      - run: make\n      - uses: someone/action@main\n`) },
      findings: [
        { message: 'actions/checkout@v4 is pinned to "v4"', file: '.github/workflows/ci.yml', line: 6, resource: '.github/workflows/ci.yml#build/0' },
        { message: 'someone/action@main', line: 8, resource: '.github/workflows/ci.yml#build/2' },
      ],
    },
    {
      name: 'short SHA',
      files: { '.github/workflows/ci.yml': workflow('      - uses: actions/checkout@b4ffde6\n') },
      findings: [{ message: 'short SHA' }],
    },
    {
      name: 'docker image by tag',
      files: { '.github/workflows/ci.yml': workflow('      - uses: docker://alpine:3.20\n') },
      findings: [{ message: 'without an @sha256: digest' }],
    },
    {
      name: 'composite action steps are judged too',
      files: { 'action.yml': 'name: x\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n' },
      findings: [{ resource: 'action.yml#runs/0', line: 5 }],
    },
    {
      name: 'reusable workflow call by tag',
      files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  call:\n    uses: octo/shared/.github/workflows/build.yml@v2\n' },
      findings: [{ resource: '.github/workflows/ci.yml#call', line: 4 }],
    },
  ],
  unknown: [
    { name: 'a workflow that does not parse', files: { '.github/workflows/ci.yml': 'on: [push\n' }, findings: [{ outcome: 'unknown', file: '.github/workflows/ci.yml', message: 'could not be parsed' }] },
  ],
  notApplicable: [
    { name: 'no workflows', files: { 'README.md': '# x\n' } },
    { name: 'workflows in a sub-folder are not run by GitHub', files: { '.github/workflows/old/ci.yml': workflow('      - uses: a/b@v1\n') } },
    { name: 'workflow with run steps only', files: { '.github/workflows/ci.yml': workflow('      - run: make\n') } },
  ],
  deviated: [
    {
      name: 'an inline waiver with a reason suppresses the finding',
      files: {
        '.github/workflows/ci.yml': workflow('      # tenet:ignore actions-pinned-by-sha pinned through our action mirror\n      - uses: actions/checkout@v4\n'),
      },
      findings: [{ suppressed: { kind: 'inline', reason: 'pinned through our action mirror', source: '.github/workflows/ci.yml:6' } }],
    },
  ],
});
