import { testControl } from '../../testing/control-table.js';
import control from './dockerfile-base-image-pinned.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;

testControl(control, {
  pass: [
    { name: 'every external base pinned by digest', files: { Dockerfile: `FROM node:20@${DIGEST} AS build\nFROM gcr.io/distroless/nodejs20-debian12@${DIGEST}\n` } },
    { name: 'scratch and earlier stages need no pin', files: { Dockerfile: `FROM golang:1.22@${DIGEST} AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n` } },
    { name: 'ARG default resolved to a pinned image', files: { Dockerfile: `ARG BASE=node:20@${DIGEST}\nFROM \${BASE}\n` } },
    { name: 'explicit tag when tags are allowed', files: { Dockerfile: 'FROM node:20.11.1-slim\n' }, params: { allowTag: true } },
  ],
  fail: [
    {
      name: 'latest, untagged and tag-only bases, one finding per stage',
      files: { Dockerfile: `FROM node:latest AS deps\nFROM node AS build\nFROM node:20-slim\nFROM alpine@${DIGEST}\n` },
      findings: [
        { line: 1, resource: 'deps', message: "'latest'" },
        { line: 2, resource: 'build', message: 'no tag or digest' },
        { line: 3, resource: '2', message: "by tag '20-slim'" },
      ],
    },
    { name: 'latest fails even when tags are allowed', files: { Dockerfile: 'FROM python:latest\n' }, params: { allowTag: true }, findings: [{ line: 1 }] },
    { name: 'ARG default that is not pinned', files: { Dockerfile: 'ARG BASE=node:20\nFROM $BASE\n' }, findings: [{ line: 2, message: 'FROM node:20' }] },
    { name: 'registry with a port and no tag', files: { 'svc/Dockerfile': 'FROM registry.local:5000/team/base\n' }, findings: [{ file: 'svc/Dockerfile', message: 'no tag' }] },
  ],
  notApplicable: [{ name: 'no Dockerfile', files: { 'README.md': '# hi\n' } }],
  unknown: [
    { name: 'FROM a build argument without default', files: { Dockerfile: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n' }, findings: [{ line: 2, outcome: 'unknown', message: 'BASE_IMAGE' }] },
  ],
  deviated: [
    // Docker has no trailing comments: a waiver sits on the line above the instruction.
    { name: 'waived above the FROM line', files: { Dockerfile: '# tenet:ignore dockerfile-base-image-pinned signed and mirrored internally\nFROM internal/base:stable\n' }, findings: 1 },
  ],
});
