import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ScanError } from '../core/result.js';
import { gitBuffer } from './git.js';

export interface FileListing {
  paths: string[];
  errors: ScanError[];
}

/** Directories never worth walking in a plain (non-git) directory scan. */
const NEVER_WALKED = new Set(['.git', 'node_modules']);

/**
 * Repository-relative paths of the files to scan: in a git work tree, what git tracks plus untracked
 * files it does not ignore (git applies every .gitignore, nested ones, info/exclude); elsewhere a
 * walk that applies .gitignore files the same way.
 */
export async function listFiles(root: string, isGitWorkTree: boolean): Promise<FileListing> {
  if (isGitWorkTree) {
    try {
      const [tracked, untracked, prefixOutput] = await Promise.all([
        gitBuffer(root, ['ls-files', '--cached', '-z', '--full-name', '--', '.']),
        gitBuffer(root, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', '.']),
        gitBuffer(root, ['rev-parse', '--show-prefix']),
      ]);
      const prefix = prefixOutput.toString('utf8').trim();
      const paths = new Set<string>();
      const add = (output: Buffer, isTracked: boolean): void => {
        for (const entry of output.toString('utf8').split('\0')) {
          if (!entry) continue;
          const relative = prefix && entry.startsWith(prefix) ? entry.slice(prefix.length) : entry;
          // Untracked dependency folders are installs, not the project's files; tracked ones are scanned.
          if (!isTracked && relative.split('/').some((segment) => NEVER_WALKED.has(segment))) continue;
          paths.add(relative);
        }
      };
      add(tracked, true);
      add(untracked, false);
      return { paths: [...paths], errors: [] };
    } catch (error) {
      const walked = walk(root);
      walked.errors.push({ reason: `git could not list files, walked the directory instead: ${String(error)}` });
      return walked;
    }
  }
  return walk(root);
}

function walk(root: string): FileListing {
  const paths: string[] = [];
  const errors: ScanError[] = [];
  const visit = (relativeDir: string, rules: { base: string; matcher: Ignore }[]): void => {
    const absoluteDir = path.join(root, relativeDir);
    let entries;
    try {
      entries = readdirSync(absoluteDir, { withFileTypes: true });
    } catch (error) {
      errors.push({ file: relativeDir || '.', reason: `directory unreadable: ${String(error)}` });
      return;
    }
    const local = entries.find((entry) => entry.name === '.gitignore' && entry.isFile());
    let scoped = rules;
    if (local) {
      try {
        scoped = [...rules, { base: relativeDir, matcher: ignore().add(readFileSync(path.join(absoluteDir, '.gitignore'), 'utf8')) }];
      } catch (error) {
        errors.push({ file: path.posix.join(relativeDir, '.gitignore'), reason: `unreadable: ${String(error)}` });
      }
    }
    for (const entry of entries) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && NEVER_WALKED.has(entry.name)) continue;
      const isDirectory = entry.isDirectory();
      if (isIgnored(scoped, relative, isDirectory)) continue;
      if (isDirectory) visit(relative, scoped);
      else paths.push(relative);
    }
  };
  visit('', []);
  return { paths, errors };
}

function isIgnored(rules: { base: string; matcher: Ignore }[], relative: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { base, matcher } of rules) {
    const local = base ? relative.slice(base.length + 1) : relative;
    const result = matcher.test(isDirectory ? `${local}/` : local);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
