import { testControl } from '../../testing/control-table.js';
import { FakeSecrets } from '../../secrets/samples.js';
import { plantedSecrets } from '../../secrets/fixtures.js';
import control from './no-secrets-in-tree.js';

const fake = new FakeSecrets(3);
const [githubPat, awsKeyId, slackToken] = plantedSecrets(5).map((secret) => secret.value) as [string, string, string];
const ignoredFingerprint = async (): Promise<string> => {
  const { secretFingerprint } = await import('../../secrets/matcher.js');
  return secretFingerprint('github-pat', githubPat);
};
const fingerprint = await ignoredFingerprint();

testControl(control, {
  pass: [
    { name: 'source without credentials', files: { 'src/app.ts': 'export const token = process.env.API_TOKEN;\n' } },
    { name: 'the documented AWS example key', files: { 'README.md': 'aws_access_key_id = AKIA' + 'IOSFODNN7EXAMPLE\n' } },
    { name: 'placeholders and template references', files: { '.env.example': 'API_TOKEN=<your-token>\nSECRET=${SECRET}\nPASSWORD=xxxxxxxxxxxxxxxx\n', 'chart/values.yaml': 'password: "{{ .Values.db.password }}"\n' } },
    { name: 'lockfile integrity hashes', files: { 'package-lock.json': `{"packages":{"node_modules/a":{"integrity":"sha512-${fake.base64(86)}=="}}}\n` } },
    { name: 'git SHAs and UUIDs outside a credential context', files: { 'CHANGELOG.md': `fixed in ${fake.hex(40)}\nrequest id ${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}\n` } },
    { name: 'a base64 image', files: { 'index.html': `<img src="data:image/png;base64,${fake.base64(2000)}AKIA${fake.upper(16)}${fake.base64(100)}">\n` } },
    { name: 'a test fixture named as such', files: { 'test/fixtures/credentials.txt': `${githubPat}\n` } },
    { name: 'an allowed path from the configuration', files: { 'vendor/sample.txt': `${githubPat}\n`, 'src/a.ts': 'export {};\n' }, config: { secrets: { allowPaths: ['vendor/**'] } } },
    { name: 'a GitHub-shaped token with a wrong checksum', files: { 'a.ts': `const t = "${githubPat.slice(0, -6)}${'A1b2C3'}";\n` } },
    { name: 'a made-up password in a test source', files: { 'src/db.test.ts': `connect("postgres://app:${fake.alnum(12)}@db:5432/app", { password: "${fake.alnum(20)}" });\n` } },
    { name: 'a minified bundle with a generic assignment', files: { 'dist/app.min.js': `var a={apiKey:"${fake.alnum(32)}"};\n` } },
  ],
  fail: [
    {
      name: 'a GitHub token and an AWS key id',
      files: { 'src/config.ts': `export const gh = "${githubPat}";\n\nexport const aws = "${awsKeyId}";\n` },
      findings: [
        { file: 'src/config.ts', line: 1, message: 'github-pat', fingerprint },
        { file: 'src/config.ts', line: 3, message: 'aws-access-key-id' },
      ],
    },
    { name: 'an unmistakable token in a test source still counts', files: { 'src/api.test.ts': `const token = "${githubPat}";\n` }, findings: [{ message: 'github-pat' }] },
    { name: 'a generic secret assignment', files: { 'settings.py': `SECRET_KEY = "${fake.alnum(40)}"\n` }, findings: [{ message: 'generic-secret-assignment', line: 1 }] },
    { name: 'credentials in a connection URL', files: { 'docker-compose.yml': `DATABASE_URL: postgres://app:${fake.alnum(16)}@db:5432/app\n` }, findings: [{ message: 'url-credentials' }] },
    {
      name: 'an ignored fingerprint does not cover a different secret on the same line',
      files: { 'a.ts': `const gh = "${slackToken}";\n`, '.tenetignore-secrets': `${fingerprint}\n` },
      findings: [{ message: 'slack-bot-token' }],
    },
    { name: 'a secret moved to another line keeps its fingerprint', files: { 'b.ts': `\n\n\nconst gh = "${githubPat}";\n` }, findings: [{ line: 4, fingerprint }] },
  ],
  deviated: [
    {
      name: 'an inline tenet:allow comment',
      files: { 'a.ts': `const gh = "${githubPat}"; // tenet:allow rotated test token\n` },
      findings: [{ suppressed: { kind: 'inline', reason: 'rotated test token', source: 'a.ts:1' } }],
    },
    {
      name: 'a fingerprint in .tenetignore-secrets',
      files: { 'a.ts': `const gh = "${githubPat}";\n`, '.tenetignore-secrets': `# reviewed\n${fingerprint} # revoked on 2026-01-02\n` },
      findings: [{ suppressed: { kind: 'ignore-file', reason: 'revoked on 2026-01-02', source: '.tenetignore-secrets:2' } }],
    },
  ],
  unknown: [],
  notApplicable: [{ name: 'no text files', files: { 'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) } }],
});
