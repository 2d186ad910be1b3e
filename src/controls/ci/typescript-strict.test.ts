import { testControl } from '../../testing/control-table.js';
import control from './typescript-strict.js';

testControl(control, {
  pass: [
    { name: 'strict: true, with comments and trailing commas', files: { 'tsconfig.json': '{\n  // settings\n  "compilerOptions": {\n    "strict": true, /* on */\n  },\n}\n' } },
    { name: 'every strict flag on its own', files: { 'tsconfig.json': JSON.stringify({ compilerOptions: { noImplicitAny: true, strictNullChecks: true, strictFunctionTypes: true, strictBindCallApply: true, strictPropertyInitialization: true, noImplicitThis: true, alwaysStrict: true, useUnknownInCatchVariables: true } }) } },
    {
      name: 'strict inherited from a local base, which is not judged alone',
      files: { 'tsconfig.base.json': '{"compilerOptions":{"strict":true}}', 'packages/a/tsconfig.json': '{"extends":"../../tsconfig.base.json"}', 'packages/b/tsconfig.build.json': '{"extends":"../../tsconfig.base"}' },
    },
    { name: 'extends @tsconfig/strictest', files: { 'tsconfig.json': '{"extends":"@tsconfig/strictest/tsconfig.json"}' } },
    { name: 'an unknown package base, but strict stated here', files: { 'tsconfig.json': '{"extends":"some-preset/tsconfig","compilerOptions":{"strict":true}}' } },
  ],
  fail: [
    { name: 'no strict', files: { 'tsconfig.json': '{\n  "compilerOptions": {\n    "target": "ES2022"\n  }\n}\n' }, findings: [{ message: 'tsconfig.json is not strict: "strict" is not true', file: 'tsconfig.json', line: 2 }] },
    { name: 'strict but a flag turned back off', files: { 'tsconfig.json': '{"compilerOptions":{"strict":true,"strictNullChecks":false}}' }, findings: [{ message: 'strictNullChecks off' }] },
    {
      name: 'one of several configs loosens the base',
      files: { 'tsconfig.json': '{"compilerOptions":{"strict":true}}', 'tsconfig.test.json': '{"extends":"./tsconfig.json","compilerOptions":{"noImplicitAny":false}}' },
      findings: [{ file: 'tsconfig.test.json' }],
    },
  ],
  notApplicable: [{ name: 'no TypeScript', files: { 'index.js': '' } }],
  unknown: [
    { name: 'strictness comes from a package tenet cannot see', files: { 'tsconfig.json': '{"extends":"@company/tsconfig"}' }, findings: [{ outcome: 'unknown', message: 'extends @company/tsconfig' }] },
    { name: 'a local base that is missing', files: { 'tsconfig.json': '{"extends":"./missing.json"}' } },
  ],
});
