import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Control, FactSource, ScanOptionsView } from './engine/control.js';
import type { WaiverSources } from './engine/waivers.js';
import { parseIgnoreFile } from './secrets/ignore-file.js';
import { runControls } from './engine/run.js';
import { resolveParams } from './engine/params.js';
import { applyControlDeviations, describeExceptions } from './engine/exceptions.js';
import {
  CONTROL_STATUSES,
  REPORT_SCHEMA_VERSION,
  type ControlResult,
  type ControlStatus,
  type RequirementStatus,
  type ScanResult,
  type Suppression,
} from './core/result.js';
import { Repository } from './repo/repository.js';
import { builtinControls } from './controls/index.js';
import { ConfigError, loadConfig, locateConfig } from './config/load.js';
import type { TenetConfig } from './config/types.js';
import { VERSION } from './version.js';
import { selectPacks } from './packs/select.js';
import { planPackRuns } from './packs/plan.js';
import { evaluatePacks } from './packs/evaluate.js';

export interface ScanOptions {
  /** The directory to scan (default: the current directory). */
  path?: string;
  /** An explicit configuration file; otherwise `.tenet.yml` at the scanned root, if any. */
  configFile?: string;
  /** An already-loaded configuration (takes precedence over files). */
  config?: TenetConfig;
  only?: readonly string[];
  skip?: readonly string[];
  /** Allow GitHub API calls (controls that need them are `unknown` otherwise). */
  github?: boolean;
  /** Allow network access to advisory services. */
  online?: boolean;
  disallowInlineWaivers?: boolean;
  /** Keep the collected facts in the result (for `--format raw`). */
  keepFacts?: boolean;
  /** Collect these facts even when no selected control needs them (e.g. the inventory for an SBOM). */
  collect?: readonly FactSource<unknown>[];
  timing?: boolean;
  /** The controls to choose from (default: every built-in control). */
  controls?: readonly Control[];
  /** The time the scan considers "now" (expiry checks); default: the real time. */
  now?: Date;
  /** Policy packs to evaluate (built-in ids or paths); over `packs:` of the configuration. Default: DEFAULT_PACK. */
  packs?: readonly string[];
  /** Options of individual domains (`since`, `osvDb`, `secretsConfig` …), passed to collectors. */
  extra?: Record<string, unknown>;
}

