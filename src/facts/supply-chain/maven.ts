/**
 * Maven coordinates with exact versions: pom.xml `<dependencies>` (versions resolved from
 * `<properties>` and `<dependencyManagement>`) and Gradle's `gradle.lockfile`.
 */
import path from 'node:path';
import type { Repository } from '../../repo/repository.js';
import type { LockfileInfo } from '../../core/package-inventory.js';
import { child, childText, parseXml, type XmlElement } from './xml.js';

/** A Maven version range (`[1.0,2.0)`) or a property left unresolved is not a locked version. */
const EXACT_VERSION = /^[0-9A-Za-z][0-9A-Za-z._+-]{0,100}$/;
const TEST_SCOPES = new Set(['test']);

export function mavenLockfiles(repo: Repository): LockfileInfo[] {
  const poms = repo.named('pom.xml').map((file) => parsePom(repo, file.path));
  const gradle = repo.named('gradle.lockfile').map((file) => parseGradleLockfile(repo, file.path));
  return [...poms, ...gradle];
}

function resolveProperties(value: string, properties: ReadonlyMap<string, string>): string | undefined {
  let result = value;
  for (let depth = 0; depth < 5 && result.includes('${'); depth += 1) {
    let missing = false;
    result = result.replace(/\$\{([^}]{1,200})\}/g, (_match, key: string) => {
      const found = properties.get(key);
      if (found === undefined) missing = true;
      return found ?? '';
    });
    if (missing) return undefined;
  }
  return result.includes('${') ? undefined : result;
}

export function parsePom(repo: Repository, file: string): LockfileInfo {
  const info: LockfileInfo = { file, format: 'maven-pom', ecosystem: 'Maven', manifest: file, supported: true, packages: [] };
  const text = repo.readText(file);
  if (text === undefined) return { ...info, supported: false, reason: 'unreadable' };
  const project = child(parseXml(text), 'project');
  if (!project) return { ...info, supported: false, reason: 'no <project> element' };
  const properties = new Map<string, string>();
  for (const property of child(project, 'properties')?.children ?? []) properties.set(property.name, property.text.trim());
  const parent = child(project, 'parent');
  const projectVersion = childText(project, 'version') ?? childText(parent, 'version');
  const projectGroup = childText(project, 'groupId') ?? childText(parent, 'groupId');
  if (projectVersion) properties.set('project.version', projectVersion).set('version', projectVersion).set('pom.version', projectVersion);
  if (projectGroup) properties.set('project.groupId', projectGroup);
  if (childText(parent, 'version')) properties.set('project.parent.version', childText(parent, 'version') as string);
  const managed = new Map<string, string>();
  for (const dependency of child(child(project, 'dependencyManagement'), 'dependencies')?.children ?? []) {
    const coordinates = coordinatesOf(dependency, properties);
    if (coordinates?.version) managed.set(coordinates.name, coordinates.version);
  }
  const blocks = [project, ...(child(project, 'profiles')?.children ?? [])];
  const unpinned: string[] = [];
  for (const block of blocks) {
    for (const dependency of child(block, 'dependencies')?.children ?? []) {
      if (dependency.name !== 'dependency') continue;
      const coordinates = coordinatesOf(dependency, properties);
      if (!coordinates) continue;
      const version = coordinates.version ?? managed.get(coordinates.name);
      if (!version || !EXACT_VERSION.test(version)) {
        unpinned.push(coordinates.name);
        continue;
      }
      const scope = childText(dependency, 'scope') ?? 'compile';
      info.packages.push({
        ecosystem: 'Maven',
        name: coordinates.name,
        version,
        direct: true,
        dev: TEST_SCOPES.has(scope),
        lockfile: file,
        line: dependency.line,
        hashes: [],
        dependents: [],
      });
    }
  }
  // Versions from a parent POM or an imported BOM are not in this file: say so rather than pass them.
  if (unpinned.length > 0) {
    info.reason = `${unpinned.length} dependenc${unpinned.length === 1 ? 'y has' : 'ies have'} no exact version here (parent, BOM, range or unknown property: ${unpinned.slice(0, 3).join(', ')}${unpinned.length > 3 ? ' …' : ''})`;
  }
  return info;
}

function coordinatesOf(dependency: XmlElement, properties: ReadonlyMap<string, string>): { name: string; version?: string } | undefined {
  const group = resolveProperties(childText(dependency, 'groupId') ?? '', properties);
  const artifact = resolveProperties(childText(dependency, 'artifactId') ?? '', properties);
  if (!group || !artifact) return undefined;
  const rawVersion = childText(dependency, 'version');
  const version = rawVersion === undefined ? undefined : resolveProperties(rawVersion, properties);
  return version === undefined ? { name: `${group}:${artifact}` } : { name: `${group}:${artifact}`, version };
}

const GRADLE_LINE = /^([^:#\s=]{1,200}):([^:\s=]{1,200}):([^:\s=]{1,100})=([^\s]{0,2000})$/;

/** `group:artifact:version=conf1,conf2` lines; a package only on test configurations is development-only. */
export function parseGradleLockfile(repo: Repository, file: string): LockfileInfo {
  const info: LockfileInfo = { file, format: 'gradle-lockfile', ecosystem: 'Maven', supported: true, packages: [] };
  const text = repo.readText(file);
  if (text === undefined) return { ...info, supported: false, reason: 'unreadable' };
  const dir = path.posix.dirname(file);
  const buildFile = ['build.gradle', 'build.gradle.kts'].map((name) => (dir === '.' ? name : `${dir}/${name}`)).find((candidate) => repo.has(candidate));
  if (buildFile) info.manifest = buildFile;
  const buildText = buildFile ? (repo.readText(buildFile) ?? '') : '';
  text.split('\n').forEach((raw, index) => {
    const match = GRADLE_LINE.exec(raw.trim());
    if (!match) return;
    const [, group, artifact, version, configurations] = match as unknown as [string, string, string, string, string];
    const confs = configurations.split(',').filter(Boolean);
    info.packages.push({
      ecosystem: 'Maven',
      name: `${group}:${artifact}`,
      version,
      // The lockfile does not say what the build declares; the build file naming the coordinates does.
      direct: buildText.includes(`${group}:${artifact}`),
      dev: confs.length > 0 && confs.every((conf) => /^test|Test/.test(conf)),
      lockfile: file,
      line: index + 1,
      hashes: [],
      dependents: [],
    });
  });
  return info;
}
