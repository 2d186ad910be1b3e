import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlineWaiver } from './inline-waivers.js';

describe('inlineWaiver', () => {
  const text = [
    'FROM node:20',
    '# tenet:ignore dockerfile-runs-as-non-root the entrypoint drops privileges itself',
    '# another comment',
    'USER root',
    'RUN true # tenet:ignore dockerfile-no-ssh-exposed,dockerfile-no-remote-add vendored installer',
    '',
    '# tenet:ignore dockerfile-healthcheck-defined',
    'HEALTHCHECK NONE',
    '  # tenet:ignore k8s-images-pinned   pinned by the release pipeline  ',
    '  image: nginx',
    '// tenet:ignore tf-backups-enabled scratch data',
    'resource "x" "y" {}',
  ].join('\n');

  it('finds a waiver in the comment block above the line', () => {
    assert.deepEqual(inlineWaiver(text, 4, 'dockerfile-runs-as-non-root'), { reason: 'the entrypoint drops privileges itself', line: 2 });
  });
  it('finds a trailing waiver on the line itself, for any listed control', () => {
    assert.deepEqual(inlineWaiver(text, 5, 'dockerfile-no-remote-add'), { reason: 'vendored installer', line: 5 });
    assert.deepEqual(inlineWaiver(text, 5, 'dockerfile-no-ssh-exposed'), { reason: 'vendored installer', line: 5 });
  });
  it('ignores waivers of other controls', () => {
    assert.equal(inlineWaiver(text, 4, 'dockerfile-base-image-pinned'), undefined);
  });
  it('stops at the first line that is not a comment', () => {
    assert.equal(inlineWaiver(text, 6, 'dockerfile-runs-as-non-root'), undefined);
  });
  it('requires a reason', () => {
    assert.equal(inlineWaiver(text, 8, 'dockerfile-healthcheck-defined'), undefined);
  });
  it('accepts indented and // comments, trimming the reason', () => {
    assert.deepEqual(inlineWaiver(text, 10, 'k8s-images-pinned'), { reason: 'pinned by the release pipeline', line: 9 });
    assert.deepEqual(inlineWaiver(text, 12, 'tf-backups-enabled'), { reason: 'scratch data', line: 11 });
  });
  it('is safe on lines outside the text', () => {
    assert.equal(inlineWaiver(text, 99, 'k8s-images-pinned'), undefined);
    assert.equal(inlineWaiver('', 1, 'k8s-images-pinned'), undefined);
  });
});
