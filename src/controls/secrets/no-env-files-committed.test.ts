import { testControl } from '../../testing/control-table.js';
import { FakeSecrets } from '../../secrets/samples.js';
import control from './no-env-files-committed.js';

const fake = new FakeSecrets(4);
const IGNORE_ENV = '.env\n.env.*\n!.env.example\n';

testControl(control, {
  pass: [
    { name: 'no .env files at all', files: { 'src/app.ts': '' }, git: true },
    { name: '.env.example with empty values, .env ignored', files: { '.env.example': 'API_TOKEN=\nDB_PASSWORD=""\nPORT=3000\n', '.gitignore': IGNORE_ENV }, git: true },
    { name: 'template with placeholders', files: { '.env.sample': 'API_KEY=<your-key>\nSECRET=${SECRET}\nPASSWORD=changeme\n', '.gitignore': IGNORE_ENV }, git: true },
  ],
  fail: [
    {
      name: 'a committed .env with values',
      files: { '.env': `PORT=3000\nAPI_TOKEN=${fake.alnum(24)}\n`, '.gitignore': 'node_modules/\n' },
      git: true,
      findings: [{ file: '.env', message: 'holds values for PORT, API_TOKEN' }, { file: '.gitignore' }],
    },
    {
      name: 'a template that gives a secret a value',
      files: { '.env.example': `API_TOKEN=${fake.alnum(24)}\nPORT=3000\n`, '.gitignore': IGNORE_ENV },
      git: true,
      findings: [{ file: '.env.example', message: 'secret-named variables values: API_TOKEN' }],
    },
    {
      name: 'an environment template without .env in .gitignore',
      files: { '.env.example': 'API_TOKEN=\n' },
      git: true,
      findings: [{ file: '.gitignore', message: 'does not cover .env' }],
    },
    { name: 'production.env with values', files: { 'deploy/production.env': `export DB_PASSWORD='${fake.alnum(20)}'\n`, '.gitignore': IGNORE_ENV }, git: true, findings: [{ message: 'DB_PASSWORD' }] },
  ],
  notApplicable: [{ name: 'not a git repository, no .env files', files: { 'src/app.ts': '' } }],
});
