import { lstatSync, readFileSync, realpathSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { ScanError } from '../core/result.js';
import { parseJson, type JsonDocument } from '../parsers/json.js';
import { parseYaml, type YamlDocument } from '../parsers/yaml.js';
import { parseToml, type TomlDocument } from '../parsers/toml.js';
import { messageOf } from '../core/errors.js';
import { listFiles } from './file-list.js';
import { readGitMetadata, type GitMetadata } from './git-metadata.js';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** Characters of file text that whole-tree scanners may share (about 128 MB of ASCII). */
const SHARED_TEXT_BUDGET_CHARS = 128 * 1024 * 1024;

export interface RepositoryOptions {
  /** Files larger than this many bytes are skipped and reported. */
  maxFileSize?: number;
  /** Globs (repository-relative) of paths to leave out, on top of .gitignore. */
  exclude?: readonly string[];
}

export interface RepoFile {
  /** Repository-relative, forward slashes. */
  path: string;
  size: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The scanned tree, read once and lazily: the file list is built on open; contents and parsed
 * documents on first use, each at most once, with every unreadable file recorded in `errors`.
 */
export class Repository {
  readonly errors: ScanError[] = [];
  private readonly byPath = new Map<string, RepoFile>();
  private readonly textCache = new Map<string, string | undefined>();
  private sharedTextChars = 0;
  private readonly parseCache = new Map<string, Parsed<unknown>>();
  private readonly reported = new Set<string>();

  private constructor(
    readonly root: string,
    readonly files: readonly RepoFile[],
    readonly git: GitMetadata | undefined,
    readonly maxFileSize: number,
    listingErrors: ScanError[],
  ) {
    for (const file of files) this.byPath.set(file.path, file);
    this.errors.push(...listingErrors);
  }

  static async open(root: string, options: RepositoryOptions = {}): Promise<Repository> {
    const absoluteRoot = realpathSync(path.resolve(root));
    if (!statSync(absoluteRoot).isDirectory()) throw new Error(`not a directory: ${root}`);
    const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const git = await readGitMetadata(absoluteRoot);
    const isExcluded = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : () => false;
    const listing = await listFiles(absoluteRoot, git !== undefined);
    const files: RepoFile[] = [];
    const errors: ScanError[] = [...listing.errors];
    for (const relative of listing.paths) {
      if (isExcluded(relative)) continue;
      const entry = statInsideRoot(absoluteRoot, relative);
      if ('reason' in entry) {
        if (entry.reason) errors.push({ file: relative, reason: entry.reason });
        continue;
      }
      files.push({ path: relative, size: entry.size });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return new Repository(absoluteRoot, files, git, maxFileSize, errors);
  }

  has(file: string): boolean {
    return this.byPath.has(file);
  }

  file(file: string): RepoFile | undefined {
    return this.byPath.get(file);
  }

  /** Files whose repository-relative path matches any of the globs. */
  glob(patterns: string | readonly string[]): RepoFile[] {
    const matches = picomatch(typeof patterns === 'string' ? patterns : [...patterns], { dot: true });
    return this.files.filter((file) => matches(file.path));
  }

  /** Files whose base name is one of `names` (exact, case-sensitive). */
  named(...names: string[]): RepoFile[] {
    const wanted = new Set(names);
    return this.files.filter((file) => wanted.has(path.posix.basename(file.path)));
  }

  /**
   * Text of a file, or undefined when it is missing, too large, binary or undecodable (the reason is
   * recorded once in `errors`).
   */
  readText(file: string): string | undefined {
    if (this.textCache.has(file)) return this.textCache.get(file);
    const text = this.loadText(file);
    this.textCache.set(file, text);
    return text;
  }

  /**
   * Reads a file's text for a scanner that visits every file: kept for the next such scanner while
   * the texts kept stay under a budget, so that several whole-tree passes read the disk once without
   * holding a large repository in memory.
   */
  readTextOnce(file: string): string | undefined {
    if (this.textCache.has(file)) return this.textCache.get(file);
    const text = this.loadText(file);
    const size = text?.length ?? 0;
    if (this.sharedTextChars + size <= SHARED_TEXT_BUDGET_CHARS) {
      this.sharedTextChars += size;
      this.textCache.set(file, text);
    }
    return text;
  }

  /** Raw bytes of a file within the size cap (binary files included), or undefined. */
  readBytes(file: string): Buffer | undefined {
    const entry = this.byPath.get(file);
    if (!entry) return undefined;
    if (entry.size > this.maxFileSize) {
      this.report(file, `file exceeds the size cap (${entry.size} bytes > ${this.maxFileSize})`);
      return undefined;
    }
    try {
      return readFileSync(path.join(this.root, file));
    } catch (error) {
      this.report(file, `unreadable: ${messageOf(error)}`);
      return undefined;
    }
  }

  /** The first `length` bytes of a file, whatever its size (for magic-number sniffing). */
  readHead(file: string, length: number): Buffer | undefined {
    if (!this.byPath.has(file)) return undefined;
    let fd: number | undefined;
    try {
      fd = openSync(path.join(this.root, file), 'r');
      const buffer = Buffer.alloc(length);
      const read = readSync(fd, buffer, 0, length, 0);
      return buffer.subarray(0, read);
    } catch (error) {
      this.report(file, `unreadable: ${messageOf(error)}`);
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  json(file: string): JsonDocument | undefined {
    return this.parsed(file, 'JSON', parseJson);
  }

  /** Every document of a YAML stream. */
  yaml(file: string): YamlDocument[] | undefined {
    return this.parsed(file, 'YAML', parseYaml);
  }

  toml(file: string): TomlDocument | undefined {
    return this.parsed(file, 'TOML', parseToml);
  }

  /** Records a problem with a file once, however many collectors meet it. */
  report(file: string | undefined, reason: string): void {
    const key = `${file ?? ''}\0${reason}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.errors.push(file === undefined ? { reason } : { file, reason });
  }

  private parsed<T>(file: string, kind: string, parse: (text: string) => T): T | undefined {
    const key = `${kind}:${file}`;
    let entry = this.parseCache.get(key) as Parsed<T> | undefined;
    if (!entry) {
      const text = this.readText(file);
      if (text === undefined) {
        entry = { ok: false, error: 'unreadable' };
      } else {
        try {
          entry = { ok: true, value: parse(text) };
        } catch (error) {
          entry = { ok: false, error: messageOf(error) };
          this.report(file, `malformed ${kind}: ${messageOf(error)}`);
        }
      }
      this.parseCache.set(key, entry);
    }
    return entry.ok ? entry.value : undefined;
  }

  private loadText(file: string): string | undefined {
    const bytes = this.readBytes(file);
    if (!bytes) return undefined;
    if (isBinary(bytes)) {
      this.report(file, 'binary file skipped');
      return undefined;
    }
    return bytes.toString('utf8');
  }
}

/** The heuristic git and ripgrep use: a NUL byte in the first 8 KiB means binary. */
export function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function statInsideRoot(root: string, relative: string): { size: number } | { reason: string | undefined } {
  const absolute = path.join(root, relative);
  let stats;
  try {
    stats = lstatSync(absolute);
  } catch {
    // Listed by git but deleted in the work tree: there is nothing to scan, and nothing lost.
    return { reason: undefined };
  }
  if (stats.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(absolute);
    } catch {
      return { reason: 'broken symbolic link skipped' };
    }
    if (target !== root && !target.startsWith(root + path.sep)) {
      return { reason: 'symbolic link points outside the repository; not followed' };
    }
    const targetStats = statSync(target);
    if (!targetStats.isFile()) return { reason: 'symbolic link to a directory; not followed' };
    return { size: targetStats.size };
  }
  if (!stats.isFile()) return { reason: stats.isDirectory() ? undefined : 'not a regular file; skipped' };
  return { size: stats.size };
}
