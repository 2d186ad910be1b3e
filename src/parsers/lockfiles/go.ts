import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';
import { MalformedLockfile } from './common.js';

export interface GoRequirement {
  module: string;
  version: string;
  indirect: boolean;
  line: number;
}

export interface GoModule {
  module?: string;
  /** The `go` directive: the language version the module declares. */
  go?: string;
  requires: GoRequirement[];
  /** Modules replaced by a local directory: built from the tree, never downloaded. */
  replacedLocally: Set<string>;
}

/** go.mod: the `require` directives (single and block form) and local `replace`s. */
export function parseGoMod(text: string): GoModule {
  const result: GoModule = { requires: [], replacedLocally: new Set() };
  let block: 'require' | 'replace' | undefined;
  text.split('\n').forEach((raw, index) => {
    const comment = raw.indexOf('//');
    const content = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    const indirect = comment !== -1 && /^\/\/\s*indirect\b/.test(raw.slice(comment));
    if (block) {
      if (content === ')') block = undefined;
      else if (content) readDirective(result, block, content, indirect, index + 1);
      return;
    }
    const directive = /^(module|go|require|replace)\s+(.*)$/.exec(content);
    if (!directive) return;
    const [, keyword = '', rest = ''] = directive;
    if (keyword === 'module') result.module = rest.replace(/"/g, '').trim();
    else if (keyword === 'go') result.go = rest.trim();
    else if (rest.trim() === '(') block = keyword as 'require' | 'replace';
    else readDirective(result, keyword as 'require' | 'replace', rest.trim(), indirect, index + 1);
  });
  return result;
}

function readDirective(result: GoModule, kind: 'require' | 'replace', content: string, indirect: boolean, line: number): void {
  if (kind === 'require') {
    const [module, version] = content.split(/\s+/);
    if (module && version) result.requires.push({ module: module.replace(/"/g, ''), version, indirect, line });
    return;
  }
  const [left = '', right = ''] = content.split('=>').map((side) => side.trim());
  const target = right.split(/\s+/)[0] ?? '';
  if (target.startsWith('.') || target.startsWith('/')) result.replacedLocally.add(left.split(/\s+/)[0] ?? '');
}

/**
 * go.sum: one `h1:` hash per module version (the `/go.mod`-only lines are modules whose code is never
 * built). Direct modules come from go.mod; a module go.mod requires that go.sum lacks entirely is
 * listed without a hash, so the gap shows.
 */
export function parseGoSum(file: string, text: string, goMod?: GoModule): LockfileInfo {
  const packages: LockedPackage[] = [];
  const seen = new Map<string, LockedPackage>();
  const mentioned = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const [module, versionField, hash] = line.split(/\s+/);
    if (!module || !versionField || !hash?.startsWith('h1:')) throw new MalformedLockfile(`line ${index + 1}: expected "module version h1:hash"`);
    const version = versionField.replace(/\/go\.mod$/, '');
    mentioned.add(`${module}@${version}`);
    if (versionField.endsWith('/go.mod')) return;
    const key = `${module}@${version}`;
    if (seen.has(key)) return;
    const pkg: LockedPackage = { ecosystem: 'Go', name: module, version, direct: false, dev: false, lockfile: file, line: index + 1, hashes: [hash] };
    seen.set(key, pkg);
    packages.push(pkg);
  });
  for (const requirement of goMod?.requires ?? []) {
    const key = `${requirement.module}@${requirement.version}`;
    const pkg = seen.get(key);
    if (pkg) pkg.direct = !requirement.indirect;
    else if (!mentioned.has(key) && !goMod?.replacedLocally.has(requirement.module)) {
      packages.push({ ecosystem: 'Go', name: requirement.module, version: requirement.version, direct: !requirement.indirect, dev: false, lockfile: file, hashes: [] });
    }
  }
  return { file, format: 'go-sum', ecosystem: 'Go', supported: true, packages };
}
