import path from 'node:path';
import picomatch from 'picomatch';
import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import type { Ecosystem, LockfileInfo } from '../../core/package-inventory.js';
import { isRecord, unsupportedLockfile, type DeclaredNames, type LockfileInput } from '../../parsers/lockfiles/common.js';
import { parseNpmLockfile } from '../../parsers/lockfiles/npm.js';
import { parseYarnLockfile } from '../../parsers/lockfiles/yarn.js';
import { parsePnpmLockfile } from '../../parsers/lockfiles/pnpm.js';
import { parseBunLockfile } from '../../parsers/lockfiles/bun.js';
import { parseRequirements, type RequirementsFile } from '../../parsers/lockfiles/requirements.js';
import { parsePoetryLock } from '../../parsers/lockfiles/poetry.js';
import { parsePipfileLock } from '../../parsers/lockfiles/pipfile.js';
import { parseUvLock } from '../../parsers/lockfiles/uv.js';
import { parseCargoLock } from '../../parsers/lockfiles/cargo.js';
import { parseGoMod, parseGoSum } from '../../parsers/lockfiles/go.js';
import { parseGemfileLock } from '../../parsers/lockfiles/gemfile.js';
import { parseComposerLock } from '../../parsers/lockfiles/composer.js';
import { packageJsonDependencies } from '../../parsers/manifests/package-json.js';
import { pipfileDependencies, pyprojectDependencies, requirementDependencies } from '../../parsers/manifests/python.js';
import { cargoDependencies, composerDependencies, gemfileDependencies, goModDependencies } from '../../parsers/manifests/other.js';
import type { DeclaredDependency, ManifestDependencies, ManifestKind } from '../../parsers/manifests/types.js';
import { npmRegistries, pipRegistries, pythonTomlRegistries, scriptsDisabled, type RegistryConfig, type ScriptsDisabled } from '../../parsers/manifests/registries.js';

export type { DeclaredDependency, ManifestKind } from '../../parsers/manifests/types.js';
export type { RegistryConfig, ScriptsDisabled } from '../../parsers/manifests/registries.js';

export interface ManifestInfo {
  file: string;
  kind: ManifestKind;
  ecosystem: Ecosystem;
  dependencies: DeclaredDependency[];
  /** False when the manifest could not be read or parsed (already in the scan's errors). */
  readable: boolean;
  /** The lockfile that fixes its versions: beside it, or its workspace root's. */
  lockfile?: string;
  /** It declares something to fetch (a non-local dependency), so it needs a lockfile. */
  needsLockfile: boolean;
}

export interface LockfileFacts {
  manifests: ManifestInfo[];
  /** Every lockfile found, parsed (`supported: false` with a reason when it could not be). */
  lockfiles: LockfileInfo[];
  /** Registries the package managers are configured to fetch from (.npmrc, .yarnrc.yml, pip.conf, Pipfile/pyproject sources). */
  registries: RegistryConfig[];
  /** Package-manager settings (.npmrc, .yarnrc, .yarnrc.yml) that keep dependencies' install scripts from running. */
  scriptsDisabled: ScriptsDisabled[];
  /** Directories left out because they hold vendored code or test fixtures, not the project's own dependencies. */
  skippedDirectories: string[];
}

/** Vendored trees and test fixtures: their manifests are not the project's supply chain. */
const SKIPPED_SEGMENTS = new Set(['node_modules', 'bower_components', 'vendor', '.venv', 'venv', 'site-packages', '__pypackages__', '.yarn', 'fixtures', '__fixtures__', 'testdata']);

const MANIFEST_NAMES = new Set(['package.json', 'pyproject.toml', 'Pipfile', 'Cargo.toml', 'go.mod', 'Gemfile', 'gems.rb', 'composer.json']);
const REQUIREMENTS = /^requirements.*\.(txt|in)$/;

/** pip requirement files: `requirements*.txt|in`, or any .txt/.in inside a `requirements/` directory. */
function requirementsKind(file: string): 'txt' | 'in' | undefined {
  const base = path.posix.basename(file);
  const extension = base.endsWith('.txt') ? 'txt' : base.endsWith('.in') ? 'in' : undefined;
  if (!extension) return undefined;
  return REQUIREMENTS.test(base) || path.posix.basename(path.posix.dirname(file)) === 'requirements' ? extension : undefined;
}

type Reader = (input: LockfileInput, repo: Repository) => LockfileInfo;

