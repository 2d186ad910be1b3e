import { testControl, type ControlCase } from '../../testing/control-table.js';
import { gitIn } from '../../testing/fixture.js';
import { githubOptions, pullRequestJson, reviewJson, startFakeGitHub } from '../../testing/fake-github.js';
import { commitChange, mergeBranch } from '../../testing/git-history.js';
import control from './merged-changes-reviewed.js';

const github = await startFakeGitHub();
const inWindow = new Date('2026-02-01T00:00:00Z');
type Review = ReturnType<typeof reviewJson>;

let cases = 0;
/**
 * One history of an initial commit plus a merged pull request #1 by ann (a merge commit) and, when
 * `direct` is set, a commit pushed straight to main; the fake API answers with the given reviews.
 */
function merged(name: string, reviews: Review[][], extra: { direct?: boolean; pullsStatus?: [number, unknown] } = {}): Omit<ControlCase, 'name'> {
  const repo = `protected--merged-${++cases}`;
  const setup = (root: string): void => {
    gitIn(root, 'init', '-q', '-b', 'main');
    commitChange(root, 'README.md', `# ${name}\n`, 'Initial commit');
    gitIn(root, 'checkout', '-q', '-b', 'topic');
    const topic = commitChange(root, 'feature.txt', 'x\n', 'Add the feature');
    gitIn(root, 'checkout', '-q', 'main');
    const merge = mergeBranch(root, 'topic', 'Merge pull request #1 from ann/topic');
    const pull = pullRequestJson(1, { author: 'ann', mergeCommitSha: merge, mergedAt: '2026-01-01T00:00:00Z', repo: `acme/${repo}` });
    const [status, body] = extra.pullsStatus ?? [200, [pull]];
    github.respond(`/repos/acme/${repo}/commits/${merge}/pulls?per_page=100`, status, body);
    github.respond(`/repos/acme/${repo}/commits/${topic}/pulls?per_page=100`, 200, [pull]);
    reviews.forEach((page, index) => {
      const query = index === 0 ? '?per_page=100' : `?per_page=100&page=${index + 1}`;
      const next = index + 1 < reviews.length ? { link: `<${github.url}/repos/acme/${repo}/pulls/1/reviews?per_page=100&page=${index + 2}>; rel="next", <${github.url}/repos/acme/${repo}/pulls/1/reviews?per_page=100&page=${reviews.length}>; rel="last"` } : undefined;
      github.respond(`/repos/acme/${repo}/pulls/1/reviews${query}`, 200, page, next);
    });
    if (extra.direct) {
      const direct = commitChange(root, 'hotfix.txt', 'fix\n', 'Hotfix straight on main');
      github.respond(`/repos/acme/${repo}/commits/${direct}/pulls?per_page=100`, 200, []);
    }
  };
  return { files: {}, setup, options: { ...githubOptions(github, repo), now: inWindow } };
}

const bob = (state: Parameters<typeof reviewJson>[2], at?: string, id = 1) => reviewJson(id, 'bob', state, at);

testControl(control, {
  pass: [
    { name: 'approved by another user', ...merged('approved', [[bob('APPROVED')]]), reason: /1 of 1 pull requests/ },
    { name: 'a later approval replaces requested changes; comments do not withdraw it', ...merged('latest', [[bob('CHANGES_REQUESTED', '2025-12-31T10:00:00Z'), bob('APPROVED', '2025-12-31T11:00:00Z', 2), bob('COMMENTED', '2025-12-31T12:00:00Z', 3)]]) },
    { name: 'the approval is on the second page (Link header)', ...merged('paged', [[bob('COMMENTED')], [reviewJson(2, 'carol', 'APPROVED')]]) },
    { name: 'two distinct approvers when two are required', ...merged('two', [[bob('APPROVED'), reviewJson(2, 'carol', 'APPROVED')]]), params: { approvals: 2 } },
  ],
  fail: [
    { name: 'only the author approved', ...merged('self', [[reviewJson(1, 'ann', 'APPROVED')]]), findings: [{ message: 'pull request #1 by ann was merged 2026-01-01 with 0 approval(s) from others; 1 required', resource: 'github:acme/protected--merged-5/pull/1' }] },
    { name: 'the latest review requests changes', ...merged('changes', [[bob('APPROVED', '2025-12-31T10:00:00Z'), bob('CHANGES_REQUESTED', '2025-12-31T11:00:00Z', 2)]]), findings: 1 },
    { name: 'approved only after the merge', ...merged('late', [[bob('APPROVED', '2026-01-02T00:00:00Z')]]), findings: 1 },
    { name: 'approved only by a bot', ...merged('bot', [[reviewJson(1, 'github-actions[bot]', 'APPROVED')]]), findings: 1 },
    { name: 'one approver counted twice is still one', ...merged('twice', [[bob('APPROVED'), bob('APPROVED', undefined, 2)]]), params: { approvals: 2 }, findings: [{ message: '1 approval(s) from others (bob); 2 required' }] },
    { name: 'a direct push beside an approved pull request', ...merged('direct', [[bob('APPROVED')]], { direct: true }), findings: [{ message: '"Hotfix straight on main" by Test Author (2026-01-01) did not come through a merged pull request' }] },
  ],
  notApplicable: [
    {
      name: 'only the initial commit',
      files: {},
      setup: (root) => {
        gitIn(root, 'init', '-q', '-b', 'main');
        commitChange(root, 'README.md', '# app\n', 'Initial commit');
      },
      options: { ...githubOptions(github, 'protected'), now: inWindow },
    },
  ],
  unknown: [
    {
      name: 'the token may not read pull requests',
      ...merged('forbidden', [[]], { pullsStatus: [403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit' }] }),
      reason: /commits\/[0-9a-f]{40}\/pulls: 403 Resource not accessible by integration \(the token needs Pull requests read/,
    },
    {
      name: 'a commit GitHub does not know (not pushed)',
      ...merged('unpushed', [[bob('APPROVED')]], { pullsStatus: [422, { message: 'No commit found for SHA: abc', documentation_url: 'https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit' }] }),
      findings: [{ message: 'could not be looked up: GET /repos/acme/protected--merged-12/commits/', outcome: 'unknown' }],
    },
    { name: 'without --github', files: {}, reason: /run with --github/ },
  ],
});
