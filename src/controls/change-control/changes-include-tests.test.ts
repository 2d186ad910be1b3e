import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { testControl } from '../../testing/control-table.js';
import { gitIn } from '../../testing/fixture.js';
import { commitChange, mergeBranch } from '../../testing/git-history.js';
import control from './changes-include-tests.js';

const inWindow = { now: new Date('2026-02-01T00:00:00Z') };

/** Each step is one commit of the listed files; a step inside an array is a merged branch of commits. */
type Step = string[] | { merge: string[][] };
const history = (steps: Step[]) => (root: string) => {
  gitIn(root, 'init', '-q', '-b', 'main');
  commitChange(root, 'README.md', '# app\n', 'Initial commit');
  let counter = 0;
  const commitFiles = (files: string[], message: string): void => {
    counter++;
    for (const file of files) {
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(root, file), `${counter}\n`);
    }
    gitIn(root, 'add', '-A');
    gitIn(root, 'commit', '-q', '-m', message);
  };
  steps.forEach((step, index) => {
    if (Array.isArray(step)) return commitFiles(step, `change ${index}`);
    gitIn(root, 'checkout', '-q', '-b', `topic-${index}`);
    step.merge.forEach((files, inner) => commitFiles(files, `topic ${index}.${inner}`));
    gitIn(root, 'checkout', '-q', 'main');
    mergeBranch(root, `topic-${index}`, `Merge pull request #${index} from org/topic-${index}`);
  });
};

testControl(control, {
  pass: [
    { name: 'every source change touches a test', files: {}, setup: history([['src/a.ts', 'src/a.test.ts'], ['lib/b.py', 'tests/test_b.py'], ['docs/x.md']]), options: inWindow, reason: /2 of 2 source-changing/ },
    { name: 'a merged pull request whose tests came in a separate commit', files: {}, setup: history([{ merge: [['src/a.ts'], ['src/a.test.ts']] }]), options: inWindow },
    { name: 'below 100% but above a lower threshold', files: {}, setup: history([['src/a.ts', 'src/a.test.ts'], ['src/b.ts']]), params: { minimumPercent: 50 }, options: inWindow },
  ],
  fail: [
    {
      name: 'a source change without tests',
      files: {},
      setup: history([['src/a.ts', 'src/a.test.ts'], ['src/b.ts', 'README.md']]),
      options: inWindow,
      findings: [{ message: '"change 1" changes 1 source file(s) (src/b.ts) and no test' }],
      reason: /1 of 2 .* \(50%, 80% required\)/,
    },
    { name: 'a merge that brings no tests', files: {}, setup: history([{ merge: [['pkg/h.go'], ['pkg/i.go']] }]), options: inWindow, findings: [{ message: 'merge ' }] },
  ],
  notApplicable: [
    { name: 'documentation changes only', files: {}, setup: history([['docs/a.md'], ['package.json']]), options: inWindow },
    { name: 'only the initial commit', files: {}, setup: history([]), options: inWindow },
  ],
  unknown: [{ name: 'not a git repository', files: { 'a.txt': '' } }],
});
