/**
 * A small reader for ZIP archives such as OSV's `all.zip` exports: the central directory (ZIP64
 * included) gives the entries, each is read with positional reads and inflated on its own, so an
 * archive of hundreds of megabytes is never held in memory.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const MAX_ENTRY_SIZE = 64 * 1024 * 1024;
const WINDOW = 4 * 1024 * 1024;

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new ZipError('unexpected end of file');
    done += bytesRead;
  }
  return buffer;
}

function u64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('ZIP64 value too large');
  return Number(value);
}

/** The entries listed in the central directory. */
export async function listZipEntries(handle: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(fileSize, 22 + MAX_COMMENT + 20);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let eocd = -1;
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) throw new ZipError('not a ZIP archive (no end of central directory)');
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== EOCD64_LOCATOR) throw new ZipError('ZIP64 locator missing');
    const record = await readAt(handle, u64(tail, locator + 8), 56);
    if (record.readUInt32LE(0) !== EOCD64) throw new ZipError('ZIP64 end of central directory missing');
    count = u64(record, 32);
    directorySize = u64(record, 40);
    directoryOffset = u64(record, 48);
  }
  if (directoryOffset + directorySize > fileSize) throw new ZipError('central directory outside the file');
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw new ZipError(`central directory entry ${index} is damaged`);
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      encrypted: (flags & 1) === 1,
    };
    applyZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + size ? u64(extra, field) : undefined;
        field += 8;
        if (value === undefined) throw new ZipError(`ZIP64 field missing for ${entry.name}`);
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Reads entries in file order through a sliding window, so that consecutive small entries cost one read. */
class WindowReader {
  private start = 0;
  private buffer: Buffer = Buffer.alloc(0);

  constructor(
    private readonly handle: FileHandle,
    private readonly fileSize: number,
  ) {}

  async read(position: number, length: number): Promise<Buffer> {
    if (position >= this.start && position + length <= this.start + this.buffer.length) {
      return this.buffer.subarray(position - this.start, position - this.start + length);
    }
    if (position + length > this.fileSize) throw new ZipError('entry outside the file');
    if (length > WINDOW) return readAt(this.handle, position, length);
    this.start = position;
    this.buffer = await readAt(this.handle, position, Math.min(WINDOW, this.fileSize - position));
    return this.buffer.subarray(0, length);
  }
}

/** Every file entry whose name passes `wanted`, decompressed; damaged entries go to `onError`. */
export async function* readZip(
  file: string,
  wanted: (name: string) => boolean,
  onError: (name: string, reason: string) => void,
): AsyncGenerator<{ name: string; data: Buffer }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const entries = (await listZipEntries(handle, size)).filter((entry) => !entry.name.endsWith('/') && wanted(entry.name));
    entries.sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
    const reader = new WindowReader(handle, size);
    for (const entry of entries) {
      try {
        if (entry.encrypted) throw new ZipError('encrypted');
        if (entry.uncompressedSize > MAX_ENTRY_SIZE) throw new ZipError(`larger than ${MAX_ENTRY_SIZE} bytes`);
        const header = await reader.read(entry.localHeaderOffset, 30);
        if (header.readUInt32LE(0) !== LOCAL) throw new ZipError('local header missing');
        const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
        const raw = await reader.read(dataStart, entry.compressedSize);
        let data: Buffer;
        if (entry.method === 0) data = Buffer.from(raw);
        else if (entry.method === 8) data = inflateRawSync(raw, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
        else throw new ZipError(`compression method ${entry.method} is not supported`);
        yield { name: entry.name, data };
      } catch (error) {
        onError(entry.name, error instanceof Error ? error.message : String(error));
      }
    }
  } finally {
    await handle.close();
  }
}
