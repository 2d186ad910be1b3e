import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type FixtureFiles = Record<string, string | Buffer>;

export interface FixtureOptions {
  /** Make it a git repository with everything committed on `main`. */
  git?: boolean;
}

/** Writes a small repository to a fresh temporary directory and returns its path. */
export function makeFixture(files: FixtureFiles, options: FixtureOptions = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tenet-fixture-'));
  writeFiles(root, files);
  if (options.git) {
    gitIn(root, 'init', '-q', '-b', 'main');
    gitIn(root, 'add', '-A');
    gitIn(root, 'commit', '-q', '--allow-empty', '-m', 'fixture');
  }
  return root;
}

export function writeFiles(root: string, files: FixtureFiles): void {
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(root, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** Runs git in a fixture with a fixed identity and dates, so that tests are repeatable. */
export function gitIn(root: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test Author',
      GIT_AUTHOR_EMAIL: 'author@example.com',
      GIT_COMMITTER_NAME: 'Test Author',
      GIT_COMMITTER_EMAIL: 'author@example.com',
      GIT_AUTHOR_DATE: process.env.GIT_AUTHOR_DATE ?? '2026-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: process.env.GIT_COMMITTER_DATE ?? '2026-01-01T00:00:00Z',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

export function removeFixture(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