const LOCKFILES: Record<string, { ecosystem: Ecosystem; read?: Reader; unsupported?: string }> = {
  'package-lock.json': { ecosystem: 'npm', read: parseNpmLockfile },
  'npm-shrinkwrap.json': { ecosystem: 'npm', read: parseNpmLockfile },
  'yarn.lock': { ecosystem: 'npm', read: parseYarnLockfile },
  'pnpm-lock.yaml': { ecosystem: 'npm', read: parsePnpmLockfile },
  'bun.lockb': { ecosystem: 'npm', unsupported: 'the binary bun.lockb cannot be read; run `bun install --save-text-lockfile` to write bun.lock' },
  'bun.lock': { ecosystem: 'npm', read: parseBunLockfile },
  'poetry.lock': { ecosystem: 'PyPI', read: parsePoetryLock },
  'uv.lock': { ecosystem: 'PyPI', read: parseUvLock },
  'Pipfile.lock': { ecosystem: 'PyPI', read: parsePipfileLock },
  'pdm.lock': { ecosystem: 'PyPI', unsupported: 'pdm lockfiles are not supported yet' },
  'pylock.toml': { ecosystem: 'PyPI', unsupported: 'PEP 751 pylock.toml is not supported yet' },
  'Cargo.lock': { ecosystem: 'crates.io', read: parseCargoLock },
  'go.sum': { ecosystem: 'Go', read: readGoSum },
  'Gemfile.lock': { ecosystem: 'RubyGems', read: parseGemfileLock },
  'gems.locked': { ecosystem: 'RubyGems', read: parseGemfileLock },
  'composer.lock': { ecosystem: 'Packagist', read: parseComposerLock },
};

/** Lockfiles each manifest may have beside it, in order of preference. */
const LOCKFILES_FOR: Record<string, readonly string[]> = {
  'package.json': ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'],
  'pyproject.toml': ['poetry.lock', 'uv.lock', 'pdm.lock', 'pylock.toml', 'Pipfile.lock', 'requirements.txt'],
  Pipfile: ['Pipfile.lock'],
  'Cargo.toml': ['Cargo.lock'],
  'go.mod': ['go.sum'],
  Gemfile: ['Gemfile.lock'],
  'gems.rb': ['gems.locked'],
  'composer.json': ['composer.lock'],
};

/** Lockfiles found in an ancestor directory also lock these manifests (workspaces). */
const ANCESTOR_LOCKFILES: Record<string, readonly string[]> = {
  'package.json': ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'],
  'pyproject.toml': ['uv.lock', 'poetry.lock'],
  'Cargo.toml': ['Cargo.lock'],
};

/** Inside a vendored tree or test fixtures (returns that directory), or undefined. */
export function skippedDirectoryOf(file: string): string | undefined {
  const segments = file.split('/');
  const at = segments.slice(0, -1).findIndex((segment) => SKIPPED_SEGMENTS.has(segment));
  return at === -1 ? undefined : segments.slice(0, at + 1).join('/');
}

/** Every package manifest with its lockfile, and every lockfile parsed into locked packages. */
export const lockfileFacts = defineCollector<LockfileFacts>({
  id: 'lockfiles',
  description: 'Package manifests, the lockfile of each, and the packages every lockfile pins',
  collect({ repo }) {
    const skipped = new Set<string>();
    const candidates = repo.files.filter((file) => {
      const directory = skippedDirectoryOf(file.path);
      if (directory !== undefined) skipped.add(directory);
      return directory === undefined;
    });
    const lockfilePaths = new Set(candidates.filter((file) => isLockfile(file.path)).map((file) => file.path));
    const manifests = candidates.flatMap((file) => readManifest(repo, file.path) ?? []);
    for (const manifest of manifests) manifest.lockfile = findLockfile(repo, manifest, lockfilePaths);

    const declaredFor = new Map<string, { prod: Set<string>; dev: Set<string>; ranges: Map<string, string> }>();
    for (const manifest of manifests) {
      if (!manifest.lockfile) continue;
      const declared = declaredFor.get(manifest.lockfile) ?? { prod: new Set(), dev: new Set(), ranges: new Map() };
      for (const dependency of manifest.dependencies) {
        if (dependency.local) continue;
        (dependency.dev ? declared.dev : declared.prod).add(dependency.name);
        declared.ranges.set(dependency.name, dependency.spec);
      }
      declaredFor.set(manifest.lockfile, declared);
    }

    const lockfiles: LockfileInfo[] = [];
    const queue = [...lockfilePaths];
    const seen = new Set(queue);
    for (let index = 0; index < queue.length; index++) {
      const file = queue[index] ?? '';
      const info = readLockfile(repo, file, declaredFor.get(file));
      info.manifest ??= manifests.find((manifest) => manifest.lockfile === file && path.posix.dirname(manifest.file) === path.posix.dirname(file))?.file;
      lockfiles.push(info);
      for (const include of (info as Partial<RequirementsFile>).includes ?? []) {
        if (seen.has(include) || !repo.has(include)) continue;
        seen.add(include);
        queue.push(include);
      }
    }
    const registries = candidates.flatMap((file) => readRegistries(repo, file.path));
    const disabled = candidates.flatMap((file) => {
      const base = path.posix.basename(file.path);
      if (base !== '.npmrc' && base !== '.yarnrc' && base !== '.yarnrc.yml') return [];
      const text = repo.readText(file.path);
      const found = text === undefined ? undefined : scriptsDisabled(file.path, text);
      return found ? [found] : [];
    });
    return { manifests, lockfiles, registries, scriptsDisabled: disabled, skippedDirectories: [...skipped].sort() };
  },
});

