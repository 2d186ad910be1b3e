import type { Finding, ScanResult } from '../core/result.js';
import { encodePath } from './escape.js';

export interface GitHubRepository {
  owner: string;
  name: string;
}

const NAME = '[A-Za-z0-9_.-]{1,100}';
const GITHUB_REMOTE = new RegExp(`^(?:https://(?:[^@/]{1,200}@)?github\\.com/|ssh://git@github\\.com/|git@github\\.com:)(${NAME})/(${NAME})$`);

/**
 * The github.com repository of the scanned checkout: its `origin`, or without one its first remote.
 * An origin elsewhere means no GitHub links: the commit may not exist on a GitHub mirror.
 */
export function githubRepositoryOf(target: ScanResult['target']): GitHubRepository | undefined {
  const remotes = target.remotes ?? [];
  const origin = remotes.find((remote) => remote.name === 'origin') ?? remotes[0];
  const match = origin ? GITHUB_REMOTE.exec(origin.url.trim().replace(/\/$/, '')) : null;
  if (!match?.[1] || !match[2]) return undefined;
  return { owner: match[1], name: match[2].replace(/\.git$/, '') };
}

/** `path:line`, or undefined when the finding is not about a file. */
export function locationLabel(finding: Pick<Finding, 'file' | 'line'>): string | undefined {
  if (finding.file === undefined) return undefined;
  return finding.line !== undefined ? `${finding.file}:${finding.line}` : finding.file;
}

/**
 * Where a finding's file can be opened: a GitHub blob link pinned to the scanned commit when the
 * checkout has a github.com remote, a repository-relative link otherwise.
 */
export function fileLink(target: ScanResult['target'], finding: Pick<Finding, 'file' | 'line'>): string | undefined {
  if (finding.file === undefined) return undefined;
  const anchor = finding.line !== undefined ? `#L${finding.line}` : '';
  const repository = githubRepositoryOf(target);
  if (repository && target.commit && /^[0-9a-f]{7,64}$/i.test(target.commit)) {
    return `https://github.com/${repository.owner}/${repository.name}/blob/${target.commit}/${encodePath(finding.file)}${anchor}`;
  }
  return `${encodePath(finding.file)}${anchor}`;
}
