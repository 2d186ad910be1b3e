import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RuleSource } from './rule-source.js';
import type { FoundSecret } from './matcher.js';

export interface MatchEntry {
  index: number;
  path: string;
  offset: number;
  length: number;
}

export interface MatchRequest {
  id: number;
  entries: MatchEntry[];
  buffer: ArrayBuffer;
}

/** A finding as a worker reports it, with the index of the text it was found in. */
export interface WorkerHit extends FoundSecret {
  entry: number;
}

export interface MatchResponse {
  id: number;
  hits: WorkerHit[];
  binary: number;
}

/**
 * Worker threads worth starting. Measured on 2 cores: git (rev-list, cat-file) already keeps the second
 * core busy, and a worker made history 20% and small trees 40% slower; from 4 cores on, workers take
 * the cores git leaves idle. `TENET_SECRETS_WORKERS=N` overrides.
 */
export function defaultWorkerCount(): number {
  const configured = Number(process.env.TENET_SECRETS_WORKERS);
  if (process.env.TENET_SECRETS_WORKERS !== undefined && Number.isInteger(configured) && configured >= 0) return Math.min(configured, 8);
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(4, cores - 2) : 0;
}

const BATCH_BYTES = 1 << 20;

/** A worker thread could not start or died: the caller may redo the work on the main thread. */
export class WorkerFailure extends Error {
  constructor(cause: unknown) {
    super(`secrets matching worker failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'WorkerFailure';
  }
}

/**
 * Batches texts into transferable buffers and matches them on worker threads, with a bound on the
 * bytes in flight (the caller pauses its input while `saturated`).
 */
export class MatchPool {
  private readonly workers: Worker[];
  private next = 0;
  private requestId = 0;
  private inFlight = 0;
  private entries: MatchEntry[] = [];
  private buffer = new Uint8Array(BATCH_BYTES);
  private filled = 0;
  private readonly pending = new Map<number, MatchEntry[]>();
  private failure: Error | undefined;
  private idleWaiters: (() => void)[] = [];
  private finishing = false;

  constructor(
    source: RuleSource,
    count: number,
    private readonly onHits: (entries: readonly MatchEntry[], response: MatchResponse) => void,
    private readonly onDrain: () => void,
  ) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./match-worker.js', import.meta.url), { workerData: source, execArgv: [] });
      worker.on('message', (response: MatchResponse) => this.receive(response));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.finishing) this.fail(new Error(`secrets matching worker exited (code ${code})`));
      });
      return worker;
    });
  }

  /** True while enough work is queued; never true once a worker failed (the caller must not wait forever). */
  get saturated(): boolean {
    return this.failure === undefined && this.inFlight >= this.workers.length * 2;
  }

  add(index: number, path: string, bytes: Uint8Array): void {
    if (this.filled + bytes.length > this.buffer.length && this.entries.length > 0) this.flush();
    if (bytes.length > this.buffer.length) this.buffer = new Uint8Array(bytes.length);
    this.buffer.set(bytes, this.filled);
    this.entries.push({ index, path, offset: this.filled, length: bytes.length });
    this.filled += bytes.length;
  }

  flush(): void {
    if (this.entries.length === 0) return;
    const id = ++this.requestId;
    const buffer = this.buffer.buffer.slice(0, this.filled) as ArrayBuffer;
    this.pending.set(id, this.entries);
    const request: MatchRequest = { id, entries: this.entries, buffer };
    const worker = this.workers[this.next++ % this.workers.length];
    worker?.postMessage(request, [buffer]);
    this.inFlight++;
    this.entries = [];
    this.filled = 0;
  }

  /** Resolves when every batch has been matched; rejects if a worker failed. */
  async finish(): Promise<void> {
    this.flush();
    this.finishing = true;
    if (this.inFlight > 0 && !this.failure) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    if (this.failure) throw new WorkerFailure(this.failure);
  }

  private receive(response: MatchResponse): void {
    const entries = this.pending.get(response.id) ?? [];
    this.pending.delete(response.id);
    this.inFlight--;
    this.onHits(entries, response);
    if (!this.saturated) this.onDrain();
    if (this.inFlight === 0) this.settle();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.onDrain();
    this.settle();
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