function readRegistries(repo: Repository, file: string): RegistryConfig[] {
  const base = path.posix.basename(file);
  if (base === '.npmrc' || base === '.yarnrc' || base === '.yarnrc.yml') {
    const text = repo.readText(file);
    return text === undefined ? [] : npmRegistries(file, text);
  }
  if (base === 'pip.conf' || base === 'pip.ini') {
    const text = repo.readText(file);
    return text === undefined ? [] : pipRegistries(file, text);
  }
  if (base === 'Pipfile' || base === 'pyproject.toml') {
    const document = repo.toml(file);
    const text = repo.readText(file);
    return document && text !== undefined ? pythonTomlRegistries(file, document, text) : [];
  }
  return [];
}

function isLockfile(file: string): boolean {
  const base = path.posix.basename(file);
  return base in LOCKFILES || requirementsKind(file) === 'txt';
}

function readManifest(repo: Repository, file: string): ManifestInfo | undefined {
  const base = path.posix.basename(file);
  const isRequirementsIn = requirementsKind(file) === 'in';
  const isRequirementsTxt = requirementsKind(file) === 'txt';
  if (!MANIFEST_NAMES.has(base) && !isRequirementsIn && !isRequirementsTxt) return undefined;
  let parsed: ManifestDependencies | undefined;
  try {
    parsed = parseManifest(repo, file, base, isRequirementsIn || isRequirementsTxt);
  } catch (error) {
    repo.report(file, `unreadable manifest: ${error instanceof Error ? error.message : String(error)}`);
  }
  const kind: ManifestKind = isRequirementsIn ? 'requirements.in' : isRequirementsTxt ? 'requirements.txt' : base === 'gems.rb' ? 'Gemfile' : (base as ManifestKind);
  const dependencies = parsed?.dependencies ?? [];
  return {
    file,
    kind,
    ecosystem: parsed?.ecosystem ?? ecosystemOf(kind),
    dependencies,
    readable: parsed !== undefined,
    needsLockfile: !isRequirementsTxt && (parsed === undefined || dependencies.some((dependency) => !dependency.local)),
  };
}

function parseManifest(repo: Repository, file: string, base: string, isRequirements: boolean): ManifestDependencies | undefined {
  if (isRequirements) {
    const text = repo.readText(file);
    if (text === undefined) return undefined;
    const parsed = parseRequirements({ file, text });
    const dev = parsed.packages[0]?.dev ?? /dev|test/i.test(base);
    return requirementDependencies(parsed.requirements, dev, base.endsWith('.in') ? 'requirements.in' : 'requirements.txt');
  }
  switch (base) {
    case 'package.json': {
      const document = repo.json(file);
      return document && packageJsonDependencies(document);
    }
    case 'composer.json': {
      const document = repo.json(file);
      return document && composerDependencies(document);
    }
    case 'pyproject.toml': {
      const document = repo.toml(file);
      const text = repo.readText(file);
      return document && text !== undefined ? pyprojectDependencies(document, text) : undefined;
    }
    case 'Pipfile': {
      const document = repo.toml(file);
      return document && pipfileDependencies(document);
    }
    case 'Cargo.toml': {
      const document = repo.toml(file);
      return document && cargoDependencies(document);
    }
    case 'go.mod': {
      const text = repo.readText(file);
      return text === undefined ? undefined : goModDependencies(parseGoMod(text));
    }
    default: {
      const text = repo.readText(file);
      return text === undefined ? undefined : gemfileDependencies(text);
    }
  }
}

function ecosystemOf(kind: ManifestKind): Ecosystem {
  const byKind: Record<ManifestKind, Ecosystem> = {
    'package.json': 'npm',
    'pyproject.toml': 'PyPI',
    Pipfile: 'PyPI',
    'requirements.in': 'PyPI',
    'requirements.txt': 'PyPI',
    'Cargo.toml': 'crates.io',
    'go.mod': 'Go',
    Gemfile: 'RubyGems',
    'composer.json': 'Packagist',
  };
  return byKind[kind];
}

