import { testControl } from '../../testing/control-table.js';
import { githubOptions, pullRequestJson, reviewJson, startFakeGitHub } from '../../testing/fake-github.js';
import { commitChange } from '../../testing/git-history.js';
import control from './dependency-updates-require-review.js';

const inWindow = { now: new Date('2026-02-01T00:00:00Z') };
const lock = (version: number): string => JSON.stringify({ name: 'app', lockfileVersion: 3, packages: { 'node_modules/lodash': { version: `4.17.${version}` } } });
const base = { 'package.json': '{ "name": "app" }\n', 'package-lock.json': lock(20) };
/** A lockfile update on main after the initial commit, through a squash-merged pull request or pushed directly. */
const lockUpdate = (subject: string) => (root: string) => void commitChange(root, 'package-lock.json', lock(21), subject);
const viaPullRequest = lockUpdate('Bump lodash from 4.17.20 to 4.17.21 (#12)');

const github = await startFakeGitHub();
/** The same update, with the API saying who approved pull request #12. */
const reviewedUpdate = (repo: string, approvers: string[]) => ({
  files: base,
  git: true,
  setup: (root: string) => {
    const sha = commitChange(root, 'package-lock.json', lock(21), 'Bump lodash from 4.17.20 to 4.17.21 (#12)');
    github.respond(`/repos/acme/${repo}/commits/${sha}/pulls?per_page=100`, 200, [pullRequestJson(12, { author: 'dependabot[bot]', mergeCommitSha: sha })]);
    github.respond(`/repos/acme/${repo}/pulls/12/reviews?per_page=100`, 200, approvers.map((login, index) => reviewJson(index + 1, login, 'APPROVED')));
  },
  options: { ...githubOptions(github, repo), ...inWindow },
});

const dependabotWorkflow = (step: string) => `name: Dependabot auto-merge
on: pull_request
permissions:
  contents: write
  pull-requests: write
jobs:
  dependabot:
    runs-on: ubuntu-latest
    if: github.event.pull_request.user.login == 'dependabot[bot]'
    steps:
      - name: Dependabot metadata
        id: metadata
        uses: dependabot/fetch-metadata@v2
      - name: Act on the pull request
        run: ${step}
        env:
          PR_URL: \${{ github.event.pull_request.html_url }}
`;

testControl(control, {
  pass: [
    {
      name: 'Renovate without automerge, lockfile updated through a pull request',
      files: { ...base, 'renovate.json': '{ "extends": ["config:recommended"], "automerge": false, "packageRules": [{ "matchUpdateTypes": ["minor"], "groupName": "minor" }] }\n' },
      git: true,
      setup: viaPullRequest,
      options: inWindow,
      reason: /1 Renovate config\(s\).*1 lockfile-changing commits on main/,
    },
    {
      name: 'JSON5 with comments, unquoted keys and trailing commas',
      files: { ...base, '.github/renovate.json5': "{\n  // keep updates reviewed\n  extends: ['config:recommended', ':automergeDisabled'],\n  automerge: false,\n  packageRules: [{ matchPackageNames: ['eslint'], automerge: false, },],\n}\n" },
      git: true,
      options: inWindow,
    },
    {
      name: 'a Dependabot workflow that only labels',
      files: { ...base, '.github/dependabot.yml': 'version: 2\nupdates: []\n', '.github/workflows/label.yml': dependabotWorkflow('gh pr edit --add-label dependencies "$PR_URL"') },
      git: true,
      options: inWindow,
    },
    { name: 'a lockfile pull request approved by a person (API)', ...reviewedUpdate('protected--lock-approved', ['bob']) },
  ],
  fail: [
    {
      name: 'a lockfile pull request merged without approval (API)',
      ...reviewedUpdate('protected--lock-unreviewed', []),
      findings: [{ message: 'pull request #12 by dependabot[bot] changed a lockfile and was merged without an approving review', resource: 'github:acme/protected--lock-unreviewed/pull/12' }],
    },
    {
      name: 'top-level automerge',
      files: { ...base, 'renovate.json': '{\n  "extends": ["config:recommended"],\n  "automerge": true\n}\n' },
      git: true,
      options: inWindow,
      findings: [{ message: 'Renovate merges updates without review: automerge: true', file: 'renovate.json', line: 3 }],
    },
    {
      name: 'automerge in a package rule of a JSON5 config',
      files: { ...base, 'renovate.json5': "{\n  extends: ['config:recommended'],\n  packageRules: [\n    // dev tools are low risk, they said\n    { matchDepTypes: ['devDependencies'], automerge: true, },\n  ],\n}\n" },
      git: true,
      options: inWindow,
      findings: [{ message: 'packageRules.0.automerge: true', file: 'renovate.json5', line: 5 }],
    },
    {
      name: 'an automerge preset in package.json',
      files: { ...base, 'package.json': '{\n  "name": "app",\n  "renovate": { "extends": ["config:recommended", ":automergeMinor"] }\n}\n' },
      git: true,
      options: inWindow,
      findings: [{ message: 'extends :automergeMinor', file: 'package.json' }],
    },
    {
      name: 'a workflow that auto-merges Dependabot pull requests',
      files: { ...base, '.github/workflows/automerge.yml': dependabotWorkflow('gh pr merge --auto --squash "$PR_URL"') },
      git: true,
      options: inWindow,
      findings: [{ message: 'job dependabot runs gh pr merge --auto', file: '.github/workflows/automerge.yml', line: 15 }],
    },
    {
      name: 'a workflow that approves bot pull requests',
      files: { ...base, '.github/workflows/approve.yml': dependabotWorkflow('gh pr review --approve "$PR_URL"') },
      git: true,
      options: inWindow,
      findings: [{ message: 'runs gh pr review --approve on bot pull requests' }],
    },
    {
      name: 'an auto-merge action',
      files: { ...base, '.github/workflows/merge.yml': 'on: pull_request_target\njobs:\n  merge:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: fastify/github-action-merge-dependabot@v3\n' },
      git: true,
      options: inWindow,
      findings: [{ message: 'uses fastify/github-action-merge-dependabot', line: 6 }],
    },
    {
      name: 'a lockfile change pushed straight to main',
      files: base,
      git: true,
      setup: lockUpdate('Update lodash'),
      options: inWindow,
      findings: [{ message: '"Update lodash" changed a lockfile without a pull request' }],
    },
  ],
  notApplicable: [{ name: 'no lockfiles and no update bots', files: { 'README.md': '# docs\n' }, git: true, options: inWindow }],
  unknown: [
    { name: 'a Renovate config that does not parse', files: { ...base, 'renovate.json5': '{ automerge: ' }, git: true, options: inWindow, findings: [{ message: 'renovate.json5 could not be read', outcome: 'unknown' }] },
    { name: 'lockfiles but no git history', files: base, findings: [{ message: 'lockfile changes in the history could not be checked: not a git work tree', outcome: 'unknown' }] },
  ],
});
