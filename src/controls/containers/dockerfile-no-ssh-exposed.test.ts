import { testControl } from '../../testing/control-table.js';
import control from './dockerfile-no-ssh-exposed.js';

testControl(control, {
  pass: [
    { name: 'web port only', files: { Dockerfile: 'FROM node:20-slim\nEXPOSE 3000 8080/tcp\n' } },
    { name: 'ssh client in a build stage only', files: { Dockerfile: 'FROM debian:12 AS build\nRUN apt-get install -y openssh-client git\nFROM scratch\n' } },
    { name: 'sshd in a build stage that the final stage does not build on', files: { Dockerfile: 'FROM debian:12 AS tools\nRUN apt-get install -y openssh-server\nFROM debian:12-slim\nEXPOSE 80\n' } },
  ],
  fail: [
    {
      name: 'EXPOSE 22 and sshd in the final image',
      files: { Dockerfile: 'FROM debian:12 AS base\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends openssh-server curl\nFROM base AS app\nEXPOSE 8080 22/tcp\n' },
      findings: [
        { line: 2, resource: 'base', message: 'installs an SSH server (openssh-server)' },
        { line: 5, resource: 'app', message: 'EXPOSE 22/tcp' },
      ],
    },
    { name: 'port range covering 22', files: { Dockerfile: 'FROM alpine\nEXPOSE 20-25\n' }, findings: [{ line: 2 }] },
    { name: 'apk add openssh in a heredoc', files: { Dockerfile: 'FROM alpine\nRUN <<EOF\napk add --no-cache openssh\nEOF\n' }, findings: [{ line: 2 }] },
    { name: 'port from an ARG default', files: { Dockerfile: 'FROM alpine\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n' }, findings: [{ line: 3 }] },
  ],
  notApplicable: [{ name: 'no Dockerfile', files: { 'a.txt': '' } }],
  unknown: [{ name: 'port from a build argument', files: { Dockerfile: 'FROM alpine\nARG PORT\nEXPOSE $PORT\n' }, findings: [{ outcome: 'unknown', line: 3 }] }],
});