function findLockfile(repo: Repository, manifest: ManifestInfo, lockfiles: ReadonlySet<string>): string | undefined {
  if (manifest.kind === 'requirements.txt') return undefined;
  const directory = path.posix.dirname(manifest.file);
  const join = (dir: string, name: string): string => (dir === '.' ? name : `${dir}/${name}`);
  if (manifest.kind === 'requirements.in') {
    const compiled = manifest.file.replace(/\.in$/, '.txt');
    return lockfiles.has(compiled) ? compiled : undefined;
  }
  const base = path.posix.basename(manifest.file);
  const beside = (LOCKFILES_FOR[base] ?? []).map((name) => join(directory, name)).find((candidate) => lockfiles.has(candidate));
  if (beside) return beside;
  const ancestors = ANCESTOR_LOCKFILES[base] ?? [];
  for (let dir = directory; dir !== '.'; ) {
    dir = path.posix.dirname(dir);
    const found = ancestors.map((name) => join(dir, name)).find((candidate) => lockfiles.has(candidate));
    if (!found) continue;
    if (base !== 'package.json' || isWorkspaceMember(repo, dir, directory)) return found;
    return undefined;
  }
  return undefined;
}

/** npm and yarn list workspaces in package.json; pnpm in pnpm-workspace.yaml. */
function isWorkspaceMember(repo: Repository, rootDir: string, memberDir: string): boolean {
  const join = (name: string): string => (rootDir === '.' ? name : `${rootDir}/${name}`);
  const globs: string[] = [];
  const manifest = repo.has(join('package.json')) ? repo.json(join('package.json'))?.value : undefined;
  if (isRecord(manifest)) {
    const workspaces = Array.isArray(manifest.workspaces) ? manifest.workspaces : isRecord(manifest.workspaces) && Array.isArray(manifest.workspaces.packages) ? manifest.workspaces.packages : [];
    globs.push(...workspaces.filter((glob): glob is string => typeof glob === 'string'));
  }
  const pnpmWorkspace = repo.has(join('pnpm-workspace.yaml')) ? repo.yaml(join('pnpm-workspace.yaml'))?.[0]?.value : undefined;
  if (isRecord(pnpmWorkspace) && Array.isArray(pnpmWorkspace.packages)) globs.push(...pnpmWorkspace.packages.filter((glob): glob is string => typeof glob === 'string'));
  const relative = rootDir === '.' ? memberDir : path.posix.relative(rootDir, memberDir);
  const include = globs.filter((glob) => !glob.startsWith('!')).map((glob) => glob.replace(/^\.\//, '').replace(/\/$/, ''));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1).replace(/^\.\//, ''));
  return include.length > 0 && picomatch(include)(relative) && !(exclude.length > 0 && picomatch(exclude)(relative));
}

function readLockfile(repo: Repository, file: string, declared: DeclaredNames | undefined): LockfileInfo {
  const base = path.posix.basename(file);
  const known = LOCKFILES[base] ?? { ecosystem: 'PyPI' as const, read: parseRequirements };
  const format = base.replace(/\.(json|yaml|lock|txt|toml|sum)$/, '');
  if (known.unsupported) return unsupportedLockfile(file, format, known.ecosystem, known.unsupported);
  const text = repo.readText(file);
  if (text === undefined) return unsupportedLockfile(file, format, known.ecosystem, 'the file could not be read (see errors)');
  try {
    return (known.read ?? parseRequirements)({ file, text, declared }, repo);
  } catch (error) {
    const reason = `malformed ${base}: ${error instanceof Error ? error.message : String(error)}`;
    repo.report(file, reason);
    return unsupportedLockfile(file, format, known.ecosystem, reason);
  }
}

function readGoSum({ file, text }: LockfileInput, repo: Repository): LockfileInfo {
  const goModPath = path.posix.join(path.posix.dirname(file), 'go.mod');
  const goMod = repo.has(goModPath) ? repo.readText(goModPath) : undefined;
  return parseGoSum(file, text, goMod === undefined ? undefined : parseGoMod(goMod));
}

/** The repository fetches third-party packages: a manifest declares one, or a lockfile pins some. */
export function hasThirdPartyDependencies(facts: LockfileFacts): boolean {
  return facts.lockfiles.length > 0 || facts.manifests.some((manifest) => !manifest.readable || manifest.dependencies.some((dependency) => !dependency.local));
}
