import { git } from './git.js';
import { redactUrlCredentials } from '../core/redact.js';

export interface GitMetadata {
  /** Absolute path of the work tree's top level (may be above the scanned root). */
  topLevel: string;
  head?: string;
  branch?: string;
  remotes: { name: string; url: string }[];
  isShallow: boolean;
}

/** Git facts about `root`, or undefined when it is not inside a git work tree (or git is absent). */
export async function readGitMetadata(root: string): Promise<GitMetadata | undefined> {
  let topLevel: string;
  try {
    const inside = (await git(root, ['rev-parse', '--is-inside-work-tree'])).trim();
    if (inside !== 'true') return undefined;
    topLevel = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    return undefined;
  }
  const optional = async (args: string[]): Promise<string | undefined> => {
    try {
      return (await git(root, args)).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const [head, branch, remoteConfig, shallow] = await Promise.all([
    optional(['rev-parse', '--verify', '-q', 'HEAD']),
    optional(['symbolic-ref', '--short', '-q', 'HEAD']),
    optional(['config', '--get-regexp', '^remote\\..*\\.url$']),
    optional(['rev-parse', '--is-shallow-repository']),
  ]);
  const remotes: { name: string; url: string }[] = [];
  for (const line of (remoteConfig ?? '').split('\n')) {
    const match = /^remote\.(.+)\.url (.+)$/.exec(line);
    if (match?.[1] && match[2]) remotes.push({ name: match[1], url: redactUrlCredentials(match[2]) });
  }
  return { topLevel, head, branch, remotes, isShallow: shallow === 'true' };
}
