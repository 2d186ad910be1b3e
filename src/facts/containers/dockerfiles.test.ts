import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Repository } from '../../repo/repository.js';
import { makeFixture, removeFixture } from '../../testing/fixture.js';
import { dockerfileFacts, isDockerfileName } from './dockerfiles.js';

const roots: string[] = [];
after(() => roots.forEach(removeFixture));

describe('dockerfileFacts', () => {
  it('finds Dockerfiles by their usual names', () => {
    for (const name of ['Dockerfile', 'api/Dockerfile.prod', 'Containerfile', 'web.Dockerfile', 'x/app.dockerfile']) assert.equal(isDockerfileName(name), true, name);
    for (const name of ['Dockerfile.dockerignore', 'docs/dockerfile-guide.md', 'Makefile', 'src/controls/containers/dockerfile-runs-as-non-root.ts', 'src/parsers/dockerfile.test.ts', 'lib/dockerfile-lint.go']) assert.equal(isDockerfileName(name), false, name);
  });

  it('resolves bases, reports malformed files and keeps credentials out of the facts', async () => {
    const root = makeFixture({
      Dockerfile: 'ARG BASE=node:20\nFROM $BASE AS build\nARG NPM_TOKEN=npm_supersecretvalue0123\nENV DB_PASSWORD "two words"\nFROM build\n',
      'bad/Dockerfile': 'FORM node\n',
    });
    roots.push(root);
    const repo = await Repository.open(root);
    const facts = await dockerfileFacts.collect({ repo, config: {}, options: { github: false, online: false }, facts: () => Promise.reject(new Error('unused')) });
    assert.deepEqual(facts.malformed, ['bad/Dockerfile']);
    const [dockerfile] = facts.dockerfiles;
    assert.deepEqual(dockerfile?.stages.map((stage) => stage.base), [{ kind: 'image', reference: 'node:20' }, { kind: 'stage', index: 0 }]);
    const dump = JSON.stringify(facts);
    assert.ok(!dump.includes('supersecretvalue'), dump);
    assert.ok(!dump.includes('two words'), dump);
    assert.match(repo.errors[0]?.reason ?? '', /malformed Dockerfile: line 1: unknown instruction 'FORM'/);
  });
});
