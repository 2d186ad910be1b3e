import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { FactsUnavailable } from '../../engine/control.js';
import { defineCollector, type CollectorContext } from '../collector.js';
import type { Suppression } from '../../core/result.js';
import { isBinary, type RepoFile, type Repository } from '../../repo/repository.js';
import { SecretMatcher, foundSecret, type FoundSecret } from '../../secrets/matcher.js';
import { loadRules, type RuleSource } from '../../secrets/rule-source.js';
import { MatchPool, WorkerFailure, defaultWorkerCount } from '../../secrets/match-pool.js';
import { scanHistory, type HistorySecret } from '../../secrets/history.js';
import { DEFAULT_IGNORE_FILE, parseIgnoreFile } from '../../secrets/ignore-file.js';
import { classifyPath } from '../../secrets/false-alarms.js';

/** Below this many bytes of text, starting worker threads costs more than it saves (measured). */
const MIN_BYTES_FOR_WORKERS = 64 * 1024 * 1024;

/** The `secrets:` section of .tenet.yml. */
export interface SecretsSettings {
  /** Fingerprints to ignore, one per line (default `.tenetignore-secrets`). */
  ignoreFile: string;
  /** Globs of paths never scanned for secrets (vendored test data, say). */
  allowPaths: string[];
  /** A gitleaks TOML configuration whose rules replace (or, with `[extend] useDefault`, extend) the built-ins. */
  gitleaksConfig?: string;
  /** Blobs above this many bytes are not scanned in history, and reported. */
  maxBlobSize: number;
}

export function secretsSettings(context: Pick<CollectorContext, 'config' | 'options' | 'repo'>): SecretsSettings {
  const section = (context.config.secrets ?? {}) as Partial<SecretsSettings> & { config?: string };
  const fromCli = context.options.secretsConfig;
  const settings: SecretsSettings = {
    ignoreFile: section.ignoreFile ?? DEFAULT_IGNORE_FILE,
    allowPaths: section.allowPaths ?? [],
    maxBlobSize: section.maxBlobSize ?? context.repo.maxFileSize,
  };
  const gitleaksConfig = typeof fromCli === 'string' ? fromCli : section.config;
  if (gitleaksConfig) settings.gitleaksConfig = gitleaksConfig;
  return settings;
}

interface Engine {
  matcher: SecretMatcher;
  ignored: Map<string, Suppression>;
  allowed: (file: string) => boolean;
  ruleCount: number;
  source: RuleSource;
}

const engines = new WeakMap<Repository, Engine>();

/** The rule set and suppressions of a scan, built once per repository (not a fact: it is not data). */
function engineFor(context: CollectorContext): Engine {
  const cached = engines.get(context.repo);
  if (cached) return cached;
  const settings = secretsSettings(context);
  const source: RuleSource = settings.gitleaksConfig ? { gitleaksConfig: path.resolve(context.repo.root, settings.gitleaksConfig) } : {};
  const loaded = loadRules(source);
  for (const problem of loaded.problems) context.repo.report(settings.gitleaksConfig, problem);
  if (loaded.fatal) throw new FactsUnavailable(`${settings.gitleaksConfig ?? ''}: ${loaded.fatal}`);
  const rules = loaded.rules;
  const ignoreText = context.repo.has(settings.ignoreFile) ? context.repo.readText(settings.ignoreFile) : undefined;
  const allowGlobs = settings.allowPaths.length > 0 ? picomatch(settings.allowPaths, { dot: true }) : () => false;
  const engine: Engine = {
    matcher: new SecretMatcher(rules),
    ignored: ignoreText === undefined ? new Map() : parseIgnoreFile(ignoreText, settings.ignoreFile),
    allowed: (file) => file === settings.ignoreFile || allowGlobs(file),
    ruleCount: rules.length,
    source,
  };
  engines.set(context.repo, engine);
  return engine;
}

function suppressionOf(engine: Engine, fingerprint: string, allowedBy: string | undefined, allowReason?: string): Suppression | undefined {
  if (allowedBy) return { kind: 'inline', reason: allowReason || 'tenet:allow comment', source: allowedBy };
  return engine.ignored.get(fingerprint);
}

/** A credential in the working tree. Holds a redacted prefix, never the secret. */
export interface TreeSecret {
  ruleId: string;
  description: string;
  file: string;
  line: number;
  fingerprint: string;
  redacted: string;
  suppressed?: Suppression;
}

export interface TreeSecretsFacts {
  rules: number;
  filesScanned: number;
  bytesScanned: number;
  findings: TreeSecret[];
}

export const secretsInTree = defineCollector<TreeSecretsFacts>({
  id: 'secrets-in-tree',
  description: 'Credentials in the files of the working tree (rules, prefilter, false-alarm filters)',
  async collect(context) {
    const engine = engineFor(context);
    const treeBytes = context.repo.files.reduce((sum, file) => sum + Math.min(file.size, context.repo.maxFileSize), 0);
    const explicit = process.env.TENET_SECRETS_WORKERS !== undefined;
    const workers = explicit || treeBytes >= MIN_BYTES_FOR_WORKERS ? defaultWorkerCount() : 0;
    try {
      return await scanTree(context, engine, workers);
    } catch (error) {
      if (workers === 0) throw error;
      context.repo.report(undefined, `secrets: worker threads failed (${error instanceof Error ? error.message : String(error)}); scanned on the main thread`);
      return scanTree(context, engine, 0);
    }
  },
});

