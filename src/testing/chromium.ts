import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * A minimal DevTools-protocol client over `--remote-debugging-pipe` (fd 3 in, fd 4 out, messages
 * separated by NUL): enough to load a page, watch its requests and console, and evaluate expressions,
 * without a WebSocket library or a browser-automation framework.
 */
export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

export class Chromium {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  readonly events: CdpEvent[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const output = child.stdio[4] as Readable;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    child.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  static async launch(executable: string): Promise<Chromium> {
    const profile = mkdtempSync(path.join(tmpdir(), 'tenet-chromium-'));
    const flags = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      'about:blank',
    ];
    const child = spawn(executable, flags, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const browser = new Chromium(child, profile);
    await browser.send('Target.getTargets');
    return browser;
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const message = JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      (this.child.stdio[3] as Writable).write(`${message}\0`);
    });
  }

  /** Opens a fresh tab with requests, console and page events enabled; returns its session id. */
  async newPage(): Promise<string> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    for (const domain of ['Page', 'Network', 'Runtime', 'Log']) await this.send(`${domain}.enable`, {}, sessionId);
    return sessionId;
  }

  /** Navigates and resolves once the load event has fired. */
  async load(sessionId: string, url: string): Promise<void> {
    const loaded = this.waitFor((event) => event.method === 'Page.loadEventFired' && event.sessionId === sessionId);
    await this.send('Page.navigate', { url }, sessionId);
    await loaded;
  }

  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const reply = (await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId)) as {
      result: { value: T };
      exceptionDetails?: unknown;
    };
    if (reply.exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(reply.exceptionDetails)}`);
    return reply.result.value;
  }

  eventsOf(sessionId: string, method: string): CdpEvent[] {
    return this.events.filter((event) => event.sessionId === sessionId && event.method === method);
  }

  waitFor(predicate: (event: CdpEvent) => boolean, timeoutMs = 15_000): Promise<CdpEvent> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error('timed out waiting for a DevTools event'));
      }, timeoutMs);
      const poll = setInterval(() => {
        const found = this.events.find(predicate);
        if (!found) return;
        clearTimeout(timer);
        clearInterval(poll);
        resolve(found);
      }, 10);
    });
  }

  async close(): Promise<void> {
    try {
      await this.send('Browser.close', {}, undefined, 3_000);
    } catch {
      // The browser may already be gone; killing it below is enough.
    }
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      const patience = setTimeout(() => this.child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(patience);
    }
    // Helper processes may still be writing into the profile for a moment; cleanup is best effort.
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // A leftover temporary profile is not a test failure.
    }
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\0');
    while (end >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; result?: Record<string, unknown>; error?: { message: string }; method?: string; params?: Record<string, unknown>; sessionId?: string };
      this.buffer = this.buffer.slice(end + 1);
      end = this.buffer.indexOf('\0');
      if (message.id !== undefined) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error.message));
        else waiter?.resolve(message.result ?? {});
      } else if (message.method) {
        this.events.push({ method: message.method, params: message.params ?? {}, sessionId: message.sessionId });
      }
    }
  }
}

/**
 * The Chromium to test with: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or whatever
 * scripts/ensure-chromium.sh finds on the PATH or installs. Undefined (with why) when it cannot be had, so the caller can skip with that message.
 */
export function findChromium(repoRoot: string): { executable?: string; why?: string } {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((entry): entry is string => Boolean(entry));
  const present = candidates.find((candidate) => existsSync(candidate));
  if (present) return { executable: present };
  const install = spawnSync('sh', [path.join(repoRoot, 'scripts', 'ensure-chromium.sh')], { encoding: 'utf8', timeout: 600_000 });
  const installed = install.stdout?.trim().split('\n').pop();
  if (install.status === 0 && installed && existsSync(installed)) return { executable: installed };
  return { why: `chromium is not installed and scripts/ensure-chromium.sh could not install it: ${(install.stderr || install.error?.message || '').trim().slice(-300)}` };
}
