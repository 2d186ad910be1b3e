import type { JsonDocument } from '../json.js';
import type { TomlDocument } from '../toml.js';
import { isRecord, recordField } from '../lockfiles/common.js';
import type { GoModule } from '../lockfiles/go.js';
import { tableDependency } from './python.js';
import { isFullCommit, type DeclaredDependency, type ManifestDependencies } from './types.js';

/** Cargo.toml `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, target-specific and workspace tables. */
export function cargoDependencies(document: TomlDocument): ManifestDependencies & { isWorkspace: boolean } {
  const value = document.value;
  const dependencies: DeclaredDependency[] = [];
  const read = (owner: Record<string, unknown>, path: string[]): void => {
    for (const [section, dev] of [['dependencies', false], ['build-dependencies', false], ['dev-dependencies', true]] as const) {
      for (const [name, spec] of Object.entries(recordField(owner, section))) {
        dependencies.push(tableDependency(name, spec, dev, document.lineOf([...path, section, name])));
      }
    }
  };
  read(value, []);
  read(recordField(value, 'workspace'), ['workspace']);
  for (const [target, body] of Object.entries(recordField(value, 'target'))) if (isRecord(body)) read(body, ['target', target]);
  return { kind: 'Cargo.toml', ecosystem: 'crates.io', dependencies, isWorkspace: isRecord(value.workspace) };
}

/** go.mod requirements: always exact versions (minimal version selection has no ranges). */
export function goModDependencies(module: GoModule): ManifestDependencies {
  return {
    kind: 'go.mod',
    ecosystem: 'Go',
    dependencies: module.requires.map((requirement) => ({ name: requirement.module, spec: requirement.version, dev: false, line: requirement.line })),
  };
}

const PLATFORM_PACKAGE = /^(php|hhvm|ext-.+|lib-.+|composer(-plugin|-runtime)?-api)$/i;

/** composer.json `require` and `require-dev`, platform packages left out. */
export function composerDependencies(document: JsonDocument): ManifestDependencies {
  const value = isRecord(document.value) ? document.value : {};
  const dependencies: DeclaredDependency[] = [];
  for (const [section, dev] of [['require', false], ['require-dev', true]] as const) {
    for (const [name, raw] of Object.entries(recordField(value, section))) {
      if (PLATFORM_PACKAGE.test(name)) continue;
      const spec = typeof raw === 'string' ? raw.trim() : '';
      const dependency: DeclaredDependency = { name, spec, dev, line: document.lineOf([section, name]) };
      const branch = /^dev-[^#\s]+(?:#(\S+))?$/.exec(spec) ?? /^\S+\.x-dev(?:#(\S+))?$/.exec(spec);
      if (branch) dependency.vcs = { url: spec, pinnedToCommit: isFullCommit(branch[1]) };
      dependencies.push(dependency);
    }
  }
  return { kind: 'composer.json', ecosystem: 'Packagist', dependencies };
}

const GEM = /^\s*gem\s+["']([^"']{1,200})["'](.{0,1000})$/;
const GROUP_BLOCK = /^\s*group\s+(.{1,500}?)\s+do\s*(\|.*\|)?\s*$/;
const BLOCK_START = /\bdo\s*(\|[^|]*\|)?\s*$/;
const PRODUCTION_GROUPS = new Set(['default', 'production']);

/** Gemfile `gem` lines, read as text (never evaluated): versions, git sources, groups (inline and blocks). */
export function gemfileDependencies(text: string): ManifestDependencies {
  const dependencies: DeclaredDependency[] = [];
  const blocks: { dev: boolean }[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '');
    const group = GROUP_BLOCK.exec(line);
    if (group) {
      blocks.push({ dev: groupNames(group[1] ?? '').every((name) => !PRODUCTION_GROUPS.has(name)) });
      return;
    }
    if (/^\s*end\s*$/.test(line)) {
      blocks.pop();
      return;
    }
    if (BLOCK_START.test(line)) blocks.push({ dev: blocks[blocks.length - 1]?.dev ?? false });
    const gem = GEM.exec(line);
    if (!gem?.[1]) return;
    const rest = gem[2] ?? '';
    const versions = [...rest.matchAll(/,\s*["']([^"']{0,100})["']/g)].map((match) => match[1] ?? '');
    const option = (key: string): string | undefined => new RegExp(`\\b${key}:\\s*["']([^"']{0,500})["']`).exec(rest)?.[1] ?? new RegExp(`:${key}\\s*=>\\s*["']([^"']{0,500})["']`).exec(rest)?.[1];
    const inlineGroups = /\bgroups?:\s*(\[[^\]]{0,200}\]|:\w+)/.exec(rest)?.[1];
    const dev = inlineGroups ? groupNames(inlineGroups).every((name) => !PRODUCTION_GROUPS.has(name)) : (blocks[blocks.length - 1]?.dev ?? false);
    const dependency: DeclaredDependency = { name: gem[1], spec: versions.join(', '), dev, line: index + 1 };
    const git = option('git') ?? (option('github') ? `https://github.com/${option('github') ?? ''}` : undefined);
    if (git) dependency.vcs = { url: git, pinnedToCommit: isFullCommit(option('ref')) };
    else if (option('path')) dependency.local = true;
    dependencies.push(dependency);
  });
  return { kind: 'Gemfile', ecosystem: 'RubyGems', dependencies };
}

function groupNames(list: string): string[] {
  return [...list.matchAll(/:(\w+)|["'](\w+)["']/g)].map((match) => match[1] ?? match[2] ?? '');
}