async function scanTree(context: CollectorContext, engine: Engine, workers: number): Promise<TreeSecretsFacts> {
  const facts: TreeSecretsFacts = { rules: engine.ruleCount, filesScanned: 0, bytesScanned: 0, findings: [] };
  const pool =
    workers > 0
      ? new MatchPool(
          engine.source,
          workers,
          (entries, response) => {
            for (const hit of response.hits) facts.findings.push(treeSecret(engine, entries.find((entry) => entry.index === hit.entry)?.path ?? '', hit));
          },
          () => undefined,
        )
      : undefined;
  let index = 0;
  const reader = new TreeReader(context.repo);
  for (const file of context.repo.files) {
    if (engine.allowed(file.path)) continue;
    const bytes = reader.read(file);
    if (!bytes || isBinary(bytes)) continue;
    facts.filesScanned++;
    facts.bytesScanned += bytes.length;
    if (pool) {
      // Let worker replies in now and then; while the workers are busy this thread matches too.
      if (index % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
      if (!pool.saturated) {
        pool.add(index++, file.path, bytes);
        continue;
      }
      index++;
    }
    for (const hit of engine.matcher.scanBytes(bytes, file.path)) facts.findings.push(treeSecret(engine, file.path, foundSecret(hit)));
  }
  await pool?.finish();
  facts.findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return facts;
}

/**
 * Reads each file into one reused buffer: the scan visits every file once and keeps nothing of its
 * bytes, so a fresh allocation per file would only feed the garbage collector.
 */
class TreeReader {
  private buffer = Buffer.allocUnsafe(1 << 20);

  constructor(private readonly repo: Repository) {}

  /** The file's bytes, valid until the next call; undefined (and reported) when over the cap or unreadable. */
  read(file: RepoFile): Buffer | undefined {
    if (file.size > this.repo.maxFileSize) {
      this.repo.report(file.path, `file exceeds the size cap (${file.size} bytes > ${this.repo.maxFileSize})`);
      return undefined;
    }
    if (file.size > this.buffer.length) this.buffer = Buffer.allocUnsafe(file.size);
    let fd: number | undefined;
    try {
      fd = openSync(path.join(this.repo.root, file.path), 'r');
      return this.buffer.subarray(0, readSync(fd, this.buffer, 0, file.size, 0));
    } catch (error) {
      this.repo.report(file.path, `unreadable: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

function treeSecret(engine: Engine, file: string, hit: FoundSecret): TreeSecret {
  const finding: TreeSecret = { ruleId: hit.ruleId, description: hit.description, file, line: hit.line, fingerprint: hit.fingerprint, redacted: hit.redacted };
  const suppressed = suppressionOf(engine, hit.fingerprint, hit.allowedBy, hit.allowReason);
  if (suppressed) finding.suppressed = suppressed;
  return finding;
}

export interface HistorySecretsFacts {
  available: boolean;
  reason?: string;
  since?: string;
  shallow: boolean;
  blobsScanned: number;
  bytesScanned: number;
  findings: (HistorySecret & { suppressed?: Suppression })[];
}

export const secretsInHistory = defineCollector<HistorySecretsFacts>({
  id: 'secrets-in-history',
  description: 'Credentials in every blob reachable from any ref, attributed to the commit that introduced them',
  async collect(context) {
    const gitInfo = context.repo.git;
    if (!gitInfo) return { available: false, reason: 'not a git repository', shallow: false, blobsScanned: 0, bytesScanned: 0, findings: [] };
    const engine = engineFor(context);
    const since = typeof context.options.since === 'string' ? context.options.since : undefined;
    const run = (workers: number) =>
      scanHistory(gitInfo.topLevel, engine.matcher, { since, maxBlobSize: secretsSettings(context).maxBlobSize, isShallow: gitInfo.isShallow, workers, source: engine.source });
    let scan;
    try {
      scan = await run(defaultWorkerCount()).catch((error: unknown) => {
        if (!(error instanceof WorkerFailure)) throw error;
        context.repo.report(undefined, `secrets: ${error.message}; history scanned on the main thread`);
        return run(0);
      });
    } catch (error) {
      throw new FactsUnavailable(error instanceof Error ? error.message : String(error));
    }
    for (const id of scan.missing) context.repo.report(undefined, `git object ${id} is missing: history scanned without it`);
    for (const blob of scan.oversized) context.repo.report(blob.path, `blob ${blob.blob} exceeds the size cap (${blob.size} bytes): not scanned in history`);
    for (const message of scan.errors) context.repo.report(undefined, message);
    const facts: HistorySecretsFacts = {
      available: true,
      shallow: scan.shallow,
      blobsScanned: scan.blobsScanned,
      bytesScanned: scan.bytesScanned,
      findings: scan.findings
        .filter((finding) => !engine.allowed(finding.path) && classifyPath(finding.path) !== 'fixture')
        .map((finding) => {
          const suppressed = suppressionOf(engine, finding.fingerprint, finding.allowedBy, finding.allowReason);
          return suppressed ? { ...finding, suppressed } : finding;
        }),
    };
    if (since) facts.since = since;
    return facts;
  },
});
