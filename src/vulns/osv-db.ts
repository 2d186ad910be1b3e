/**
 * An offline OSV database: a directory of OSV JSON records and/or the `all.zip` files of OSV's
 * per-ecosystem exports. The first use reads every record once (streaming) and writes an index to
 * the cache directory; later scans load only the index and the records of the packages they look up.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Ecosystem } from '../core/package-inventory.js';
import { osvEcosystem, packageKey, toOsvRecord, type OsvRecord } from './osv.js';
import { readZip } from './zip.js';

const INDEX_FORMAT = 1;
const MAX_SOURCE_FILES = 2_000_000;
const MAX_DEPTH = 6;

export interface OsvDatabase {
  /** What was read, for reports: the source path and how many records it holds. */
  description: string;
  recordCount: number;
  /** Whether this scan built the index (false: it came from the cache). */
  built: boolean;
  /** Problems met while indexing (damaged entries, malformed records), at most a few dozen. */
  problems: string[];
  lookup(ecosystem: Ecosystem, name: string): OsvRecord[];
  close(): void;
}

interface SourceFile {
  file: string;
  size: number;
  mtimeMs: number;
}

interface IndexFile {
  format: number;
  source: string;
  recordCount: number;
  problems: string[];
  /** Package key → ordinals of its records. */
  keys: Record<string, number[]>;
  /** Ordinal i → bytes [offsets[2i], offsets[2i] + offsets[2i+1]) of records.ndjson. */
  offsets: number[];
}

export class OsvDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OsvDatabaseError';
  }
}

/** The export files under `source` (a .zip, a .json, or a directory of them), in a stable order. */
export function listSourceFiles(source: string): SourceFile[] {
  let stats;
  try {
    stats = statSync(source);
  } catch {
    throw new OsvDatabaseError(`${source} does not exist`);
  }
  if (stats.isFile()) return [{ file: source, size: stats.size, mtimeMs: stats.mtimeMs }];
  const files: SourceFile[] = [];
  const visit = (dir: string, depth: number): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) visit(full, depth + 1);
      else if (entry.isFile() && /\.(json|zip)$/i.test(entry.name)) {
        const info = statSync(full);
        files.push({ file: full, size: info.size, mtimeMs: info.mtimeMs });
        if (files.length > MAX_SOURCE_FILES) throw new OsvDatabaseError(`${source} holds more than ${MAX_SOURCE_FILES} files`);
      }
    }
  };
  visit(source, 0);
  return files.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** `<source>-<content>`: the first part names the export, the second its current files. */
function indexName(source: string, files: readonly SourceFile[]): { prefix: string; name: string } {
  const prefix = createHash('sha256').update(path.resolve(source)).digest('hex').slice(0, 12);
  const hash = createHash('sha256').update(`${INDEX_FORMAT}\0${path.resolve(source)}\0`);
  for (const file of files) hash.update(`${file.file}\0${file.size}\0${Math.round(file.mtimeMs)}\n`);
  return { prefix, name: `${prefix}-${hash.digest('hex').slice(0, 24)}` };
}

/** Indexes of earlier versions of the same export are of no further use. */
function removeStaleIndexes(root: string, prefix: string, current: string): void {
  for (const entry of readdirSync(root)) {
    if (entry.startsWith(`${prefix}-`) && entry !== current && !entry.includes('.tmp-')) rmSync(path.join(root, entry), { recursive: true, force: true });
  }
}