/** Scans a repository and returns one JSON-able result. Prints nothing and never exits. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const startedAt = new Date();
  const now = options.now ?? startedAt;
  const root = path.resolve(options.path ?? '.');
  const available = options.controls ?? builtinControls;
  const known = new Set(available.map((control) => control.meta.id));

  const configFile = options.config ? undefined : locateConfig(root, options.configFile);
  const config: TenetConfig = options.config ?? (configFile ? loadConfig(configFile, known) : {});
  const configName = configFile ? path.relative(root, configFile) || path.basename(configFile) : '.tenet.yml';

  const only = [...(options.only ?? []), ...(config.only ?? [])];
  const skip = new Set([...(options.skip ?? []), ...(config.skip ?? [])]);
  const unknownIds = [...only, ...skip].filter((id) => !known.has(id));
  if (unknownIds.length > 0) {
    throw new ConfigError(configFile ?? 'options', unknownIds.map((id) => `unknown control '${id}' (see \`tenet controls\`)`));
  }
  const selected = available.filter(
    (control) => (only.length === 0 || only.includes(control.meta.id)) && !skip.has(control.meta.id),
  );

  const params = new Map<string, Record<string, unknown>>();
  const problems: string[] = [];
  for (const control of selected) {
    const resolved = resolveParams(control, config.params?.[control.meta.id], `params.${control.meta.id}`);
    params.set(control.meta.id, resolved.params);
    problems.push(...resolved.problems);
  }
  if (problems.length > 0) throw new ConfigError(configFile ?? 'options', problems);

  const { packs, problems: packProblems } = selectPacks({ root, chosen: options.packs, config, configFile });
  const runnableIds = new Set(selected.filter((control) => !needsMissingAccessOf(control, options)).map((control) => control.meta.id));
  const plan = planPackRuns(packs, selected, known, config.params, params);
  problems.push(...plan.problems, ...packProblems);
  if (problems.length > 0) throw new ConfigError(configFile ?? 'packs', problems);

  const repo = await Repository.open(root, { maxFileSize: config.maxFileSize, exclude: config.exclude });
  const view: ScanOptionsView = {
    ...(options.extra ?? {}),
    github: options.github ?? false,
    online: options.online ?? false,
    inlineWaivers: !options.disallowInlineWaivers && config.inlineWaivers !== false,
  };

  const runnable = selected.filter((control) => !needsMissingAccess(control, view));
  const variants = plan.variants.filter((variant) => runnableIds.has(variant.control.meta.id));
  const waivers: WaiverSources = {
    textOf: (file) => (repo.has(file) ? repo.readText(file) : undefined),
    inline: view.inlineWaivers === true,
    ignored: ignoreFileEntries(repo),
  };
  const collectorContext = { repo, config, options: view, now };
  const run = await runControls({ controls: runnable, params, collectorContext, config, options: view, now, variants, collect: options.collect, waivers });
  const byId = new Map(run.results.filter((result) => !result.variant).map((result) => [result.id, result]));
  const results: ControlResult[] = selected.map(
    (control) =>
      byId.get(control.meta.id) ?? {
        id: control.meta.id,
        title: control.meta.title,
        domain: control.meta.domain,
        severity: control.meta.severity,
        status: 'unknown',
        reason:
          control.meta.requires === 'github'
            ? 'needs the GitHub API: run with --github and a token in GITHUB_TOKEN or GH_TOKEN'
            : 'needs network access: run with --online, or give an offline OSV database with --osv-db PATH',
        findings: [],
      },
  );
  results.push(...run.results.filter((result) => result.variant));

  if (!view.inlineWaivers) dropInlineWaivers(results);
  applyControlDeviations(results, config, now, configName);
  const policies = evaluatePacks({ packs, registered: known, resultFor: plan.resultFor(results), config, now });

  const result: ScanResult = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'tenet', version: VERSION },
    target: { path: root },
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    policies,
    controls: results,
    errors: repo.errors,
    summary: {
      controls: countStatuses(results.map((entry) => entry.status)),
      requirements: countStatuses(policies.flatMap((policy) => policy.requirements.map((requirement) => requirement.status))),
    },
  };
  if (repo.git?.head) result.target.commit = repo.git.head;
  if (repo.git?.branch) result.target.branch = repo.git.branch;
  if (repo.git?.remotes.length) result.target.remotes = repo.git.remotes;
  const renewal = new Map(packs.flatMap((pack) => pack.requirements.map((requirement) => [requirement.id, requirement.attestation?.renewalDays] as const)));
  const exceptions = describeExceptions(config, now, (id) => renewal.get(id));
  if (exceptions.length > 0) result.exceptions = exceptions;
  if (options.timing) result.timing = run.timing;
  if (options.keepFacts) result.facts = Object.fromEntries(run.facts);
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/** The repository's `.tenetignore`: fingerprints of findings that do not count, each with its reason. */
export const IGNORE_FILE = '.tenetignore';

function ignoreFileEntries(repo: Repository): Map<string, Suppression> {
  const text = repo.has(IGNORE_FILE) ? repo.readText(IGNORE_FILE) : undefined;
  return text === undefined ? new Map() : parseIgnoreFile(text, IGNORE_FILE);
}

function needsMissingAccessOf(control: Control, options: ScanOptions): boolean {
  return needsMissingAccess(control, { ...(options.extra ?? {}), github: options.github ?? false, online: options.online ?? false });
}

function needsMissingAccess(control: Control, view: ScanOptionsView): boolean {
  if (control.meta.requires === 'github') return !view.github;
  if (control.meta.requires === 'online') return !view.online && view.osvDb === undefined;
  return false;
}

function dropInlineWaivers(results: ControlResult[]): void {
  for (const result of results) {
    let changed = false;
    for (const finding of result.findings) {
      if (finding.suppressed?.kind === 'inline') {
        delete finding.suppressed;
        changed = true;
      }
    }
    if (changed && result.status === 'deviated') result.status = 'fail';
  }
}

export function countStatuses<S extends ControlStatus | RequirementStatus>(statuses: readonly S[]): Partial<Record<S, number>> {
  const counts: Partial<Record<S, number>> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

export { CONTROL_STATUSES };
