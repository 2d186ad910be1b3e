import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { parseYaml } from '../parsers/yaml.js';
import { ConfigError, formatInstancePath } from '../config/load.js';
import type { ControlParams, Pack, PackRequirement, PackRequirementSource, PackSource, RequirementMode } from './types.js';

/** The five seed documents, in the order `tenet policy list` shows them. */
export const BUILTIN_PACK_IDS = ['human-made', 'hashbang', 'openpix', 'year-of-engineering', 'secure-delivery-principles'] as const;

/**
 * Evaluated when neither `--pack` nor `packs:` chooses one. The Secure Delivery Principles bind no
 * organisation's stack or settings (no approval count, visibility or registry list), so a repository
 * of any kind is judged only on principles every other pack also holds.
 */
export const DEFAULT_PACK = 'secure-delivery-principles';

export const DEFAULT_RENEWAL_DAYS = 365;

/** Larger pack files are refused: the biggest built-in pack is about 100 kB. */
const MAX_PACK_BYTES = 2 * 1024 * 1024;

export interface LoadOptions {
  /**
   * Pack files (and what they extend) must lie inside this directory. Set for packs named by a
   * scanned repository's own .tenet.yml, which is as untrusted as the rest of the repository.
   */
  within?: string;
}

const builtinDir = fileURLToPath(new URL('../../../src/packs/builtin/', import.meta.url));
const schemaPath = fileURLToPath(new URL('../../../schema/pack.schema.json', import.meta.url));

let validator: ReturnType<Ajv['compile']> | undefined;
const builtinCache = new Map<string, Pack>();

/** A reference names a file when it looks like a path; otherwise it is a built-in pack id. */
export function isPackPath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

export function builtinPackFile(id: string): string {
  return path.join(builtinDir, `${id}.yaml`);
}

/**
 * Loads a pack by built-in id or by path (relative paths resolve against `baseDir`), resolving
 * `extends`. Every problem is a ConfigError naming the pack file.
 */
export function loadPack(ref: string, baseDir: string = process.cwd(), options: LoadOptions = {}): Pack {
  if (!isPackPath(ref)) {
    const cached = builtinCache.get(ref);
    if (cached) return cached;
    if (!(BUILTIN_PACK_IDS as readonly string[]).includes(ref)) {
      throw new ConfigError('packs', [`unknown pack '${ref}' (built-in: ${BUILTIN_PACK_IDS.join(', ')}; or give a path to a pack file)`]);
    }
    const pack = loadPackFile(builtinPackFile(ref), 'builtin', []);
    builtinCache.set(ref, pack);
    return pack;
  }
  const file = path.resolve(baseDir, ref);
  return loadPackFile(file, file, [], options);
}

export function loadBuiltinPacks(): Pack[] {
  return BUILTIN_PACK_IDS.map((id) => loadPack(id));
}

