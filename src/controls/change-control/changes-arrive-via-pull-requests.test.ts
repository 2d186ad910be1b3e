import { testControl } from '../../testing/control-table.js';
import { gitIn } from '../../testing/fixture.js';
import { commitChange, mergeBranch } from '../../testing/git-history.js';
import control from './changes-arrive-via-pull-requests.js';

const inWindow = { now: new Date('2026-02-01T00:00:00Z') };

function initialCommit(root: string): void {
  gitIn(root, 'init', '-q', '-b', 'main');
  commitChange(root, 'README.md', '# app\n', 'Initial commit');
}

function pullRequestMerge(root: string, number: number): void {
  gitIn(root, 'checkout', '-q', '-b', `feature-${number}`);
  commitChange(root, `feature${number}.txt`, 'x\n', `Work on feature ${number}`);
  gitIn(root, 'checkout', '-q', 'main');
  mergeBranch(root, `feature-${number}`, `Merge pull request #${number} from org/feature-${number}`);
}

testControl(control, {
  pass: [
    {
      name: 'GitHub merge commits and a squash merge',
      files: {},
      setup: (root) => {
        initialCommit(root);
        pullRequestMerge(root, 1);
        commitChange(root, 'squashed.txt', 'y\n', 'Add the squashed feature (#2)');
      },
      options: inWindow,
      reason: /2 of 2 commits on main/,
    },
    {
      name: 'a GitLab merge request merge',
      files: {},
      setup: (root) => {
        initialCommit(root);
        gitIn(root, 'checkout', '-q', '-b', 'topic');
        commitChange(root, 'topic.txt', 'z\n', 'Topic work');
        gitIn(root, 'checkout', '-q', 'main');
        mergeBranch(root, 'topic', "Merge branch 'topic' into 'main'\n\nSee merge request group/app!12");
      },
      options: inWindow,
    },
  ],
  fail: [
    {
      name: 'a direct push between pull requests',
      files: {},
      setup: (root) => {
        initialCommit(root);
        pullRequestMerge(root, 1);
        commitChange(root, 'hotfix.txt', 'fix\n', 'Hotfix straight on main');
      },
      options: inWindow,
      findings: [{ message: '"Hotfix straight on main" by Test Author (2026-01-01) was pushed directly' }],
    },
    {
      name: 'a local merge of another branch',
      files: {},
      setup: (root) => {
        initialCommit(root);
        gitIn(root, 'checkout', '-q', '-b', 'local');
        commitChange(root, 'local.txt', 'l\n', 'Local work');
        gitIn(root, 'checkout', '-q', 'main');
        mergeBranch(root, 'local', "Merge branch 'local'");
      },
      options: inWindow,
      findings: [{ message: "merge " }],
    },
  ],
  notApplicable: [{ name: 'only the initial commit', files: {}, setup: initialCommit, options: inWindow }],
  unknown: [{ name: 'not a git repository', files: { 'a.txt': '' } }],
});
