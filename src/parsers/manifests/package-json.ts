import type { JsonDocument } from '../json.js';
import { isRecord } from '../lockfiles/common.js';
import { isFullCommit, type DeclaredDependency, type ManifestDependencies } from './types.js';

const SECTIONS = [
  ['dependencies', false],
  ['optionalDependencies', false],
  ['devDependencies', true],
] as const;

const GIT_SPEC = /^(git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:)|\.git(#|$)|^[\w.-]{1,100}\/[\w.-]{1,100}(#|$)/i;

/** package.json dependencies (peer dependencies are the host's to provide, so they are left out). */
export function packageJsonDependencies(document: JsonDocument): ManifestDependencies & { workspaces: string[]; engines?: string } {
  const value = isRecord(document.value) ? document.value : {};
  const dependencies: DeclaredDependency[] = [];
  for (const [section, dev] of SECTIONS) {
    const entries = value[section];
    if (!isRecord(entries)) continue;
    for (const [name, raw] of Object.entries(entries)) {
      const spec = typeof raw === 'string' ? raw.trim() : '';
      const dependency: DeclaredDependency = { name, spec, dev, line: document.lineOf([section, name]) };
      if (/^(file:|link:|workspace:|portal:|\.{0,2}\/)/.test(spec)) dependency.local = true;
      else if (GIT_SPEC.test(spec)) dependency.vcs = { url: spec, pinnedToCommit: isFullCommit(spec.split('#')[1]) };
      dependencies.push(dependency);
    }
  }
  const workspaces = Array.isArray(value.workspaces) ? value.workspaces : isRecord(value.workspaces) && Array.isArray(value.workspaces.packages) ? value.workspaces.packages : [];
  const engines = isRecord(value.engines) && typeof value.engines.node === 'string' ? value.engines.node : undefined;
  return { kind: 'package.json', ecosystem: 'npm', dependencies, workspaces: workspaces.filter((glob): glob is string => typeof glob === 'string'), engines };
}
