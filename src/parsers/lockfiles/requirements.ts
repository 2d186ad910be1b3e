import path from 'node:path';
import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { normalisePythonName, type LockfileInput } from './common.js';

/** One requirement line of a requirements file, continuation lines joined. */
export interface Requirement {
  name: string;
  /** What follows the name: `==1.2.3`, `>=2`, `''` (anything), or the URL of a direct reference. */
  spec: string;
  line: number;
  hashes: string[];
  /** The environment marker after `;`, if any. */
  marker?: string;
  /** A direct reference (VCS or archive URL) instead of a version. */
  url?: string;
  editable: boolean;
}

export interface RequirementsFile extends LockfileInfo {
  requirements: Requirement[];
  /** Files named by `-r` / `-c`, relative to the repository root. */
  includes: string[];
}

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]{0,200})(\[[^\]]{0,200}\])?/;
const DEV_FILE = /(^|[-_.])(dev|test|tests|testing|lint|docs?|ci|tools?)([-_.]|$)/i;

/**
 * requirements*.txt as pip reads it. Pinned lines (`==`, `===`) are its locked packages; pip-compile's
 * `# via` comments tell direct from transitive, otherwise every line is direct.
 */
export function parseRequirements({ file, text }: LockfileInput): RequirementsFile {
  const requirements: Requirement[] = [];
  const includes: string[] = [];
  const via = new Map<Requirement, string[]>();
  let indexUrl: string | undefined;
  let last: Requirement | undefined;
  let readingVia = false;
  const physical = text.split('\n');
  for (let index = 0; index < physical.length; index++) {
    const startLine = index + 1;
    let logical = (physical[index] ?? '').replace(/\r$/, '');
    const comment = /^\s*#\s?(.*)$/.exec(logical);
    if (comment) {
      const body = comment[1] ?? '';
      const viaMatch = /^\s*via(?:\s+(\S.*))?$/.exec(body);
      if (viaMatch && last) {
        readingVia = true;
        via.set(last, viaMatch[1] ? [viaMatch[1].trim()] : []);
      } else if (readingVia && last && /^\s{2,}\S/.test(body)) {
        via.get(last)?.push(body.trim());
      } else {
        readingVia = false;
      }
      continue;
    }
    readingVia = false;
    while (logical.endsWith('\\') && index + 1 < physical.length) {
      index++;
      logical = logical.slice(0, -1) + ' ' + (physical[index] ?? '').replace(/\r$/, '');
    }
    const content = logical.replace(/(^|\s)#.*$/, '').trim();
    if (!content) continue;
    const option = /^(-r|--requirement|-c|--constraint|-i|--index-url)(?:\s+|=)(\S+)/.exec(content);
    if (option) {
      const [, flag, value = ''] = option;
      if (flag === '-i' || flag === '--index-url') indexUrl = value;
      else includes.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), value)));
      continue;
    }
    if (content.startsWith('-') && !/^(-e|--editable)\s/.test(content)) continue;
    const requirement = readRequirement(content, startLine);
    if (requirement) {
      requirements.push(requirement);
      last = requirement;
    }
  }
  const dev = DEV_FILE.test(path.posix.basename(file).replace(/\.(txt|in)$/, ''));
  const annotated = via.size > 0;
  const packages: LockedPackage[] = [];
  for (const requirement of requirements) {
    const pinned = /^===?\s*([^\s,;]+)$/.exec(requirement.spec);
    if (!pinned && !requirement.url) continue;
    if (requirement.url && /^(\.|\/|file:)/.test(requirement.url) && !/\.(whl|zip|tar\.gz|tgz)$/.test(requirement.url)) continue;
    const sources = via.get(requirement) ?? [];
    const dependents = sources.filter((source) => !source.startsWith('-'));
    packages.push({
      ecosystem: 'PyPI',
      name: requirement.name,
      version: pinned?.[1] ?? refOf(requirement.url ?? ''),
      direct: !annotated || sources.some((source) => source.startsWith('-r') || source.startsWith('-c')) || sources.length === 0,
      dev,
      lockfile: file,
      line: requirement.line,
      resolved: requirement.url ?? indexUrl,
      hashes: requirement.hashes,
      ...(dependents.length > 0 ? { dependents: dependents.map(normalisePythonName) } : {}),
    });
  }
  return { file, format: 'requirements', ecosystem: 'PyPI', supported: true, packages, requirements, includes };
}

function readRequirement(content: string, line: number): Requirement | undefined {
  const hashes: string[] = [];
  let rest = content.replace(/--hash[=\s]+(\S+)/g, (_match, hash: string) => {
    hashes.push(hash);
    return '';
  });
  const editable = /^(-e|--editable)\s/.test(rest);
  if (editable) rest = rest.replace(/^(-e|--editable)\s+/, '');
  rest = rest.trim();
  let marker: string | undefined;
  const semicolon = rest.search(/;\s/);
  if (semicolon !== -1) {
    marker = rest.slice(semicolon + 1).trim();
    rest = rest.slice(0, semicolon).trim();
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest) || rest.startsWith('.') || rest.startsWith('/')) {
    const hash = rest.indexOf('#');
    const egg = hash === -1 ? null : /(?:^|&)egg=([A-Za-z0-9._-]{1,200})/.exec(rest.slice(hash + 1));
    return { name: egg?.[1] ?? rest, spec: rest, url: rest, line, hashes, marker, editable };
  }
  const name = NAME.exec(rest);
  if (!name?.[1]) return undefined;
  const spec = rest.slice(name[0].length).trim();
  if (spec.startsWith('@')) {
    const url = spec.slice(1).trim();
    return { name: name[1], spec: url, url, line, hashes, marker, editable };
  }
  return { name: name[1], spec: spec.replace(/\s+/g, ''), line, hashes, marker, editable };
}

/** The revision a VCS URL pins (`git+https://…@v1.2#egg=x` → `v1.2`), or '' when it names none. */
export function refOf(url: string): string {
  const withoutFragment = url.split('#')[0] ?? '';
  const afterHost = withoutFragment.replace(/^[a-z+]+:\/\/[^/]*/i, '');
  const at = afterHost.lastIndexOf('@');
  return at === -1 ? '' : afterHost.slice(at + 1);
}
