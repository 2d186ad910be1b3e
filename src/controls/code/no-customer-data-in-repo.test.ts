import { testControl } from '../../testing/control-table.js';
import control from './no-customer-data-in-repo.js';

const SQLITE = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(84)]);

testControl(control, {
  pass: [
    {
      name: 'synthetic fixtures and seeds',
      files: {
        'test/fixtures/users.json': '[{"email": "ada@example.com", "card": "4242 4242 4242 4242", "phone": "+1 202 555 0143"}, {"email": "bob@shop.test"}]\n',
        'db/seeds/customers.csv': 'name,email\nAda,ada@example.org\nSupport,support@acme.io\n',
        'db/migrations/001.sql': "CREATE TABLE users (id int, email text);\nINSERT INTO roles VALUES ('admin');\n",
      },
    },
    { name: 'ids and timestamps that are not card numbers', files: { 'fixtures/orders.yaml': 'order_id: 1700000000000123\ncreated: 1699999999999\n' } },
    { name: 'placeholder CPF, CNPJ and NI numbers', files: { 'fixtures/people.yaml': 'cpf: 123.456.789-00\ncnpj: 11.222.333/0001-82\nni: QQ 12 34 56 C\nsku: XY123456Z\n' } },
    { name: 'a .db file that is not SQLite', files: { 'fixtures/words.db': 'plain text word list\n', 'fixtures/a.json': '{}\n' } },
  ],
  fail: [
    { name: 'a real-looking address in a fixture', files: { 'test/fixtures/users.json': '[{"email": "jane.doe@gmail.com"}]\n' }, findings: [{ file: 'test/fixtures/users.json', line: 1, evidence: 'j***@gmail.com' }] },
    { name: 'a Luhn-valid card number in seed data', files: { 'db/seeds.yml': 'card: 4539 1488 0343 6467\n' }, findings: [{ evidence: '****6467', message: 'card' }] },
    { name: 'a phone number in a fixture', files: { 'fixtures/contacts.json': '{"phone": "+44 20 8765 4321"}\n' }, findings: [{ evidence: '***21' }] },
    {
      name: 'valid CPF and CNPJ and an NI number in seeds',
      files: { 'db/seeds/clientes.json': '{"cpf": "529.982.247-25", "cnpj": "11.222.333/0001-81", "ni": "AB 12 34 56 C"}\n' },
      findings: [{ evidence: '***.***.***-25' }, { evidence: '**.***.***/****-81' }, { evidence: 'AB******C' }],
    },
    { name: 'a mysqldump', files: { 'backup/prod.sql': "-- MySQL dump 10.13  Distrib 8.0.36\nINSERT INTO `users` VALUES (1,'x@corp.io');\n" }, findings: [{ line: 1, message: 'database dump' }, { line: 2, message: 'corp.io' }] },
    { name: 'pg_dump data section', files: { 'data/app.sql': 'COPY public.users (id, email) FROM stdin;\n1\tz@corp.io\n\\.\n' }, findings: 2 },
    { name: 'dump, backup and SQLite files', files: { 'prod.dump': 'PGDMP', 'config.bak': 'x', 'data/app.sqlite': SQLITE }, findings: [{ file: 'config.bak' }, { file: 'data/app.sqlite' }, { file: 'prod.dump' }] },
  ],
  notApplicable: [{ name: 'no data files', files: { 'src/app.js': 'const email = "jane@gmail.com";\n', 'README.md': 'mail jane@gmail.com\n' } }],
});
