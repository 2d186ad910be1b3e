import { testControl } from '../../testing/control-table.js';
import control from './dockerfile-healthcheck-defined.js';

testControl(control, {
  pass: [
    { name: 'final stage declares a health check', files: { Dockerfile: 'FROM node:20-slim\nHEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/health || exit 1\n' } },
    { name: 'inherited from the earlier stage it builds on', files: { Dockerfile: 'FROM node:20 AS base\nHEALTHCHECK CMD ["/healthcheck"]\nFROM base\n' } },
    { name: 'build stages need none', files: { Dockerfile: 'FROM golang:1.22 AS build\nFROM scratch\nHEALTHCHECK CMD ["/app", "-health"]\n' } },
  ],
  fail: [
    { name: 'no health check', files: { Dockerfile: 'FROM node:20 AS build\nHEALTHCHECK CMD true\nFROM node:20-slim AS runtime\n' }, findings: [{ line: 3, resource: 'runtime', message: 'declares no HEALTHCHECK' }] },
    { name: 'health check disabled', files: { Dockerfile: 'FROM node:20\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n' }, findings: [{ line: 3, message: 'HEALTHCHECK NONE' }] },
  ],
  notApplicable: [{ name: 'no Dockerfile', files: { 'compose.yaml': 'services: {}\n' } }],
  deviated: [
    { name: 'waived for a Kubernetes-only image', files: { Dockerfile: '# tenet:ignore dockerfile-healthcheck-defined Kubernetes probes check this service\nFROM node:20-slim\n' }, findings: 1 },
  ],
});
