import { testControl } from '../../testing/control-table.js';
import { gitIn } from '../../testing/fixture.js';
import { commitByHand } from '../../testing/git-history.js';
import control from './commit-authors-identified.js';

const inWindow = { now: new Date('2026-02-01T00:00:00Z') };
const history = (identities: ({ author: string; committer?: string })[]) => (root: string) => {
  gitIn(root, 'init', '-q', '-b', 'main');
  identities.forEach((identity, index) => commitByHand(root, { file: `f${index}.txt`, content: `${index}\n`, message: `change ${index}`, ...identity }));
};
const ann = { author: 'Ann Smith <ann@acme.io>' };

testControl(control, {
  pass: [
    {
      name: 'real addresses, GitHub no-reply and the web-flow committer',
      files: {},
      setup: history([ann, { author: 'Bo <1234+bo@users.noreply.github.com>', committer: 'GitHub <noreply@github.com>' }, { author: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>' }]),
      options: inWindow,
    },
    { name: 'subdomain of an allowed domain', files: {}, setup: history([{ author: 'Ann <ann@eng.acme.io>' }]), params: { domains: ['acme.io'] }, options: inWindow },
  ],
  fail: [
    { name: 'the fixture default (example.com)', files: {}, setup: history([{ author: 'Test Author <author@example.com>' }]), options: inWindow, findings: [{ message: 'reserved example domain' }] },
    { name: 'root on a laptop', files: {}, setup: history([ann, { author: 'root <root@build-01.local>' }]), options: inWindow, findings: [{ message: 'author and committer identity "root <root@build-01.local>" on 1 commit(s)' }] },
    { name: 'a bare hostname', files: {}, setup: history([{ author: 'Ann <ann@laptop>' }]), options: inWindow, findings: [{ message: 'laptop is a machine' }] },
    { name: 'localhost', files: {}, setup: history([{ author: 'Ann <ann@localhost>' }]), options: inWindow, findings: 1 },
    { name: 'an empty e-mail', files: {}, setup: history([{ author: 'Ann <>' }]), options: inWindow, findings: [{ message: 'empty' }] },
    { name: 'a configured shared account', files: {}, setup: history([ann, { author: 'Team <team@acme.io>' }]), params: { sharedIdentities: ['team@acme.io'] }, options: inWindow, findings: [{ message: 'a shared account' }] },
    { name: 'outside the allowed domains', files: {}, setup: history([ann, { author: 'Ann <ann@gmail.com>' }]), params: { domains: ['acme.io'] }, options: inWindow, findings: [{ message: 'gmail.com is not one of the allowed domains' }] },
    { name: 'one finding per identity, not per commit', files: {}, setup: history([{ author: 'root <root@acme.io>' }, { author: 'root <root@acme.io>' }]), options: inWindow, findings: [{ message: 'on 2 commit(s)' }] },
  ],
  notApplicable: [{ name: 'no commits in the window', files: {}, setup: history([ann]), options: { now: new Date('2026-11-23T00:00:00Z') } }],
  unknown: [{ name: 'not a git repository', files: { 'a.txt': '' } }],
});
