import type { TomlDocument } from '../toml.js';
import { lineOfText } from '../lines.js';
import { isRecord, recordField } from '../lockfiles/common.js';
import { refOf, type Requirement } from '../lockfiles/requirements.js';
import { isFullCommit, type DeclaredDependency, type ManifestDependencies } from './types.js';

const PEP508_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]{0,200})\s*(\[[^\]]{0,200}\])?\s*/;

/** A PEP 508 string (`requests[socks]>=2; python_version>"3.8"`, `lib @ git+https://…`). */
export function pep508(requirement: string, dev: boolean, line: number | undefined): DeclaredDependency | undefined {
  const name = PEP508_NAME.exec(requirement);
  if (!name?.[1]) return undefined;
  const rest = requirement.slice(name[0].length).split(';')[0]?.trim() ?? '';
  const dependency: DeclaredDependency = { name: name[1], spec: rest.replace(/\s+/g, ''), dev, line };
  if (rest.startsWith('@')) {
    const url = rest.slice(1).trim();
    dependency.spec = url;
    if (/^(git|hg|svn|bzr)\+/.test(url)) dependency.vcs = { url, pinnedToCommit: isFullCommit(refOf(url)) };
    else if (url.startsWith('file:')) dependency.local = true;
  }
  return dependency;
}

/** PEP 621 `[project]`, PEP 735 `[dependency-groups]`, Poetry and uv tables of a pyproject.toml. */
export function pyprojectDependencies(document: TomlDocument, text: string): ManifestDependencies {
  const value = document.value;
  const dependencies: DeclaredDependency[] = [];
  const fromList = (list: unknown, dev: boolean): void => {
    for (const entry of Array.isArray(list) ? list : []) {
      if (typeof entry !== 'string') continue;
      const dependency = pep508(entry, dev, lineOfText(text, JSON.stringify(entry)) ?? lineOfText(text, `'${entry}'`));
      if (dependency) dependencies.push(dependency);
    }
  };
  const project = recordField(value, 'project');
  fromList(project.dependencies, false);
  Object.values(recordField(project, 'optional-dependencies')).forEach((list) => fromList(list, false));
  Object.values(recordField(value, 'dependency-groups')).forEach((list) => fromList(list, true));
  const tool = recordField(value, 'tool');
  fromList(recordField(tool, 'uv')['dev-dependencies'], true);
  const poetry = recordField(tool, 'poetry');
  const fromTable = (table: Record<string, unknown>, dev: boolean, path: string[]): void => {
    for (const [name, spec] of Object.entries(table)) {
      if (name.toLowerCase() === 'python') continue;
      dependencies.push(tableDependency(name, spec, dev, document.lineOf([...path, name])));
    }
  };
  fromTable(recordField(poetry, 'dependencies'), false, ['tool', 'poetry', 'dependencies']);
  fromTable(recordField(poetry, 'dev-dependencies'), true, ['tool', 'poetry', 'dev-dependencies']);
  for (const [group, body] of Object.entries(recordField(poetry, 'group'))) {
    if (isRecord(body)) fromTable(recordField(body, 'dependencies'), group !== 'main', ['tool', 'poetry', 'group', group, 'dependencies']);
  }
  return { kind: 'pyproject.toml', ecosystem: 'PyPI', dependencies };
}

/** Pipfile `[packages]` and `[dev-packages]`. */
export function pipfileDependencies(document: TomlDocument): ManifestDependencies {
  const dependencies: DeclaredDependency[] = [];
  for (const [section, dev] of [['packages', false], ['dev-packages', true]] as const) {
    for (const [name, spec] of Object.entries(recordField(document.value, section))) {
      dependencies.push(tableDependency(name, spec, dev, document.lineOf([section, name])));
    }
  }
  return { kind: 'Pipfile', ecosystem: 'PyPI', dependencies };
}

/** Poetry, Pipfile and Cargo share this shape: a version string, or a table with version/git/path. */
export function tableDependency(name: string, spec: unknown, dev: boolean, line: number | undefined): DeclaredDependency {
  if (typeof spec === 'string') return { name, spec: spec.trim(), dev, line };
  const table = isRecord(spec) ? spec : Array.isArray(spec) && isRecord(spec[0]) ? spec[0] : {};
  const dependency: DeclaredDependency = { name, spec: typeof table.version === 'string' ? table.version.trim() : '', dev, line };
  if (typeof table.git === 'string') {
    const pin = [table.rev, table.ref].find((ref): ref is string => typeof ref === 'string');
    dependency.spec = table.git;
    dependency.vcs = { url: table.git, pinnedToCommit: isFullCommit(pin) };
  } else if (typeof table.path === 'string' || table.workspace === true) {
    dependency.local = true;
  }
  return dependency;
}

/** The requirements of a requirements*.in / *.txt file as declarations. */
export function requirementDependencies(requirements: readonly Requirement[], dev: boolean, kind: 'requirements.in' | 'requirements.txt'): ManifestDependencies {
  const dependencies: DeclaredDependency[] = requirements.map((requirement) => {
    const dependency: DeclaredDependency = { name: requirement.name, spec: requirement.spec, dev, line: requirement.line };
    if (requirement.url && /^(git|hg|svn|bzr)\+/.test(requirement.url)) dependency.vcs = { url: requirement.url, pinnedToCommit: isFullCommit(refOf(requirement.url)) };
    else if (requirement.url && !/^[a-z]+:\/\//i.test(requirement.url)) dependency.local = true;
    return dependency;
  });
  return { kind, ecosystem: 'PyPI', dependencies };
}
