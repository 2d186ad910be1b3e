import { testControl } from '../../testing/control-table.js';
import control from './crash-reporting-scrubs-pii.js';

testControl(control, {
  pass: [
    { name: 'Sentry with defaults', files: { 'src/sentry.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN });\n" } },
    { name: 'Python Sentry with PII off', files: { 'app/__init__.py': 'import sentry_sdk\nsentry_sdk.init(dsn=DSN, send_default_pii=False)\n' } },
  ],
  fail: [
    {
      name: 'Sentry sending default PII',
      files: { 'src/sentry.ts': "import * as Sentry from '@sentry/browser';\nSentry.init({\n  dsn: process.env.SENTRY_DSN,\n  sendDefaultPii: true,\n});\n" },
      findings: [{ file: 'src/sentry.ts', line: 4, message: 'sendDefaultPii: true' }],
    },
    { name: 'Python send_default_pii=True', files: { 'settings.py': 'import sentry_sdk\nsentry_sdk.init(dsn=DSN, send_default_pii=True)\n' }, findings: 1 },
    { name: 'Crashlytics given the user e-mail', files: { 'lib/crash.dart': "import 'package:firebase_crashlytics/firebase_crashlytics.dart';\nFirebaseCrashlytics.instance;\ncrashlytics.setUserEmail(user.email);\n" }, findings: 1 },
  ],
  notApplicable: [
    { name: 'no error-reporting SDK', files: { 'src/index.ts': 'console.log(1)\n' } },
    { name: 'a mention of an SDK call in code that does not load one', files: { 'src/docs.ts': "const example = 'Sentry.init({ sendDefaultPii: true })';\n" } },
  ],
});
