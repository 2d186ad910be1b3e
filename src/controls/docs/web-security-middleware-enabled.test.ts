import { testControl } from '../../testing/control-table.js';
import control from './web-security-middleware-enabled.js';

const express = (extra: Record<string, string> = {}): string => JSON.stringify({ dependencies: { express: '5.0.0', ...extra } });
const djangoSettings = (middleware: string[]): string => `INSTALLED_APPS = []\nMIDDLEWARE = [\n${middleware.map((entry) => `    "${entry}",`).join('\n')}\n]\n`;

testControl(control, {
  pass: [
    { name: 'Express with helmet', files: { 'package.json': express({ helmet: '8.0.0' }), 'src/app.ts': 'app.use(helmet());\n' } },
    {
      name: 'Django with CSRF and security middleware',
      files: {
        'requirements.txt': 'django==5.1\n',
        'mysite/settings.py': djangoSettings(['django.middleware.security.SecurityMiddleware', 'django.middleware.csrf.CsrfViewMiddleware']),
      },
    },
  ],
  fail: [
    { name: 'Express without helmet', files: { 'package.json': express(), 'src/app.ts': 'app.listen(3000);\n' }, findings: [{ message: 'express application without security headers', file: 'package.json' }] },
    {
      name: 'Django settings without CSRF middleware',
      files: { 'requirements.txt': 'django==5.1\n', 'mysite/settings.py': djangoSettings(['django.middleware.security.SecurityMiddleware']) },
      findings: [{ message: 'CsrfViewMiddleware', file: 'mysite/settings.py', line: 2 }],
    },
    {
      name: 'Spring Security with CSRF disabled',
      files: { 'pom.xml': '<artifactId>spring-boot-starter-web</artifactId>\n', 'src/main/java/Sec.java': 'class Sec {\n  void c(HttpSecurity http) { http.csrf().disable(); }\n}\n' },
      findings: [{ file: 'src/main/java/Sec.java', line: 2 }],
    },
  ],
  notApplicable: [{ name: 'a library', files: { 'package.json': JSON.stringify({ dependencies: { lodash: '4.17.21' } }) } }],
  unknown: [{ name: 'Django without a settings module tenet can read', files: { 'requirements.txt': 'django==5.1\n', 'package.json': express({ helmet: '8.0.0' }) } }],
});
