import { testControl } from '../../testing/control-table.js';
import control from './no-verification-bypass-in-installs.js';

testControl(control, {
  pass: [
    { name: 'verified installs and signed repositories', files: { Dockerfile: 'FROM debian:12\nRUN curl -fsSLo /k.asc https://x.example/k.asc && echo "deb [signed-by=/k.asc] https://x.example stable main" > /etc/apt/sources.list.d/x.list && apt-get update && apt-get install -y x\nENV GONOSUMDB=git.internal.example\n', '.npmrc': 'registry=https://registry.npmjs.org/\nstrict-ssl=true\n' } },
    { name: 'a repo file with repo_gpgcheck=0 but gpgcheck on', files: { 'yum.repos.d/x.repo': '[x]\nbaseurl=https://x.example\ngpgcheck=1\nrepo_gpgcheck=0\n' } },
    { name: 'curl with -o kube and --keepalive-time', files: { 'get.sh': 'curl -fsSL --keepalive-time 5 -o kube https://x.example/kube\n' } },
  ],
  fail: [
    { name: 'apt --allow-unauthenticated in a RUN continuation', files: { Dockerfile: 'FROM debian:12 AS build\nRUN apt-get update && \\\n    apt-get install -y --allow-unauthenticated foo\n' }, findings: [{ line: 3, resource: 'build', message: 'Dockerfile: lets APT install unsigned packages', evidence: 'apt --allow-unauthenticated' }] },
    { name: 'APT configuration allowing unauthenticated packages', files: { 'docker/apt.conf.d/99insecure': 'APT::Get::AllowUnauthenticated "true";\n' }, findings: [{ line: 1, message: 'unsigned' }] },
    { name: '[trusted=yes] source file', files: { 'etc/apt/sources.list.d/x.list': 'deb [trusted=yes] http://x.example stable main\n' }, findings: [{ line: 1, message: 'configuration: marks an APT source trusted' }] },
    { name: 'dnf --nogpgcheck and gpgcheck=0 in a .repo', files: { 'ci/build.sh': 'dnf install -y --nogpgcheck foo\n', 'x.repo': '[x]\ngpgcheck=0\n' }, findings: [{ file: 'ci/build.sh', line: 1 }, { file: 'x.repo', line: 2 }] },
    { name: 'apk, rpm and pip bypasses', files: { 'x.sh': 'apk add --allow-untrusted /tmp/a.apk\nrpm -i --nosignature b.rpm\npip install --trusted-host pypi.example c\n' }, findings: [{ line: 1, message: 'apk' }, { line: 2, message: 'RPMs' }, { line: 3, message: 'trusted-host' }] },
    { name: 'npm and yarn settings', files: { '.npmrc': 'strict-ssl=false\n', '.yarnrc.yml': 'enableStrictSsl: false\nchecksumBehavior: ignore\n' }, findings: 3 },
    { name: 'Go checksum database off in a Dockerfile ENV', files: { Dockerfile: 'FROM golang:1.22\nENV GOSUMDB=off GOFLAGS=-insecure\n' }, findings: [{ line: 2, message: 'GOSUMDB=off' }, { line: 2, message: 'GOINSECURE' }] },
    { name: 'curl -k and wget --no-check-certificate in CI', files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -fsSLk https://x.example/a -o a\n          wget --no-check-certificate https://x.example/b\n' }, findings: [{ line: 7, resource: '.github/workflows/ci.yml#a/0', message: 'curl' }, { line: 8, message: 'wget' }] },
    { name: 'curl -k in a Travis script', files: { '.travis.yml': 'language: python\nscript:\n  - curl -k https://x.example/i -o i\n' }, findings: [{ line: 3, message: 'CI script', resource: '.travis.yml#build' }] },
    { name: 'GitLab before_script with pip.conf trusted-host', files: { '.gitlab-ci.yml': 'before_script:\n  - npm config set strict-ssl false\ntest:\n  script: npm test\n', 'pip.conf': '[global]\ntrusted-host = pypi.internal\n' }, findings: 2 },
  ],
  deviated: [
    {
      name: 'waived above a workflow run block',
      files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      # tenet:ignore no-verification-bypass-in-installs lab host with a self-signed certificate, nothing installed\n      - run: |\n          echo start\n          curl -k https://10.0.0.1/health\n' },
    },
    { name: 'waived on the line', files: { 'fetch.sh': 'curl -k https://10.0.0.1/health # tenet:ignore no-verification-bypass-in-installs self-signed health endpoint, no install\n' } },
  ],
  notApplicable: [{ name: 'nothing that installs', files: { 'README.md': '# hi\n' } }],
  unknown: [{ name: 'only a malformed Dockerfile', files: { Dockerfile: 'RUN apt-get install --allow-unauthenticated x\n' } }],
});
