import { testControl } from '../../testing/control-table.js';
import control from './dockerfile-no-secrets-in-build.js';

const PRIVATE_KEY = ['-----BEGIN', 'PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\n'].join(' ');

testControl(control, {
  pass: [
    {
      name: 'build secret mount, references and harmless names',
      files: {
        Dockerfile: 'FROM node:20\nARG NPM_TOKEN\nENV NODE_ENV=production PORT=3000 DB_PASSWORD_FILE=/run/secrets/db\nRUN --mount=type=secret,id=npm npm ci\nCOPY .env.example .npmrc ./\n',
        '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n',
      },
    },
    { name: 'a public certificate', files: { Dockerfile: 'FROM nginx:1.27\nCOPY certs/ca.pem /etc/ssl/ca.pem\n', 'certs/ca.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' } },
    { name: 'files copied from another stage', files: { Dockerfile: 'FROM alpine AS keys\nFROM alpine\nCOPY --from=keys /root/.ssh/id_rsa.pub /x\n' } },
  ],
  fail: [
    {
      name: 'literal ENV and ARG credentials, one finding each, redacted',
      files: { Dockerfile: 'FROM node:20 AS build\nARG NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz\nFROM node:20-slim\nENV NODE_ENV=production \\\n    DB_PASSWORD="hunter2hunter2"\n' },
      findings: [
        { line: 2, resource: 'build', message: 'ARG NPM_TOKEN', evidence: 'NPM_TOKEN=npm_********' },
        { line: 5, resource: '1', message: 'ENV DB_PASSWORD', evidence: 'DB_PASSWORD=hunt********' },
      ],
    },
    { name: 'ENV keeps a build argument in the image', files: { Dockerfile: 'FROM node:20\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN}\n' }, findings: [{ line: 3, message: "keeps a build-time credential in the image's environment" }] },
    { name: 'copied SSH key and .env', files: { Dockerfile: 'FROM alpine\nCOPY id_rsa /root/.ssh/id_rsa\nADD .env /app/.env\n' }, findings: [{ line: 2, message: 'key or credential file' }, { line: 3 }] },
    { name: '.npmrc with a literal token', files: { 'app/Dockerfile': 'FROM node:20\nCOPY package.json .npmrc ./\n', 'app/.npmrc': '//registry.npmjs.org/:_authToken=npm_0123456789abcdef\n' }, findings: [{ file: 'app/Dockerfile', line: 2, message: 'holds a credential' }] },
    { name: 'private key in a .pem', files: { Dockerfile: 'FROM nginx:1.27\nCOPY tls/server.pem /etc/ssl/\n', 'tls/server.pem': PRIVATE_KEY }, findings: [{ line: 2 }] },
  ],
  notApplicable: [{ name: 'no Dockerfile', files: { '.env': 'A=1\n' } }],
  unknown: [
    { name: '.npmrc generated outside the repository', files: { Dockerfile: 'FROM node:20\nCOPY .npmrc ./\n' }, findings: [{ line: 2, outcome: 'unknown' }] },
  ],
});
