import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalRepository, matchesPublisher, osFamilyOf } from './image-sources.js';

describe('image sources', () => {
  it('reads Docker Hub names the way Docker does', () => {
    assert.equal(canonicalRepository('node:20'), 'docker.io/library/node');
    assert.equal(canonicalRepository('hashicorp/vault:1.15@sha256:abc'), 'docker.io/hashicorp/vault');
    assert.equal(canonicalRepository('docker.io/debian'), 'docker.io/library/debian');
    assert.equal(canonicalRepository('localhost:5000/app'), 'localhost:5000/app');
    assert.equal(canonicalRepository('gcr.io/distroless/static'), 'gcr.io/distroless/static');
  });

  it('matches publishers exactly or by prefix', () => {
    assert.ok(matchesPublisher('docker.io/library/debian', 'library/*'));
    assert.ok(matchesPublisher('docker.io/library/debian', 'debian'));
    assert.ok(matchesPublisher('registry.k8s.io/pause', 'registry.k8s.io/*'));
    assert.ok(!matchesPublisher('docker.io/hashicorpx/vault', 'hashicorp/*'));
    assert.ok(!matchesPublisher('docker.io/library/debian-evil', 'debian'));
  });

  it('recognises OS families by name and tag', () => {
    assert.equal(osFamilyOf('python:3.12-slim-bookworm'), 'debian');
    assert.equal(osFamilyOf('ubuntu:24.04'), 'ubuntu');
    assert.equal(osFamilyOf('node:20-alpine3.19'), 'alpine');
    assert.equal(osFamilyOf('registry.access.redhat.com/ubi9/ubi-minimal'), 'ubi-minimal');
    assert.equal(osFamilyOf('mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022'), 'windows');
    assert.equal(osFamilyOf('node:20'), undefined);
  });

  it('stays linear on hostile references', () => {
    const started = performance.now();
    osFamilyOf(`${'a-'.repeat(50_000)}:${'-'.repeat(50_000)}`);
    assert.ok(performance.now() - started < 1000);
  });
});
