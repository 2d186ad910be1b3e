import { testControl } from '../../testing/control-table.js';
import control from './dockerfile-no-remote-add.js';

testControl(control, {
  pass: [
    { name: 'ADD of local files and archives', files: { Dockerfile: 'FROM alpine\nADD rootfs.tar.gz /\nCOPY . /app\n' } },
    { name: 'ADD of a URL with a checksum', files: { Dockerfile: `FROM alpine\nADD --checksum=sha256:${'c'.repeat(64)} https://example.com/tool.tgz /opt/\n` } },
    { name: 'verified download with RUN', files: { Dockerfile: 'FROM alpine\nRUN wget -O /t https://example.com/t && echo "abc  /t" | sha256sum -c\n' } },
  ],
  fail: [
    {
      name: 'URL sources, one finding per ADD source',
      files: { Dockerfile: 'FROM alpine AS fetch\nADD https://example.com/a.tgz \\\n    https://user:pw@example.com/b.tgz /opt/\nFROM alpine\nADD ["http://example.com/c", "/c"]\n' },
      findings: [
        { line: 2, resource: 'fetch', message: 'https://example.com/a.tgz' },
        { line: 2, resource: 'fetch', message: 'https://user:***@example.com/b.tgz' },
        { line: 5, resource: '1' },
      ],
    },
    { name: 'URL from an ARG default', files: { Dockerfile: 'FROM alpine\nARG TOOL_URL=https://example.com/tool\nADD $TOOL_URL /opt/tool\n' }, findings: [{ line: 3, message: 'https://example.com/tool' }] },
    { name: 'git source', files: { Dockerfile: 'FROM alpine\nADD git@github.com:example/repo.git#main /src\n' }, findings: [{ line: 2 }] },
  ],
  notApplicable: [{ name: 'no Dockerfile', files: { 'a.txt': '' } }],
  unknown: [{ name: 'source from a build argument', files: { Dockerfile: 'FROM alpine\nARG TOOL_URL\nADD ${TOOL_URL} /opt/tool\n' }, findings: [{ line: 3, outcome: 'unknown' }] }],
});
