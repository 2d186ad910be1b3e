import { testControl } from '../../testing/control-table.js';
import control from './dockerfile-runs-as-non-root.js';

testControl(control, {
  pass: [
    { name: 'final stage sets a named user', files: { Dockerfile: 'FROM node:20\nRUN npm ci\nUSER node\nCMD ["node", "server.js"]\n' } },
    { name: 'numeric uid and gid', files: { Dockerfile: 'FROM alpine\nUSER 10001:10001\n' } },
    { name: 'only the final stage matters', files: { Dockerfile: 'FROM node:20 AS build\nUSER root\nRUN npm ci\nFROM node:20-slim\nUSER node\n' } },
    { name: 'user inherited from the earlier stage it builds on', files: { Dockerfile: 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node"]\n' } },
    { name: 'user from a global ARG re-declared in the stage', files: { Dockerfile: 'ARG APP_UID=10001\nFROM alpine\nARG APP_UID\nUSER ${APP_UID}:${APP_UID}\n' } },
    { name: 'user from an ARG default', files: { Dockerfile: 'FROM node:20\nARG APP_USER=node\nUSER $APP_USER\n' } },
    { name: 'distroless nonroot tag', files: { Dockerfile: 'FROM golang:1.22 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' } },
    { name: 'Containerfile', files: { 'build/Containerfile': 'FROM alpine\nUSER nobody\n' } },
  ],
  fail: [
    {
      name: 'no USER at all',
      files: { Dockerfile: 'FROM node:20\nRUN npm ci\nCMD ["node", "server.js"]\n' },
      findings: [{ file: 'Dockerfile', line: 1, resource: '0', message: 'sets no USER' }],
    },
    {
      name: 'explicit root in the final named stage',
      files: { 'api/Dockerfile': 'FROM node:20 AS build\nUSER node\nRUN npm ci\nFROM node:20-slim AS runtime\nUSER root\n' },
      findings: [{ file: 'api/Dockerfile', line: 5, resource: 'runtime', message: 'runs as root' }],
    },
    { name: 'uid 0 with group', files: { Dockerfile: 'FROM alpine\nUSER 0:0\n' }, findings: [{ line: 2 }] },
    { name: 'non-root builder, root runtime', files: { Dockerfile: 'FROM node:20 AS build\nUSER node\nFROM node:20-slim\nCMD ["node"]\n' }, findings: [{ line: 3, resource: '1' }] },
    { name: 'one finding per Dockerfile', files: { Dockerfile: 'FROM a:1\n', 'web/Dockerfile.prod': 'FROM b:1\nUSER root\n' }, findings: [{ file: 'Dockerfile' }, { file: 'web/Dockerfile.prod', line: 2 }] },
  ],
  notApplicable: [{ name: 'no Dockerfile', files: { 'index.js': '' } }],
  unknown: [
    { name: 'a global ARG not re-declared in the stage is out of scope there', files: { Dockerfile: 'ARG APP_UID=10001\nFROM alpine\nUSER $APP_UID\n' }, findings: [{ line: 3, outcome: 'unknown' }] },
    { name: 'the only Dockerfile is malformed', files: { Dockerfile: 'RUN echo no FROM\n' }, reason: /no Dockerfile could be parsed/ },
    { name: 'USER from a build argument without default', files: { Dockerfile: 'FROM alpine\nARG RUN_AS\nUSER ${RUN_AS}\n' }, findings: [{ line: 3, outcome: 'unknown' }] },
  ],
  deviated: [
    {
      name: 'root final stage waived inline',
      files: { Dockerfile: 'FROM nginx:1.27\n# tenet:ignore dockerfile-runs-as-non-root nginx master drops to the nginx user\nUSER root\n' },
      findings: [{ line: 3, suppressed: { kind: 'inline', reason: 'nginx master drops to the nginx user', source: 'Dockerfile:2' } }],
    },
    {
      name: 'waiver above the FROM of the final stage',
      files: { Dockerfile: 'FROM node:20 AS build\n# tenet:ignore dockerfile-runs-as-non-root init container needs root\nFROM node:20\n' },
      findings: [{ suppressed: { kind: 'inline', reason: 'init container needs root', source: 'Dockerfile:2' } }],
    },
  ],
});
