import { testControl } from '../../testing/control-table.js';
import control from './runtime-is-lts.js';

const options = { now: new Date('2026-11-15T00:00:00Z') };

testControl(control, {
  pass: [
    { name: 'engines >=22', files: { 'package.json': '{"engines":{"node":">=22"}}' }, options },
    { name: '.nvmrc lts/*', files: { '.nvmrc': 'lts/*\n' }, options },
    { name: 'Docker and CI on 24', files: { Dockerfile: 'FROM node:24-alpine AS build\nRUN npm ci\n', '.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 24.x\n' }, options },
    { name: '.tool-versions and .node-version', files: { '.tool-versions': 'python 3.12.1\nnodejs 22.11.0\n', '.node-version': 'v24.1.0\n' }, options },
  ],
  fail: [
    {
      name: 'engines >=20 after 20 reached end of life',
      files: { 'package.json': '{\n  "name": "x",\n  "engines": {\n    "node": ">=20"\n  }\n}' },
      options,
      findings: [{ file: 'package.json', line: 4, message: 'engines.node in package.json: ">=20" means Node.js 20, which reached end of life on 2026-04-30' }],
    },
    { name: 'Docker node:latest', files: { Dockerfile: 'FROM --platform=linux/amd64 node AS base\n' }, options, findings: [{ line: 1, message: 'newest release' }] },
    { name: 'distroless Node.js 20', files: { Dockerfile: 'FROM node:22 AS build\nFROM gcr.io/distroless/nodejs20-debian12\n' }, options, findings: [{ line: 2 }] },
    { name: 'odd line in .nvmrc', files: { '.nvmrc': '25\n' }, options, findings: [{ file: '.nvmrc', line: 1 }] },
    { name: 'CI matrix still testing 18', files: { '.github/workflows/ci.yml': 'jobs:\n  t:\n    strategy:\n      matrix:\n        node-version: [18, 22, 24]\n' }, options, findings: [{ line: 5, message: 'Node.js 18' }] },
  ],
  notApplicable: [
    { name: 'no Node.js declared', files: { 'package.json': '{"name":"x"}', Dockerfile: 'FROM python:3.12\n' }, options },
    { name: 'engines only in a vendored package', files: { 'vendor/x/package.json': '{"engines":{"node":">=0.10"}}' }, options },
  ],
  unknown: [{ name: 'a version from a build argument', files: { Dockerfile: 'ARG V=22\nFROM node:${V}\n' }, options, findings: [{ outcome: 'unknown' }] }],
});
