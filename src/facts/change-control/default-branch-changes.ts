import { defineCollector } from '../collector.js';
import { gitBuffer } from '../../repo/git.js';
import { defaultBranchHistory } from './default-branch-history.js';

export interface DefaultBranchChanges {
  /** Commit id → the paths it changed against its first parent (merges: everything the merge brought in). */
  paths: Map<string, string[]>;
}

/**
 * The files each first-parent commit of the default branch in the window changed, from one
 * `git diff-tree --stdin` run: merges are compared with their first parent, so a merged pull
 * request counts as one change with all its files. The root commit has no parent and no entry.
 */
export const defaultBranchChanges = defineCollector<DefaultBranchChanges>({
  id: 'default-branch-changes',
  description: 'Paths changed by each first-parent default-branch commit in the window',
  async collect({ repo, facts }) {
    const history = await facts(defaultBranchHistory);
    const shas = history.commits.filter((commit) => commit.parents.length > 0).map((commit) => commit.sha);
    const paths = new Map<string, string[]>();
    if (!shas.length) return { paths };
    const output = await gitBuffer(repo.root, ['diff-tree', '--stdin', '-r', '-m', '--first-parent', '--name-only', '--no-renames', '-z', '--format=%x01%H'], {
      input: `${shas.join('\n')}\n`,
    });
    return { paths: parseDiffTree(output.toString('utf8')) };
  },
});

/** Parses `diff-tree -z --name-only --format=%x01%H` output: \x01SHA\0\nPATH\0PATH\0\x01SHA… */
export function parseDiffTree(output: string): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const token of output.split('\0')) {
    if (token.startsWith('\x01')) {
      current = [];
      paths.set(token.slice(1).trim(), current);
    } else if (current && token) {
      // The first path after a header follows the newline that ends the header.
      const name = current.length === 0 && token.startsWith('\n') ? token.slice(1) : token;
      if (name) current.push(name);
    }
  }
  return paths;
}
