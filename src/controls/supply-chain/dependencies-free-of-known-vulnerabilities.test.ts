import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { testControl } from '../../testing/control-table.js';
import { OSV_FIXTURES } from '../../testing/osv-fixtures.js';
import control from './dependencies-free-of-known-vulnerabilities.js';

const cacheDir = mkdtempSync(path.join(tmpdir(), 'tenet-osv-cache-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));
const offline = { extra: { osvDb: OSV_FIXTURES, cacheDir } };

/** A package-lock.json v3 with the given `node_modules/…` entries and root dependencies. */
function npmLock(root: Record<string, Record<string, string>>, entries: Record<string, Record<string, unknown>>): string {
  return JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'app', version: '1.0.0', ...root }, ...entries } }, null, 2);
}

const LODASH_VULNERABLE = npmLock({ dependencies: { lodash: '^4.17.20' } }, { 'node_modules/lodash': { version: '4.17.20', integrity: 'sha512-x' } });

const pom = (version: string, extra = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>app</artifactId>
  <version>1.0.0</version>
  <properties>
    <log4j.version>${version}</log4j.version>
  </properties>
  <dependencies>
    <!-- <dependency><groupId>commented</groupId><artifactId>out</artifactId><version>1</version></dependency> -->
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
      <version>\${log4j.version}</version>
    </dependency>${extra}
  </dependencies>
</project>
`;

testControl(control, {
  pass: [
    {
      name: 'npm lockfile at fixed versions',
      files: { 'package-lock.json': npmLock({ dependencies: { lodash: '^4.17.21', minimist: '^1.2.6' } }, { 'node_modules/lodash': { version: '4.17.21' }, 'node_modules/minimist': { version: '1.2.6' } }) },
      options: offline,
      reason: /2 package version\(s\) checked against OSV database/,
    },
    { name: 'pom.xml with log4j-core at the fixed version', files: { 'pom.xml': pom('2.17.1') }, options: offline },
    {
      name: 'minSeverity critical leaves high and medium lodash advisories out',
      files: { 'package-lock.json': LODASH_VULNERABLE },
      params: { minSeverity: 'critical' },
      options: offline,
      reason: /2 advisory match\(es\) below critical/,
    },
    {
      name: 'ignoreDev skips a vulnerable development dependency',
      files: { 'package-lock.json': npmLock({ devDependencies: { minimist: '1.2.5' } }, { 'node_modules/minimist': { version: '1.2.5', dev: true } }) },
      params: { ignoreDev: true },
      options: offline,
      reason: /1 in development dependencies ignored/,
    },
  ],
  fail: [
    {
      name: 'lodash 4.17.20, direct production dependency',
      files: { 'package-lock.json': LODASH_VULNERABLE },
      options: offline,
      findings: [
        {
          message: 'lodash@4.17.20 (npm; production, direct) is affected by GHSA-35jh-r3h4-6jhm (CVE-2021-23337) [high 7.2]: Command Injection in lodash; fixed in 4.17.21',
          file: 'package-lock.json',
          line: 14,
          properties: {
            advisory: 'GHSA-35jh-r3h4-6jhm',
            advisoryAliases: 'CVE-2021-23337',
            package: 'lodash',
            packageAliases: 'npm:lodash,lodash@4.17.20,pkg:npm/lodash@4.17.20',
            ecosystem: 'npm',
            version: '4.17.20',
            severity: 'high',
            hasFix: 'true',
            dev: 'false',
            direct: 'true',
            path: 'lodash',
            cvssScore: '7.2',
            cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
            fixedVersion: '4.17.21',
            url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337',
          },
        },
        { message: 'is affected by GHSA-29mw-wpgm-hmr9 (CVE-2020-28500) [medium 5.3]' },
      ],
    },
    {
      name: 'transitive development dependency, with the path from the direct one',
      files: {
        'package-lock.json': npmLock(
          { devDependencies: { mkdirp: '0.5.5' } },
          {
            'node_modules/mkdirp': { version: '0.5.5', dev: true, dependencies: { minimist: '^1.2.5' } },
            'node_modules/minimist': { version: '1.2.5', dev: true },
          },
        ),
      },
      options: offline,
      findings: [{ message: 'minimist@1.2.5 (npm; development, via mkdirp > minimist) is affected by GHSA-xvch-5gv4-984h (CVE-2021-44906) [critical 9.8]'}],
    },
    {
      name: 'last_affected with no fix',
      files: { 'package-lock.json': npmLock({ dependencies: { jsonwebtoken: '8.5.1' } }, { 'node_modules/jsonwebtoken': { version: '8.5.1' } }) },
      options: offline,
      findings: [{ message: 'GHSA-qwph-4952-7xr6 (CVE-2022-23540) [medium 6.4]' }, { message: 'GHSA-8cf7-32gw-wr33 (CVE-2022-23539) [medium 5.9]: jsonwebtoken unrestricted key type could lead to legacy keys usage; no fixed version known' }],
    },
    {
      name: 'pom.xml: log4j-core version from a property',
      files: { 'pom.xml': pom('2.14.1', '\n    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version><scope>test</scope></dependency>') },
      options: offline,
      findings: [
        { message: 'org.apache.logging.log4j:log4j-core@2.14.1 (Maven; production, direct) is affected by GHSA-jfh8-c2jp-5v3q (CVE-2021-44228) [critical 10]', file: 'pom.xml', line: 12 },
        { message: 'GHSA-7rjr-3q55-vv33 (CVE-2021-45046) [critical 9]' },
      ],
    },
    {
      name: 'gradle.lockfile',
      files: {
        'gradle.lockfile': '# This is a Gradle generated file for dependency locking.\ncom.fasterxml.jackson.core:jackson-databind:2.12.6=compileClasspath,runtimeClasspath\njunit:junit:4.13.2=testCompileClasspath\nempty=\n',
        'build.gradle': "dependencies { implementation 'com.fasterxml.jackson.core:jackson-databind:2.12.6' }\n",
      },
      options: offline,
      findings: [{ message: 'com.fasterxml.jackson.core:jackson-databind@2.12.6 (Maven; production, direct) is affected by GHSA-57j2-w4cx-62h2 (CVE-2020-36518) [high 7.5]', file: 'gradle.lockfile', line: 2}],
    },
    {
      name: 'package-lock v1',
      files: {
        'package.json': JSON.stringify({ name: 'app', dependencies: { axios: '^0.21.1' } }),
        'package-lock.json': JSON.stringify({ name: 'app', lockfileVersion: 1, dependencies: { axios: { version: '0.21.1' } } }, null, 2),
      },
      options: offline,
      findings: [{ message: 'axios@0.21.1 (npm; production, direct) is affected by GHSA-jr5f-v2jv-69x6' }, { message: 'GHSA-wf5p-g6vw-rhxx' }],
    },
    {
      name: 'a deviation for one advisory leaves the other failing',
      files: { 'package-lock.json': LODASH_VULNERABLE },
      options: offline,
      config: { deviations: [{ control: 'dependencies-free-of-known-vulnerabilities', advisory: 'CVE-2021-23337', package: 'lodash', reason: 'template() unused', approvedBy: 'sec', expires: '2999-01-01' }] },
      findings: [{ suppressed: { kind: 'deviation', reason: 'template() unused', source: '.tenet.yml#deviations[0]', approvedBy: 'sec', expires: '2999-01-01' } }, { message: 'GHSA-29mw-wpgm-hmr9' }],
    },
    {
      name: 'an expired deviation covers nothing',
      files: { 'package-lock.json': LODASH_VULNERABLE },
      options: offline,
      config: {
        deviations: [
          { control: 'dependencies-free-of-known-vulnerabilities', advisory: 'GHSA-35jh-r3h4-6jhm', package: 'lodash', reason: 'later', approvedBy: 'sec', expires: '2020-01-01' },
          { control: 'dependencies-free-of-known-vulnerabilities', advisory: 'GHSA-29mw-wpgm-hmr9', package: 'lodash', reason: 'later', approvedBy: 'sec', expires: '2020-01-01' },
        ],
      },
      findings: 2,
    },
    {
      name: 'a deviation for another package does not cover lodash',
      files: { 'package-lock.json': LODASH_VULNERABLE },
      options: offline,
      config: { deviations: [{ control: 'dependencies-free-of-known-vulnerabilities', advisory: 'GHSA-35jh-r3h4-6jhm', package: 'underscore', reason: 'x', approvedBy: 'sec', expires: '2999-01-01' }] },
      findings: [{ message: 'GHSA-35jh-r3h4-6jhm' }, { message: 'GHSA-29mw-wpgm-hmr9' }],
    },
  ],
  deviated: [
    {
      name: 'deviations scoped to each advisory and package',
      files: { 'package-lock.json': LODASH_VULNERABLE },
      options: offline,
      config: {
        deviations: [
          { control: 'dependencies-free-of-known-vulnerabilities', advisory: 'GHSA-35jh-r3h4-6jhm', package: 'lodash@4.17.20', reason: 'not reachable', approvedBy: 'sec', expires: '2999-01-01' },
          { control: 'dependencies-free-of-known-vulnerabilities', advisory: 'GHSA-29mw-wpgm-hmr9', package: 'lodash', reason: 'not reachable', approvedBy: 'sec', expires: '2999-01-01' },
        ],
      },
    },
  ],
  notApplicable: [{ name: 'no lockfile', files: { 'README.md': '# app\n' }, options: offline }],
  unknown: [
    { name: 'no advisory source', files: { 'package-lock.json': LODASH_VULNERABLE }, reason: /needs network access/ },
    {
      name: 'the OSV API cannot be reached',
      files: { 'package-lock.json': LODASH_VULNERABLE },
      options: { online: true, extra: { cacheDir, osvApiUrl: 'http://127.0.0.1:9', networkTimeoutMs: 2000 } },
      reason: /online advisories could not be fetched: http:\/\/127\.0\.0\.1:9 could not be reached/,
    },
    { name: 'the OSV database path does not exist', files: { 'package-lock.json': LODASH_VULNERABLE }, options: { extra: { osvDb: '/nonexistent/osv', cacheDir } }, reason: /does not exist/ },
    {
      name: 'pom.xml whose versions come from a parent or BOM',
      files: { 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>' },
      options: offline,
      findings: [{ message: 'pom.xml: 1 dependency has no exact version here (parent, BOM, range or unknown property: org.springframework.boot:spring-boot-starter-web); those were not checked', outcome: 'unknown' }],
    },
    {
      name: 'a lockfile that cannot be read',
      files: { 'package-lock.json': '{ not json', 'pom.xml': pom('2.17.1') },
      options: offline,
      findings: [{ message: 'package-lock.json could not be read', outcome: 'unknown' }],
    },
  ],
});