/** Opens (indexing on first use) the OSV database at `source`, caching the index under `cacheDir`. */
export async function openOsvDatabase(source: string, cacheDir: string): Promise<OsvDatabase> {
  const files = listSourceFiles(source);
  if (files.length === 0) throw new OsvDatabaseError(`${source} holds no .json or .zip files`);
  const { prefix, name } = indexName(source, files);
  const dir = path.join(cacheDir, 'osv-index', name);
  let built = false;
  if (!existsSync(path.join(dir, 'index.json'))) {
    await buildIndex(source, files, dir);
    removeStaleIndexes(path.dirname(dir), prefix, name);
    built = true;
  }
  let index: IndexFile;
  try {
    index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as IndexFile;
    if (index.format !== INDEX_FORMAT) throw new Error('unexpected index format');
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new OsvDatabaseError(`the cached index in ${dir} is damaged (removed; the next scan rebuilds it): ${(error as Error).message}`);
  }
  const fd = openSync(path.join(dir, 'records.ndjson'), 'r');
  const parsed = new Map<number, OsvRecord>();
  const readRecord = (ordinal: number): OsvRecord | undefined => {
    const cached = parsed.get(ordinal);
    if (cached) return cached;
    const offset = index.offsets[ordinal * 2];
    const length = index.offsets[ordinal * 2 + 1];
    if (offset === undefined || length === undefined) return undefined;
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    const record = toOsvRecord(JSON.parse(buffer.toString('utf8')));
    if (record) parsed.set(ordinal, record);
    return record;
  };
  return {
    description: `OSV database ${source} (${index.recordCount} records)`,
    recordCount: index.recordCount,
    built,
    problems: index.problems,
    lookup(ecosystem, name) {
      const ordinals = Object.prototype.hasOwnProperty.call(index.keys, packageKey(ecosystem, name)) ? index.keys[packageKey(ecosystem, name)] : undefined;
      return (ordinals ?? []).map(readRecord).filter((record): record is OsvRecord => record !== undefined);
    },
    close() {
      closeSync(fd);
    },
  };
}

async function buildIndex(source: string, files: readonly SourceFile[], dir: string): Promise<void> {
  const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  const out = createWriteStream(path.join(staging, 'records.ndjson'));
  const keys = new Map<string, number[]>();
  const offsets: number[] = [];
  const seen = new Map<string, number>();
  const problems: string[] = [];
  let position = 0;
  const problem = (where: string, reason: string): void => {
    if (problems.length < 50) problems.push(`${where}: ${reason}`);
  };
  const add = async (where: string, data: Buffer): Promise<void> => {
    let value: unknown;
    try {
      value = JSON.parse(data.toString('utf8'));
    } catch (error) {
      problem(where, `malformed JSON (${(error as Error).message})`);
      return;
    }
    // Some exports hold an array of records per file.
    for (const item of Array.isArray(value) ? value : [value]) {
      const record = toOsvRecord(item);
      if (!record) {
        problem(where, 'not an OSV record');
        continue;
      }
      if (record.withdrawn || record.affected.length === 0) continue;
      // The same record may appear in several exports (one per ecosystem it affects).
      if (seen.has(record.id)) continue;
      const line = Buffer.from(`${JSON.stringify(record)}\n`);
      const ordinal = offsets.length / 2;
      seen.set(record.id, ordinal);
      offsets.push(position, line.length - 1);
      position += line.length;
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', resolve));
      const recordKeys = new Set<string>();
      for (const affected of record.affected) {
        const ecosystem = osvEcosystem(affected.package.ecosystem);
        if (ecosystem) recordKeys.add(packageKey(ecosystem, affected.package.name));
      }
      for (const key of recordKeys) {
        const list = keys.get(key);
        if (list) list.push(ordinal);
        else keys.set(key, [ordinal]);
      }
    }
  };
  try {
    for (const { file } of files) {
      if (/\.zip$/i.test(file)) {
        for await (const entry of readZip(file, (name) => /\.json$/i.test(name), (name, reason) => problem(`${file}!${name}`, reason))) {
          await add(`${file}!${entry.name}`, entry.data);
        }
      } else {
        await add(file, readFileSync(file));
      }
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const index: IndexFile = { format: INDEX_FORMAT, source: path.resolve(source), recordCount: seen.size, problems, keys: Object.fromEntries(keys), offsets };
    writeFileSync(path.join(staging, 'index.json'), JSON.stringify(index));
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } catch (error) {
    out.destroy();
    rmSync(staging, { recursive: true, force: true });
    throw error instanceof OsvDatabaseError ? error : new OsvDatabaseError(`indexing ${source} failed: ${(error as Error).message}`);
  }
}
