import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileSyntaxError, parseDockerfile, substitute } from './dockerfile.js';

describe('parseDockerfile', () => {
  it('splits stages with names, indexes, lines and global ARGs', () => {
    const parsed = parseDockerfile('ARG BASE=node:20\nARG TAG\nFROM $BASE AS Build\nRUN npm ci\n\nFROM scratch\nCOPY --from=build /app /app\n');
    assert.deepEqual(parsed.globalArgs, [
      { name: 'BASE', value: 'node:20', line: 1 },
      { name: 'TAG', value: undefined, line: 2 },
    ]);
    assert.equal(parsed.stages.length, 2);
    assert.deepEqual([parsed.stages[0]?.name, parsed.stages[0]?.image, parsed.stages[0]?.line], ['build', '$BASE', 3]);
    assert.deepEqual([parsed.stages[1]?.name, parsed.stages[1]?.image, parsed.stages[1]?.index], [undefined, 'scratch', 1]);
    const copy = parsed.stages[1]?.instructions[0];
    assert.equal(copy?.keyword, 'COPY');
    assert.equal(copy?.line, 7);
    assert.equal(copy?.flags.get('from'), 'build');
    assert.deepEqual(copy?.args, ['/app', '/app']);
  });

  it('joins line continuations and keeps the first line', () => {
    const stage = parseDockerfile('FROM alpine\nRUN apk add \\\n    curl \\\n    openssh\nUSER app\n').stages[0];
    assert.equal(stage?.instructions[0]?.line, 2);
    assert.deepEqual(stage?.instructions[0]?.args, ['apk', 'add', 'curl', 'openssh']);
    assert.equal(stage?.instructions[1]?.line, 5);
  });

  it('honours the escape parser directive', () => {
    const parsed = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir `\n  c:\\\nUSER ContainerUser\n');
    assert.equal(parsed.escape, '`');
    assert.deepEqual(parsed.stages[0]?.instructions.map((instruction) => [instruction.keyword, instruction.line]), [['RUN', 3], ['USER', 5]]);
  });

  it('keeps heredoc bodies inside their instruction', () => {
    const stage = parseDockerfile('FROM debian\nRUN <<EOF\napt-get install -y openssh-server\nFROM evil\nEOF\nUSER 1000\n').stages;
    assert.equal(stage.length, 1);
    assert.match(stage[0]?.instructions[0]?.text ?? '', /openssh-server/);
    assert.deepEqual(stage[0]?.instructions.map((instruction) => instruction.keyword), ['RUN', 'USER']);
  });

  it('reads JSON and shell forms', () => {
    const stage = parseDockerfile('FROM node\nCMD ["node", "a b.js"]\nENTRYPOINT node server.js\n').stages[0];
    assert.deepEqual([stage?.instructions[0]?.json, stage?.instructions[0]?.args], [true, ['node', 'a b.js']]);
    assert.deepEqual([stage?.instructions[1]?.json, stage?.instructions[1]?.args], [false, ['node', 'server.js']]);
  });

  it('reads ENV in both syntaxes, and lower-case keywords', () => {
    const stage = parseDockerfile('from node\nenv API_TOKEN abc def\nENV A=1 B="x y"\n').stages[0];
    assert.deepEqual(stage?.instructions.flatMap((instruction) => instruction.properties.map((property) => [property.name, property.value])), [
      ['API_TOKEN', 'abc def'],
      ['A', '1'],
      ['B', 'x y'],
    ]);
  });

  for (const [name, text, pattern] of [
    ['no FROM', 'RUN true\n', /before the first FROM/],
    ['empty file', '# just a comment\n', /no FROM/],
    ['unknown instruction', 'FROM node\nFORM x\n', /line 2: unknown instruction 'FORM'/],
    ['FROM without image', 'FROM\n', /FROM without an image/],
    ['malformed stage name', 'FROM node AS\n', /malformed FROM/],
  ] as const) {
    it(`rejects ${name}`, () => assert.throws(() => parseDockerfile(text), (error: unknown) => error instanceof DockerfileSyntaxError && pattern.test(error.message)));
  }
});

describe('substitute', () => {
  const known: Record<string, string | undefined> = { BASE: 'node', TAG: '20', EMPTY: '', BUILD_ARG: undefined };
  const lookup = (name: string): string | undefined => (name in known ? known[name] : '');
  it('expands plain and braced variables', () => assert.deepEqual(substitute('$BASE:${TAG}-slim', lookup), { value: 'node:20-slim' }));
  it('applies defaults and alternatives', () => {
    assert.deepEqual(substitute('${EMPTY:-alpine}', lookup), { value: 'alpine' });
    assert.deepEqual(substitute('${UNDECLARED:-alpine}', lookup), { value: 'alpine' });
    assert.deepEqual(substitute('x${TAG:+-tagged}', lookup), { value: 'x-tagged' });
  });
  it('leaves build-time values unresolved', () => assert.deepEqual(substitute('$BASE:${BUILD_ARG}', lookup), { unresolved: ['BUILD_ARG'] }));
});
