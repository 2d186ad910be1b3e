import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './base-images-from-trusted-sources.js';

const DIGEST = `@sha256:${'a'.repeat(64)}`;

testControl(control, {
  pass: [
    { name: 'official Debian-based build, distroless runtime', files: { Dockerfile: `FROM node:20-bookworm AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs20-debian12${DIGEST}\nCOPY --from=build /app /app\n` } },
    { name: 'HashiCorp and registry.k8s.io images in Kubernetes', files: { 'vault.yaml': podManifest({ containerLines: ['image: hashicorp/vault:1.15'] }), 'pause.yaml': podManifest({ name: 'pause', containerLines: ['image: registry.k8s.io/pause:3.9'] }) } },
    { name: 'an alpine build stage is fine when the runtime is Debian', files: { Dockerfile: 'FROM golang:1.22-alpine AS build\nFROM debian:bookworm-slim\n' } },
    { name: "the project's own registry added as a publisher", files: { 'docker-compose.yml': 'services:\n  web:\n    image: registry.example.com/shop/web:1.2\n' }, params: { trustedPublishers: ['library/*', 'registry.example.com/shop/*'] } },
    { name: 'scratch and a built compose service', files: { Dockerfile: 'FROM scratch\nCOPY app /app\n', 'compose.yaml': 'services:\n  web:\n    build: .\n    image: shop/web\n' } },
  ],
  fail: [
    { name: 'an Alpine runtime', files: { Dockerfile: 'FROM node:20 AS build\nFROM node:20-alpine3.19 AS runtime\n' }, findings: [{ line: 2, resource: 'runtime', message: 'based on alpine, outside the trusted OS families' }] },
    { name: 'an image from an untrusted Docker Hub user', files: { Dockerfile: 'FROM bitnami/nginx:1.25\n' }, findings: [{ line: 1, resource: '0', message: 'bitnami/nginx (docker.io/bitnami/nginx) is not from a trusted publisher' }] },
    { name: 'a Windows image in any stage', files: { Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build\nFROM debian:12\n' }, findings: [{ line: 1, message: 'is a Windows image' }] },
    { name: 'a Kubernetes container image from an unknown registry', files: { 'pod.yaml': podManifest({ containerLines: ['image: quay.io/someone/tool:1'] }) }, findings: [{ line: 8, resource: 'Pod/default/app', message: "container 'app': quay.io/someone/tool is not from a trusted publisher" }] },
    { name: 'a CentOS Compose service', files: { 'docker-compose.yml': 'services:\n  db:\n    image: centos:7\n' }, findings: [{ file: 'docker-compose.yml', line: 3, resource: 'services.db', message: 'based on centos' }] },
  ],
  deviated: [
    { name: 'waived inline', files: { Dockerfile: '# tenet:ignore base-images-from-trusted-sources vendor image reviewed in SEC-7\nFROM bitnami/nginx:1.25\n' } },
    { name: 'a Compose service waived inline', files: { 'docker-compose.yml': 'services:\n  db:\n    # tenet:ignore base-images-from-trusted-sources local development only\n    image: centos:7\n' } },
  ],
  notApplicable: [{ name: 'no images anywhere', files: { 'README.md': '# hi\n' } }],
  unknown: [
    { name: 'FROM an argument without a default', files: { Dockerfile: 'ARG BASE\nFROM ${BASE}\n' }, findings: [{ line: 2, outcome: 'unknown' }] },
    { name: 'a templated Kubernetes image', files: { 'pod.yaml': podManifest({ containerLines: ['image: ${IMAGE}'] }) }, findings: [{ line: 8, outcome: 'unknown' }] },
  ],
});
