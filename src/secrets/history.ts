import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { git, spawnGit } from '../repo/git.js';
import { isBinary } from '../repo/repository.js';
import { foundSecret, type FoundSecret, type SecretMatcher } from './matcher.js';
import { MatchPool } from './match-pool.js';
import type { RuleSource } from './rule-source.js';

/** A secret found somewhere in history, attributed to where it first appeared. Holds no secret. */
export interface HistorySecret {
  ruleId: string;
  description: string;
  fingerprint: string;
  redacted: string;
  /** Where it first appeared: commit, author, date, path and line in that blob. */
  commit?: string;
  author?: string;
  date?: string;
  path: string;
  line: number;
  /** Whether the tree at HEAD still holds it (in any file). */
  inHead: boolean;
  /** How many distinct blobs hold it. */
  blobs: number;
  allowedBy?: string;
  allowReason?: string;
}

export interface HistoryScan {
  findings: HistorySecret[];
  blobsScanned: number;
  bytesScanned: number;
  binarySkipped: number;
  /** Blobs over the size cap: not scanned. */
  oversized: { blob: string; path: string; size: number }[];
  /** Objects referenced but absent (damaged or partial clones). */
  missing: string[];
  errors: string[];
  shallow: boolean;
}

export interface HistoryOptions {
  /** Scan only objects not reachable from this ref. */
  since?: string;
  maxBlobSize: number;
  isShallow?: boolean;
  /** Match on this many worker threads (0: on the main thread), loading rules from `source`. */
  workers?: number;
  source?: RuleSource;
}

/** Lets the blob stream pause while matching lags behind. */
interface Flow {
  saturated(): boolean;
  onResume?: () => void;
}

interface BlobHit extends FoundSecret {
  blob: string;
  path: string;
}

/**
 * The commit whose history counts as already scanned: `--since` names a commit or ref, or a date, which
 * stands for the newest commit of HEAD's history before it (none before it: everything is new).
 */
async function sinceCommit(root: string, since: string): Promise<string | undefined> {
  if (!since.startsWith('-')) {
    const commit = (await git(root, ['rev-parse', '--verify', '--quiet', `${since}^{commit}`]).catch(() => '')).trim();
    if (commit) return commit;
  }
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) throw new Error(`--since ${since}: neither a commit in this repository nor a date`);
  return (await git(root, ['rev-list', '-1', `--before=${date.toISOString()}`, 'HEAD']).catch(() => '')).trim() || undefined;
}

/**
 * Scans every blob reachable from any ref exactly once: `rev-list --objects --all` names each blob
 * once, whatever the number of commits holding it, and `cat-file --batch` streams their contents.
 * Only blobs with findings are then attributed, by one `log --raw` walk from the oldest commit.
 */
export async function scanHistory(root: string, matcher: SecretMatcher, options: HistoryOptions): Promise<HistoryScan> {
  const result: HistoryScan = { findings: [], blobsScanned: 0, bytesScanned: 0, binarySkipped: 0, oversized: [], missing: [], errors: [], shallow: options.isShallow ?? false };
  const exclusion: string[] = [];
  if (options.since !== undefined) {
    const commit = await sinceCommit(root, options.since);
    if (commit) exclusion.push(`^${commit}`);
  }
  const hits: BlobHit[] = [];
  const flow: Flow = { saturated: () => false };
  let pool: MatchPool | undefined;
  const blobOfEntry = new Map<number, string>();
  if ((options.workers ?? 0) > 0 && options.source) {
    pool = new MatchPool(
      options.source,
      options.workers ?? 1,
      (entries, response) => {
        result.binarySkipped += response.binary;
        for (const { entry: index, ...hit } of response.hits) {
          hits.push({ ...hit, blob: blobOfEntry.get(index) ?? '', path: entries.find((candidate) => candidate.index === index)?.path ?? '' });
        }
        for (const entry of entries) blobOfEntry.delete(entry.index);
      },
      () => flow.onResume?.(),
    );
    const running = pool;
    flow.saturated = () => running.saturated;
  }
  let index = 0;
  await streamBlobs(root, exclusion, options.maxBlobSize, result, flow, (blob, path, bytes) => {
    result.blobsScanned++;
    result.bytesScanned += bytes.length;
    if (pool) {
      blobOfEntry.set(index, blob);
      pool.add(index++, path, bytes);
      return;
    }
    if (isBinary(bytes)) {
      result.binarySkipped++;
      return;
    }
    for (const hit of matcher.scanBytes(bytes, path)) hits.push({ ...foundSecret(hit), blob, path });
  });
  await pool?.finish();
  if (hits.length === 0) return result;

  const wanted = new Set(hits.map((hit) => hit.blob));
  const introduced = await firstIntroductions(root, wanted, exclusion, result);
  const inHead = await headBlobs(root, result);
  const byFingerprint = new Map<string, BlobHit[]>();
  for (const hit of hits) byFingerprint.set(hit.fingerprint, [...(byFingerprint.get(hit.fingerprint) ?? []), hit]);
  for (const [fingerprint, group] of byFingerprint) {
    const order = (hit: BlobHit): number => introduced.get(hit.blob)?.order ?? Number.MAX_SAFE_INTEGER;
    const first = [...group].sort((a, b) => order(a) - order(b) || a.line - b.line)[0] as BlobHit;
    const origin = introduced.get(first.blob);
    const finding: HistorySecret = {
      ruleId: first.ruleId,
      description: first.description,
      fingerprint,
      redacted: first.redacted,
      path: origin?.path ?? first.path,
      line: first.line,
      inHead: group.some((hit) => inHead.has(hit.blob)),
      blobs: new Set(group.map((hit) => hit.blob)).size,
    };
    if (origin) Object.assign(finding, { commit: origin.commit, author: origin.author, date: origin.date });
    const allowed = group.find((hit) => hit.allowedBy);
    if (allowed?.allowedBy) finding.allowedBy = allowed.allowedBy.replace(/^[^:]*(?=:\d+$)/, origin?.path ?? allowed.path);
    if (allowed?.allowReason) finding.allowReason = allowed.allowReason;
    result.findings.push(finding);
  }
  result.findings.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path) || a.line - b.line);
  return result;
}

