import { testControl } from '../../testing/control-table.js';
import control from './no-script-injection-in-workflows.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const wf = (steps: string): string => `on: issues\npermissions: {}\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

testControl(control, {
  pass: [
    {
      name: 'untrusted value passed through env',
      files: { '.github/workflows/t.yml': wf('      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo "$TITLE"\n') },
    },
    {
      name: 'trusted contexts and inputs in run',
      files: { '.github/workflows/t.yml': wf('      - run: echo ${{ github.sha }} ${{ inputs.name }} ${{ github.event.pull_request.number }} ${{ github.event.pull_request.head.sha }}\n') },
    },
    {
      name: 'untrusted value in if: is not injection',
      files: { '.github/workflows/t.yml': wf("      - if: contains(github.event.issue.title, 'bug')\n        run: echo bug\n") },
    },
  ],
  fail: [
    {
      name: 'issue title in a multi-line run: exact line',
      files: { '.github/workflows/t.yml': wf('      - name: greet\n        run: |\n          echo "hello"\n          echo "${{ github.event.issue.title }}"\n') },
      findings: [{ message: '${{ github.event.issue.title }} is expanded into the run: script of job triage step 0', line: 10, resource: '.github/workflows/t.yml#triage/0' }],
    },
    {
      name: 'every listed context is caught',
      files: {
        '.github/workflows/t.yml': wf(
          [
            '      - run: echo "${{ github.head_ref }}"',
            '      - run: echo "${{ github.event.pull_request.body }}" "${{ github.event.comment.body }}"',
            '      - run: echo "${{ github.event.commits[0].message }}" "${{ github.event.head_commit.author.email }}"',
            '      - run: echo "${{ github.event.pages.*.page_name }}" "${{ github.event.review.body }}" "${{ github.event.pull_request.head.label }}"',
            '',
          ].join('\n'),
        ),
      },
      findings: 8,
    },
    {
      name: 'an expression spread over lines',
      files: { '.github/workflows/t.yml': wf('      - run: |\n          echo start\n          echo "${{\n            github.event.issue.body\n          }}"\n') },
      findings: [{ line: 9, message: 'github.event.issue.body' }],
    },
    {
      name: 'github-script script',
      files: {
        '.github/workflows/t.yml': wf(`      - uses: actions/github-script@${SHA}\n        with:\n          script: |\n            const body = \`\${{ github.event.comment.body }}\`\n`),
      },
      findings: [{ message: 'github-script script', line: 10 }],
    },
    {
      name: 'composite action run step',
      files: { 'action.yml': 'runs:\n  using: composite\n  steps:\n    - shell: bash\n      run: echo "${{ github.event.pull_request.title }}"\n' },
      findings: [{ resource: 'action.yml#runs/0', line: 5 }],
    },
  ],
  unknown: [
    { name: 'a workflow that does not parse', files: { '.github/workflows/ci.yml': 'on: [push\n' }, findings: [{ outcome: 'unknown', file: '.github/workflows/ci.yml', message: 'could not be parsed' }] },
  ],
  notApplicable: [{ name: 'no workflows', files: { 'a.txt': '' } }],
  deviated: [
    {
      name: 'waived on the line itself',
      files: { '.github/workflows/t.yml': wf('      - run: echo ${{ github.head_ref }} # tenet:ignore no-script-injection-in-workflows branch names are restricted by a ruleset\n') },
    },
  ],
});