function loadPackFile(file: string, origin: string, chain: readonly string[], options: LoadOptions = {}): Pack {
  const source = readPackSource(file, options);
  if (chain.includes(file)) throw new ConfigError(file, [`extends itself through ${[...chain, file].join(' → ')}`]);
  let requirements: PackRequirementSource[] = [];
  let inherited: Pack | undefined;
  if (source.extends !== undefined) {
    const baseFile = path.resolve(path.dirname(file), source.extends);
    const base = isPackPath(source.extends) ? loadPackFile(baseFile, baseFile, [...chain, file], options) : loadPack(source.extends);
    inherited = base;
    // A base requirement's params already include its own pack's; this pack's params go over them.
    requirements = base.requirements.map((requirement) => ({ ...requirement, params: mergeParams(requirement.params, source.params) }));
    const omitted = new Set(source.omit ?? []);
    const unknownOmits = [...omitted].filter((id) => !base.requirements.some((requirement) => requirement.id === id));
    if (unknownOmits.length > 0) throw new ConfigError(file, unknownOmits.map((id) => `omit: '${id}' is not a requirement of ${base.id}`));
    requirements = requirements.filter((requirement) => !omitted.has(requirement.id));
  } else if (source.omit?.length) {
    throw new ConfigError(file, ['omit: only a pack that extends another can omit requirements']);
  }
  const packParams = source.params ?? {};

  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [index, own] of (source.requirements ?? []).entries()) {
    if (seen.has(own.id)) problems.push(`requirements[${index}].id: '${own.id}' appears twice`);
    seen.add(own.id);
    const at = requirements.findIndex((requirement) => requirement.id === own.id);
    if (at >= 0) {
      const base = requirements[at] as PackRequirementSource;
      requirements[at] = { ...base, ...own, params: mergeParams(base.params ?? {}, own.params) };
    } else {
      requirements.push({ ...own, params: mergeParams(packParams, own.params) });
    }
  }
  const resolved: PackRequirement[] = [];
  requirements.forEach((requirement, index) => {
    const where = `requirements[${index}] (${requirement.id})`;
    if (!requirement.section) problems.push(`${where}: missing 'section'`);
    if (!requirement.text) problems.push(`${where}: missing 'text'`);
    const controls = requirement.controls ?? [];
    const planned = requirement.plannedControls ?? [];
    if (controls.length === 0 && planned.length === 0 && !requirement.attestation) {
      problems.push(`${where}: names neither controls nor an attestation, so nothing could ever decide it`);
    }
    resolved.push({
      id: requirement.id,
      section: requirement.section ?? '',
      text: requirement.text ?? '',
      mode: requirement.mode ?? defaultMode(requirement),
      controls,
      plannedControls: planned,
      ...(requirement.attestation ? { attestation: requirement.attestation } : {}),
      params: requirement.params ?? {},
    });
  });
  if (problems.length > 0) throw new ConfigError(file, problems);

  const pack: Pack = { id: source.id, title: source.title, version: source.version, origin, requirements: resolved };
  const organisation = source.organisation ?? (inherited && source.id === inherited.id ? inherited.organisation : undefined);
  if (organisation !== undefined) pack.organisation = organisation;
  if (source.source ?? inherited?.source) pack.source = source.source ?? inherited?.source;
  return pack;
}

function defaultMode(requirement: PackRequirementSource): RequirementMode {
  const automated = (requirement.controls?.length ?? 0) + (requirement.plannedControls?.length ?? 0) > 0;
  if (!automated) return 'attestation';
  return requirement.attestation ? 'partly-automated' : 'automated';
}

function mergeParams(base: ControlParams, over: ControlParams | undefined): ControlParams {
  const merged: ControlParams = { ...base };
  for (const [control, values] of Object.entries(over ?? {})) merged[control] = { ...(merged[control] ?? {}), ...values };
  return merged;
}

function readPackSource(file: string, options: LoadOptions): PackSource {
  let text: string;
  try {
    const real = realpathSync(file);
    if (options.within !== undefined) {
      const root = realpathSync(options.within);
      const relative = path.relative(root, real);
      if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error('a pack named by the repository must lie inside it');
    }
    const stat = statSync(real);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > MAX_PACK_BYTES) throw new Error(`larger than ${MAX_PACK_BYTES} bytes`);
    text = readFileSync(real, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot read pack: ${error instanceof Error ? error.message : String(error)}`]);
  }
  let value: unknown;
  try {
    value = parseYaml(text)[0]?.value;
  } catch (error) {
    throw new ConfigError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const errors = validate(value);
  if (errors.length > 0) throw new ConfigError(file, [...new Set(errors.map(describe))]);
  return value as PackSource;
}

function validate(value: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  }
  return validator(value) ? [] : (validator.errors ?? []).filter((error) => !error.schemaPath.includes('/anyOf/'));
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const where = formatInstancePath(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return `${where}: missing '${String(params.missingProperty)}'`;
    case 'additionalProperties':
      return `${formatInstancePath(error.instancePath, String(params.additionalProperty))}: unknown field`;
    case 'anyOf':
      return `${where}: needs 'requirements' or 'extends'`;
    default:
      return `${where}: ${error.message ?? error.keyword}`;
  }
}
