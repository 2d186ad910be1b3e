import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageReference, unpinnedReason } from './image-reference.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  it('splits registry ports from tags', () => {
    assert.deepEqual(parseImageReference('localhost:5000/app'), { repository: 'localhost:5000/app' });
    assert.deepEqual(parseImageReference('localhost:5000/app:1.2'), { repository: 'localhost:5000/app', tag: '1.2' });
    assert.deepEqual(parseImageReference(`node:20@${DIGEST}`), { repository: 'node', tag: '20', digest: DIGEST });
  });
});

describe('unpinnedReason', () => {
  it('accepts digests and, when allowed, explicit tags', () => {
    assert.equal(unpinnedReason(`node@${DIGEST}`, false), undefined);
    assert.equal(unpinnedReason('node:20.11-alpine', true), undefined);
  });
  it('rejects latest, untagged, tag-only and malformed digests', () => {
    assert.match(unpinnedReason('node:latest', true) ?? '', /latest/);
    assert.match(unpinnedReason('node', true) ?? '', /no tag/);
    assert.match(unpinnedReason('node:20', false) ?? '', /by tag '20'/);
    assert.match(unpinnedReason('node@sha256:abc', false) ?? '', /not a sha256/);
  });
});
