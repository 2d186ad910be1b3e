import { testControl } from '../../testing/control-table.js';
import control from './no-dangerous-workflow-triggers.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const target = (steps: string, on = 'pull_request_target'): string => `on: ${on}\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

testControl(control, {
  pass: [
    {
      name: 'pull_request_target that checks out the base only',
      files: { '.github/workflows/label.yml': target(`      - uses: actions/checkout@${SHA}\n      - run: ./label.sh\n`) },
    },
    {
      name: 'checks out the head but runs nothing (e.g. only reads files through an action)',
      files: {
        '.github/workflows/t.yml': target(`      - uses: actions/checkout@${SHA}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n      - uses: actions/labeler@${SHA}\n`),
      },
    },
  ],
  fail: [
    {
      name: 'pwn request: head sha checked out, then npm test',
      files: {
        '.github/workflows/t.yml': target(`      - uses: actions/checkout@${SHA}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n      - run: npm ci && npm test\n`),
      },
      findings: [{ message: 'checks out the pull request\'s code', line: 7, resource: '.github/workflows/t.yml#test/0' }],
    },
    {
      name: 'workflow_run checking out the triggering head branch then running a local action',
      files: {
        '.github/workflows/t.yml': target(
          `      - uses: actions/checkout@${SHA}\n        with:\n          ref: \${{ github.event.workflow_run.head_branch }}\n      - uses: ./.github/actions/build\n`,
          'workflow_run',
        ),
      },
      findings: [{ message: 'runs on workflow_run' }],
    },
    {
      name: 'gh pr checkout in a run step followed by a build',
      files: { '.github/workflows/t.yml': target('      - run: |\n          gh pr checkout ${{ github.event.number }}\n          make\n') },
      findings: [{ line: 8, resource: '.github/workflows/t.yml#test/0' }],
    },
    {
      name: 'a reusable workflow called from pull_request_target',
      files: {
        '.github/workflows/entry.yml': 'on: pull_request_target\npermissions: {}\njobs:\n  call:\n    uses: ./.github/workflows/build.yml\n',
        '.github/workflows/build.yml': `on: workflow_call\njobs:\n  build:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@${SHA}\n        with:\n          ref: \${{ github.event.pull_request.head.ref }}\n      - run: make\n`,
      },
      findings: [{ message: 'runs on pull_request_target (called from .github/workflows/entry.yml)', resource: '.github/workflows/build.yml#build/0' }],
    },
    {
      name: 'merge ref of the pull request',
      files: {
        '.github/workflows/t.yml': target(`      - uses: actions/checkout@${SHA}\n        with:\n          ref: refs/pull/\${{ github.event.number }}/merge\n      - run: make\n`),
      },
      findings: 1,
    },
  ],
  unknown: [
    { name: 'a workflow that does not parse', files: { '.github/workflows/ci.yml': 'on: [push\n' }, findings: [{ outcome: 'unknown', file: '.github/workflows/ci.yml', message: 'could not be parsed' }] },
  ],
  notApplicable: [
    { name: 'no workflows', files: {} },
    {
      name: 'ordinary pull_request workflow may check out the head',
      files: { '.github/workflows/t.yml': target(`      - uses: actions/checkout@${SHA}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n      - run: make\n`, 'pull_request') },
    },
  ],
  deviated: [
    {
      name: 'waived with a reason',
      files: {
        '.github/workflows/t.yml': target(
          `      # tenet:ignore no-dangerous-workflow-triggers runs only after the safe-to-test label by a maintainer\n      - uses: actions/checkout@${SHA}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n      - run: make\n`,
        ),
      },
    },
  ],
});
