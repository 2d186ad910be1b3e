import { testControl } from '../../testing/control-table.js';
import control from './dockerfile-base-image-minimal.js';

testControl(control, {
  pass: [
    { name: 'scratch', files: { Dockerfile: 'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\n' } },
    { name: 'distroless', files: { Dockerfile: 'FROM node:20 AS build\nFROM gcr.io/distroless/nodejs20-debian12:nonroot\n' } },
    { name: 'alpine and -slim variants', files: { Dockerfile: 'FROM python:3.12-slim\n', 'b/Dockerfile': 'FROM node:20-alpine3.19\n', 'c/Dockerfile': 'FROM alpine:3.20\n' } },
    { name: 'final stage built on a minimal earlier stage', files: { Dockerfile: 'FROM node:20-slim AS base\nFROM base\n' } },
    { name: 'an allowed in-house image', files: { Dockerfile: 'FROM registry.example.com/base/runtime:7\n' }, params: { allowedImages: ['registry.example.com/base/runtime'] } },
  ],
  fail: [
    {
      name: 'full distribution image in the final stage',
      files: { Dockerfile: 'FROM node:20-alpine AS build\nRUN npm ci\nFROM node:20 AS runtime\nUSER node\n' },
      findings: [{ line: 3, resource: 'runtime', message: 'builds on node:20' }],
    },
    { name: 'final stage inherits a full image through an earlier stage', files: { Dockerfile: 'FROM ubuntu:24.04 AS base\nFROM base AS app\n' }, findings: [{ line: 1, resource: 'app', message: 'ubuntu:24.04' }] },
  ],
  notApplicable: [{ name: 'no Dockerfile', files: { 'main.go': 'package main\n' } }],
  unknown: [{ name: 'final base from a build argument', files: { Dockerfile: 'ARG RUNTIME\nFROM $RUNTIME\n' }, findings: [{ outcome: 'unknown', line: 2 }] }],
});
