import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { parseYaml } from '../yaml.js';
import { applyGraph, isRecord, MalformedLockfile, recordField, stringField, unsupportedLockfile, type LockfileInput } from './common.js';

const PROD_FIELDS = ['dependencies', 'optionalDependencies'] as const;

/** pnpm-lock.yaml, lockfile versions 5.x (`/name/1.0.0`), 6.x (`/name@1.0.0`) and 9.x (`name@1.0.0` + snapshots). */
export function parsePnpmLockfile({ file, text }: LockfileInput): LockfileInfo {
  let document: unknown;
  try {
    document = parseYaml(text)[0]?.value;
  } catch (error) {
    throw new MalformedLockfile(error instanceof Error ? error.message : String(error));
  }
  if (!isRecord(document)) throw new MalformedLockfile('not a YAML mapping');
  const lockfileVersion = String(document.lockfileVersion ?? '');
  const major = Number.parseInt(lockfileVersion, 10);
  if (![5, 6, 7, 9].includes(major)) return unsupportedLockfile(file, `pnpm-v${lockfileVersion || '?'}`, 'npm', `pnpm lockfileVersion '${lockfileVersion}' is not supported (5, 6 and 9 are)`);
  const slashStyle = major === 5;
  const lines = packageKeyLines(text);
  const packages: LockedPackage[] = [];
  const indexByKey = new Map<string, number>();
  const recordsDev = major < 9;
  for (const [key, value] of Object.entries(recordField(document, 'packages'))) {
    const entry = isRecord(value) ? value : {};
    const resolution = recordField(entry, 'resolution');
    if (stringField(resolution, 'directory') !== undefined) continue;
    const base = withoutPeers(key, slashStyle);
    const existing = indexByKey.get(base);
    if (existing !== undefined) {
      indexByKey.set(key, existing);
      continue;
    }
    const [parsedName, parsedVersion] = splitKey(base, slashStyle);
    const name = stringField(entry, 'name') ?? parsedName;
    const version = stringField(entry, 'version') ?? parsedVersion;
    if (!name || !version) continue;
    indexByKey.set(key, packages.length);
    indexByKey.set(base, packages.length);
    const integrity = stringField(resolution, 'integrity');
    packages.push({
      ecosystem: 'npm',
      name,
      version,
      direct: false,
      dev: entry.dev === true,
      lockfile: file,
      line: lines.get(key),
      resolved: sourceOf(resolution),
      hashes: integrity ? [integrity] : [],
      hasInstallScript: recordsDev ? entry.requiresBuild === true : undefined,
    });
  }
  const refToIndex = (name: string, ref: string): number | undefined => {
    if (ref.startsWith('link:') || ref.startsWith('file:')) return undefined;
    const candidates = ref.startsWith('/') ? [ref] : slashStyle ? [`/${name}/${ref}`] : [`/${name}@${ref}`, `${name}@${ref}`, ref, `/${ref}`];
    for (const candidate of candidates) {
      const index = indexByKey.get(candidate) ?? indexByKey.get(withoutPeers(candidate, slashStyle));
      if (index !== undefined) return index;
    }
    return undefined;
  };
  const edges: number[][] = packages.map(() => []);
  const graphSource = major >= 9 ? recordField(document, 'snapshots') : recordField(document, 'packages');
  for (const [key, value] of Object.entries(graphSource)) {
    const from = indexByKey.get(key) ?? indexByKey.get(withoutPeers(key, slashStyle));
    if (from === undefined || !isRecord(value)) continue;
    for (const field of PROD_FIELDS) {
      for (const [name, ref] of Object.entries(recordField(value, field))) {
        const target = typeof ref === 'string' ? refToIndex(name, ref) : undefined;
        if (target !== undefined) edges[from]?.push(target);
      }
    }
  }
  const roots = { prod: [] as number[], dev: [] as number[] };
  const importers = isRecord(document.importers) ? Object.values(document.importers) : [document];
  for (const importer of importers) {
    if (!isRecord(importer)) continue;
    for (const field of [...PROD_FIELDS, 'devDependencies'] as const) {
      for (const [name, spec] of Object.entries(recordField(importer, field))) {
        const ref = typeof spec === 'string' ? spec : isRecord(spec) ? stringField(spec, 'version') : undefined;
        const target = ref === undefined ? undefined : refToIndex(name, ref);
        if (target !== undefined) (field === 'devDependencies' ? roots.dev : roots.prod).push(target);
      }
    }
  }
  applyGraph(packages, edges, roots, { keepDev: recordsDev });
  return { file, format: `pnpm-v${major}`, ecosystem: 'npm', supported: true, packages };
}

/** `/a@1.0.0(react@18.0.0)` → `/a@1.0.0`; v5 `/a/1.0.0_react@18.0.0` → `/a/1.0.0`. */
function withoutPeers(key: string, slashStyle: boolean): string {
  const paren = key.indexOf('(');
  if (paren > 0) return key.slice(0, paren);
  if (slashStyle) {
    const lastSlash = key.lastIndexOf('/');
    const underscore = key.indexOf('_', lastSlash);
    if (underscore > 0) return key.slice(0, underscore);
  }
  return key;
}

function splitKey(key: string, slashStyle: boolean): [string, string] {
  const bare = key.startsWith('/') ? key.slice(1) : key;
  const at = slashStyle ? bare.lastIndexOf('/') : bare.lastIndexOf('@');
  if (at <= 0) return ['', ''];
  return [bare.slice(0, at), bare.slice(at + 1)];
}

function sourceOf(resolution: Record<string, unknown>): string | undefined {
  const tarball = stringField(resolution, 'tarball');
  if (tarball) return tarball;
  const repo = stringField(resolution, 'repo');
  if (repo) return `git+${repo}#${stringField(resolution, 'commit') ?? ''}`;
  return undefined;
}

/** Lines of the keys two spaces into `packages:`, found in one pass (a YAML path lookup per key would be quadratic). */
function packageKeyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let inPackages = false;
  let lineNumber = 0;
  for (const raw of text.split('\n')) {
    lineNumber++;
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      inPackages = line.startsWith('packages:');
      continue;
    }
    if (!inPackages || line[2] === ' ' || !line.endsWith(':')) continue;
    let key = line.slice(2, -1);
    if ((key.startsWith("'") && key.endsWith("'")) || (key.startsWith('"') && key.endsWith('"'))) key = key.slice(1, -1);
    lines.set(key, lineNumber);
  }
  return lines;
}
