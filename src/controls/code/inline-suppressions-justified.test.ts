import { testControl } from '../../testing/control-table.js';
import control from './inline-suppressions-justified.js';

testControl(control, {
  pass: [
    {
      name: 'every suppression says why',
      files: {
        'app/run.py': 'subprocess.run(cmd, shell=True)  # nosec B602 -- cmd is a constant from settings\nx = eval(expr)  # nosemgrep: python.lang.eval -- expr comes from our own config file\n',
        'src/a.js': '// eslint-disable-next-line security/detect-object-injection -- key is validated against an allow-list\nconst v = obj[key];\n',
        'main.tf': '#checkov:skip=CKV_AWS_20:The bucket hosts the public website\n# tfsec:ignore:aws-s3-enable-logging access logs go to the central account\n',
        'src/Main.java': 'String x = y; // NOSONAR(the value is a compile-time constant)\n',
        'config/.env.example': 'API_KEY=placeholder # pragma: allowlist secret - documented placeholder value\n',
      },
    },
    { name: 'eslint-disable of style rules and noqa of style codes are not security suppressions', files: { 'src/b.js': '// eslint-disable-next-line no-console\nconsole.log(1);\n/* eslint-disable */\n', 'app/c.py': 'import os  # noqa: F401\nx = 1  # noqa\n' } },
    { name: 'noqa of a Bandit rule with a reason', files: { 'app/d.py': 'PASSWORD_FIELD = "password"  # noqa: S105 the name of a form field, not a password\n' } },
    { name: 'no suppressions at all', files: { 'src/c.py': 'print(1)\n' } },
    { name: 'markers in strings and regular expressions are not suppressions', files: { 'src/rules.ts': "const MARKER = /(nosec|NOSONAR)/;\nconst text = 'add a nosec marker';\nconst example = '# nosec';\n" } },
    { name: 'unjustified suppressions only in tests', files: { 'tests/test_x.py': 'eval(x)  # nosec\n', 'app/x.py': 'x = 1\n' } },
  ],
  fail: [
    { name: 'bare nosec', files: { 'app/run.py': 'subprocess.run(cmd, shell=True)  # nosec\n' }, findings: [{ file: 'app/run.py', line: 1, message: 'nosec suppression without a written reason' }] },
    { name: 'nosec with rule ids only', files: { 'app/run.py': 'subprocess.run(cmd, shell=True)  # nosec B602, B607\n' }, findings: 1 },
    { name: 'eslint security rule without a description', files: { 'src/a.js': '// eslint-disable-next-line security/detect-non-literal-fs-filename\nfs.readFileSync(p);\n/* eslint-disable no-eval */\n' }, findings: 2 },
    { name: 'checkov, tfsec, trivy and kics without reasons', files: { 'main.tf': '#checkov:skip=CKV_AWS_20\n# tfsec:ignore:aws-s3-enable-logging\n# trivy:ignore:AVD-AWS-0086\n# kics-scan ignore-line\n' }, findings: 4 },
    {
      name: 'NOSONAR, gitleaks:allow and tenet:ignore without reasons; the allowed secret stays out of the report',
      files: { 'src/M.java': 'int x = 1; // NOSONAR\n', 'config.yml': 'token: ghp_abcdefghijklmnop # gitleaks:allow\n', 'Dockerfile': '# tenet:ignore dockerfile-runs-as-non-root\nUSER root\n' },
      findings: [{ file: 'Dockerfile' }, { file: 'config.yml', evidence: '# gitleaks:allow' }, { file: 'src/M.java' }],
    },
    { name: 'noqa of a Bandit rule without a reason', files: { 'app/d.py': 'subprocess.call(cmd, shell=True)  # noqa: S602\n' }, findings: [{ message: 'noqa' }] },
    { name: 'a one-word reason', files: { 'app/x.py': 'eval(x)  # nosec B307 ok\n' }, findings: 1 },
  ],
  notApplicable: [{ name: 'only documentation', files: { 'README.md': 'Use # nosec sparingly\n' } }],
});
