import { testControl } from '../../testing/control-table.js';
import control from './codeowners-cover-repository.js';

const tree = { 'src/index.ts': '', 'docs/guide.md': '', 'infra/main.tf': '' };

testControl(control, {
  pass: [
    { name: 'a catch-all rule', files: { ...tree, '.github/CODEOWNERS': '# owners\n* @acme/engineering\n/infra/ @acme/platform ops@example.com\n' } },
    { name: 'every directory owned, at the root', files: { ...tree, CODEOWNERS: '/src/ @ann\n/docs/ @bob\n/infra/ @acme/platform\nCODEOWNERS @ann\n' } },
    { name: 'GitLab sections', files: { ...tree, '.gitlab/CODEOWNERS': '[Backend]\n* @acme/backend\n^[Docs][2] @acme/docs\n/docs/ @acme/docs\n' } },
  ],
  fail: [
    { name: 'no CODEOWNERS', files: tree, findings: [{ message: 'no CODEOWNERS file' }] },
    {
      name: 'paths left unowned',
      files: { ...tree, '.github/CODEOWNERS': '/src/ @ann\n' },
      findings: [{ message: '.github/CODEOWNERS has no owner' }, { message: 'docs/guide.md has no owner' }, { message: 'infra/main.tf has no owner' }],
    },
    {
      name: 'a later rule without owners un-owns a path',
      files: { ...tree, '.github/CODEOWNERS': '* @acme/all\n/infra/\n' },
      findings: [{ message: 'infra/main.tf is left without an owner by the rule on line 2', line: 2 }],
    },
    {
      name: 'invalid syntax',
      files: { ...tree, '.github/CODEOWNERS': '* @acme/all\n!/docs/ @bob\n/src/ not-an-owner\n' },
      findings: [{ message: 'negated pattern', line: 2 }, { message: '"not-an-owner" is not a @user', line: 3 }, { message: 'src/index.ts is left without an owner by the rule on line 3' }],
    },
  ],
  notApplicable: [{ name: 'empty repository', files: {} }],
});