/** Feeds blob ids from `rev-list` to `cat-file --batch` as they come, with backpressure both ways. */
function streamBlobs(
  root: string,
  exclusion: readonly string[],
  maxBlobSize: number,
  result: HistoryScan,
  flow: Flow,
  onBlob: (blob: string, path: string, bytes: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const revList = spawnGit(root, ['rev-list', '--objects', '--all', '--filter=object:type=blob', '--missing=print', ...exclusion]);
    const catFile = spawnGit(root, ['cat-file', '--batch']);
    const paths: string[] = [];
    let pathHead = 0;
    let revListError = '';
    let catFileError = '';
    let leftover = '';
    revList.stderr.on('data', (chunk: Buffer) => (revListError += chunk.toString('utf8')));
    catFile.stderr.on('data', (chunk: Buffer) => (catFileError += chunk.toString('utf8')));
    catFile.stdin.on('error', () => undefined);
    catFile.stdin.on('drain', () => revList.stdout.resume());
    revList.stdout.on('data', (chunk: Buffer) => {
      const lines = (leftover + chunk.toString('utf8')).split('\n');
      leftover = lines.pop() ?? '';
      let request = '';
      for (const line of lines) {
        if (line.startsWith('?')) {
          result.missing.push(line.slice(1).trim());
          continue;
        }
        const space = line.indexOf(' ');
        if (space === -1) continue;
        paths.push(line.slice(space + 1));
        request += `${line.slice(0, space)}\n`;
      }
      if (request && !catFile.stdin.write(request)) revList.stdout.pause();
    });
    revList.on('close', (code) => {
      if (code !== 0) result.errors.push(`git rev-list: ${firstLine(revListError) || `exit ${code}`}`);
      catFile.stdin.end();
    });
    revList.on('error', reject);
    catFile.on('error', reject);
    const parser = new BatchParser(maxBlobSize, (header, body) => {
      const path = paths[pathHead] ?? '';
      pathHead++;
      if (pathHead > 4096) {
        paths.splice(0, pathHead);
        pathHead = 0;
      }
      if (header.type === 'missing') result.missing.push(header.id);
      else if (header.type !== 'blob') return;
      else if (body === undefined) result.oversized.push({ blob: header.id, path, size: header.size });
      else onBlob(header.id, path, body);
    });
    flow.onResume = () => catFile.stdout.resume();
    let watchdog: NodeJS.Timeout | undefined;
    catFile.stdout.on('data', (chunk: Buffer) => {
      parser.push(chunk);
      if (!flow.saturated()) return;
      catFile.stdout.pause();
      // Resumed by the pool when a batch comes back; the timer is a guard against a missed wake-up.
      watchdog ??= setInterval(() => {
        if (flow.saturated()) return;
        clearInterval(watchdog);
        watchdog = undefined;
        catFile.stdout.resume();
      }, 50);
    });
    catFile.on('close', (code) => {
      if (watchdog) clearInterval(watchdog);
      if (code !== 0) result.errors.push(`git cat-file: ${firstLine(catFileError) || `exit ${code}`}`);
      resolve();
    });
  });
}

