import { testControl } from '../../testing/control-table.js';
import control from './install-commands-use-trusted-sources.js';

const workflow = (run: string): string => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: tools\n        run: ${run}\n`;

testControl(control, {
  pass: [
    { name: 'OS packages and a verified download', files: { Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c && sh /tmp/i.sh\n' } },
    { name: 'pip from a private mirror, npm ci, a local wheel install', files: { 'build.sh': '#!/bin/sh\npip install --index-url https://pypi.internal.example/simple -r requirements.txt\nnpm ci\npip install --no-index --find-links wheels/ app\n' } },
    { name: 'commented-out pipe and uninstall', files: { 'setup.sh': '# curl https://x | sh\npip uninstall -y thing\n' } },
    { name: 'installer allowed by parameter', files: { 'x.sh': 'brew install jq\n' }, params: { deniedInstallers: ['pip'] } },
    { name: 'npm -g from a team registry', files: { Makefile: 'tools:\n\tnpm install -g --registry=https://npm.internal.example/ typescript\n' } },
  ],
  fail: [
    { name: 'curl piped into sh across a continuation', files: { Dockerfile: 'FROM debian:12 AS base\nRUN apt-get update && \\\n    curl -fsSL https://get.example.com \\\n    | sudo -E bash -\n' }, findings: [{ line: 3, resource: 'base', message: 'Dockerfile: pipes a downloaded script straight into a shell', evidence: 'curl/wget … | sh' }] },
    { name: 'bash -c "$(curl …)" in a workflow step', files: { '.github/workflows/ci.yml': workflow('/bin/bash -c "$(curl -fsSL https://raw.example.com/install.sh)"') }, findings: [{ line: 8, resource: '.github/workflows/ci.yml#build/1', message: 'workflow step: runs a downloaded script' }] },
    { name: 'brew, cargo and pip in a literal block', files: { '.github/workflows/ci.yml': workflow('|\n          brew install jq\n          cargo install ripgrep\n          python3 -m pip install --user httpie') }, findings: [{ line: 9, message: 'Homebrew' }, { line: 10, message: 'crates.io' }, { line: 11, message: 'PyPI' }] },
    { name: 'npm -g in a Makefile recipe', files: { Makefile: 'NPM = npm\ntools:\n\tnpm i -g typescript\n' }, findings: [{ file: 'Makefile', line: 3, message: 'Makefile recipe: installs a global package from npm' }] },
    { name: 'GitLab CI script list', files: { '.gitlab-ci.yml': 'stages: [build]\nbuild:\n  stage: build\n  script:\n    - snap install helm --classic\n    - wget -qO- https://x.example | sh\n' }, findings: [{ line: 5, resource: '.gitlab-ci.yml#build', message: 'Snap store' }, { line: 6, message: 'pipes' }] },
    { name: 'a RUN heredoc, at the line of the command inside it', files: { Dockerfile: 'FROM debian:12\nRUN <<EOF\nset -e\ncargo install just\nEOF\n' }, findings: [{ line: 4, resource: '0', message: 'crates.io' }] },
    { name: 'pip with an extra index still reaches PyPI', files: { 'ci.sh': 'pip install --index-url https://m.example/simple --extra-index-url https://pypi.org/simple x\n' }, findings: 1 },
  ],
  deviated: [{ name: 'waived above the RUN', files: { Dockerfile: 'FROM debian:12\n# tenet:ignore install-commands-use-trusted-sources vendor installer pinned by checksum in SEC-3\nRUN curl -fsSL https://x.example/i.sh | sh\n' } }],
  notApplicable: [
    { name: 'nothing that installs', files: { 'README.md': '# hi\n' } },
  ],
  unknown: [{ name: 'only a malformed Dockerfile', files: { Dockerfile: 'RUN curl x | sh\n' } }],
});
