import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Repository } from '../../repo/repository.js';
import { makeFixture, removeFixture, type FixtureFiles } from '../../testing/fixture.js';
import type { LockfileInfo } from '../../core/package-inventory.js';
import { mavenLockfiles } from './maven.js';
import { parseXml } from './xml.js';

async function withRepo<T>(files: FixtureFiles, read: (repo: Repository) => T): Promise<T> {
  const root = makeFixture(files);
  try {
    return read(await Repository.open(root));
  } finally {
    removeFixture(root);
  }
}

const brief = (lockfiles: LockfileInfo[]): string[] =>
  lockfiles.flatMap((lockfile) =>
    lockfile.packages.map((pkg) => `${pkg.name}@${pkg.version}${pkg.direct ? ' direct' : ''}${pkg.dev ? ' dev' : ''} line ${pkg.line ?? '?'} <- ${(pkg.dependents ?? []).join(',')}`),
  );

describe('Maven', () => {
  it('reads pom.xml dependencies with properties, managed versions, scopes and profiles', async () => {
    const pom = `<project>
  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>3.1.0</version></parent>
  <artifactId>app</artifactId>
  <properties><jackson.version>2.13.2</jackson.version></properties>
  <dependencyManagement><dependencies>
    <dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId><version>1.33</version></dependency>
  </dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>\${jackson.version}</version></dependency>
    <dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId></dependency>
    <dependency><groupId>org.example</groupId><artifactId>sibling</artifactId><version>\${project.version}</version></dependency>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version><scope>test</scope></dependency>
    <dependency><groupId>a</groupId><artifactId>ranged</artifactId><version>[1.0,2.0)</version></dependency>
    <dependency><groupId>a</groupId><artifactId>unresolved</artifactId><version>\${nowhere}</version></dependency>
  </dependencies>
  <profiles><profile><id>x</id><dependencies>
    <dependency><groupId>a</groupId><artifactId>profiled</artifactId><version>1.0</version></dependency>
  </dependencies></profile></profiles>
</project>`;
    const lines = await withRepo({ 'pom.xml': pom }, (repo) => brief(mavenLockfiles(repo)));
    assert.deepEqual(lines, [
      'com.fasterxml.jackson.core:jackson-databind@2.13.2 direct line 9 <- ',
      'org.yaml:snakeyaml@1.33 direct line 10 <- ',
      'org.example:sibling@3.1.0 direct line 11 <- ',
      'junit:junit@4.13.2 direct dev line 12 <- ',
      'a:profiled@1.0 direct line 17 <- ',
    ]);
  });
  it('reads gradle.lockfile', async () => {
    const lines = await withRepo(
      {
        'app/gradle.lockfile': '# comment\norg.slf4j:slf4j-api:2.0.9=compileClasspath,runtimeClasspath\njunit:junit:4.13.2=testCompileClasspath,testRuntimeClasspath\nempty=annotationProcessor\n',
        'app/build.gradle.kts': 'dependencies { implementation("org.slf4j:slf4j-api:2.0.9") }',
      },
      (repo) => brief(mavenLockfiles(repo)),
    );
    assert.deepEqual(lines, ['org.slf4j:slf4j-api@2.0.9 direct line 2 <- ', 'junit:junit@4.13.2 dev line 3 <- ']);
  });
  it('parses XML without expanding entities or choking on comments and CDATA', () => {
    const doc = parseXml('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<a><!-- <b>no</b> -->\n<b>&a;&amp;<![CDATA[<c>]]></b><d/></a>');
    const a = doc.children[0];
    assert.equal(a?.name, 'a');
    assert.deepEqual(a?.children.map((element) => [element.name, element.text, element.line]), [['b', '&a;&<c>', 4], ['d', '', 4]]);
  });
});