interface BatchHeader {
  id: string;
  type: string;
  size: number;
}

/** Parses `cat-file --batch` output incrementally; bodies over the cap are skipped, never buffered. */
class BatchParser {
  private header: Buffer = Buffer.alloc(0);
  private current: BatchHeader | undefined;
  private body: Buffer | undefined;
  private filled = 0;
  /** Bytes of the current body (and its trailing newline) still to consume. */
  private remaining = 0;

  constructor(
    private readonly maxSize: number,
    private readonly onObject: (header: BatchHeader, body: Buffer | undefined) => void,
  ) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.current === undefined) {
        const newline = chunk.indexOf(0x0a, offset);
        if (newline === -1) {
          this.header = Buffer.concat([this.header, chunk.subarray(offset)]);
          return;
        }
        const line = Buffer.concat([this.header, chunk.subarray(offset, newline)]).toString('utf8');
        this.header = Buffer.alloc(0);
        offset = newline + 1;
        const [id = '', type = '', size = ''] = line.split(' ');
        if (type === 'missing') {
          this.onObject({ id, type, size: 0 }, undefined);
          continue;
        }
        this.current = { id, type, size: Number(size) };
        this.remaining = this.current.size + 1;
        this.filled = 0;
        this.body = this.current.type === 'blob' && this.current.size <= this.maxSize ? Buffer.allocUnsafe(this.current.size) : undefined;
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - offset);
      if (this.body) {
        const copy = Math.min(take, this.body.length - this.filled);
        if (copy > 0) chunk.copy(this.body, this.filled, offset, offset + copy);
        this.filled += copy;
      }
      offset += take;
      this.remaining -= take;
      if (this.remaining === 0) {
        const done = this.current;
        const body = this.body;
        this.current = undefined;
        this.body = undefined;
        this.onObject(done, body);
      }
    }
  }
}

interface Introduction {
  order: number;
  commit: string;
  author: string;
  date: string;
  path: string;
}

/**
 * Walks history oldest first (parents before children, merges diffed against each parent) and notes
 * the first commit whose diff adds each wanted blob; stops as soon as all are found.
 */
function firstIntroductions(root: string, wanted: ReadonlySet<string>, exclusion: readonly string[], result: HistoryScan): Promise<Map<string, Introduction>> {
  return new Promise((resolve) => {
    const found = new Map<string, Introduction>();
    const log = spawnGit(root, ['log', '--all', ...exclusion, '--topo-order', '--reverse', '-m', '--raw', '--no-abbrev', '--no-renames', '--root', '--format=%x01%H%x09%an <%ae>%x09%aI']);
    let leftover = '';
    let order = 0;
    let commit = { id: '', author: '', date: '' };
    let stderr = '';
    let finished = false;
    const finish = (child: ChildProcessWithoutNullStreams): void => {
      if (finished) return;
      finished = true;
      child.kill();
      resolve(found);
    };
    log.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    log.stdout.on('data', (chunk: Buffer) => {
      const lines = (leftover + chunk.toString('utf8')).split('\n');
      leftover = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('\u0001')) {
          const [id = '', author = '', date = ''] = line.slice(1).split('\t');
          commit = { id, author, date };
          order++;
        } else if (line.startsWith(':')) {
          const tab = line.indexOf('\t');
          const fields = line.slice(1, tab).split(' ');
          const blob = fields[3] ?? '';
          if (wanted.has(blob) && !found.has(blob)) {
            found.set(blob, { order, commit: commit.id, author: commit.author, date: commit.date, path: line.slice(tab + 1) });
            if (found.size === wanted.size) return finish(log);
          }
        }
      }
    });
    log.on('error', (error) => {
      result.errors.push(`git log: ${error.message}`);
      finish(log);
    });
    log.on('close', (code) => {
      if (!finished && code !== 0 && code !== null) result.errors.push(`git log: ${firstLine(stderr) || `exit ${code}`}`);
      finish(log);
    });
  });
}

async function headBlobs(root: string, result: HistoryScan): Promise<Set<string>> {
  try {
    const listing = await git(root, ['ls-tree', '-r', '-z', 'HEAD'], { maxBuffer: 512 * 1024 * 1024 });
    const blobs = new Set<string>();
    for (const entry of listing.split('\0')) {
      const [meta = ''] = entry.split('\t');
      const [, type, id] = meta.split(' ');
      if (type === 'blob' && id) blobs.add(id);
    }
    return blobs;
  } catch (error) {
    result.errors.push(`git ls-tree HEAD: ${error instanceof Error ? error.message : String(error)}`);
    return new Set();
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}
