import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { parseYaml } from '../parsers/yaml.js';
import type { TenetConfig } from './types.js';

export const CONFIG_FILE_NAMES = ['.tenet.yml', '.tenet.yaml'];

/** A configuration that cannot be used; the CLI prints every problem and exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: invalid configuration\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const schemaPath = fileURLToPath(new URL('../../../schema/tenet-config.schema.json', import.meta.url));

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(value: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  }
  // anyOf branches report their own misses; the anyOf error itself says it better.
  return validator(value) ? [] : (validator.errors ?? []).filter((error) => !error.schemaPath.includes('/anyOf/'));
}

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Finds the configuration to use: an explicit path, or `.tenet.yml` at the scanned root. */
export function locateConfig(root: string, explicit?: string): string | undefined {
  if (explicit) return path.resolve(explicit);
  return CONFIG_FILE_NAMES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
}

/**
 * Reads and validates a configuration file. `knownControls`, when given, also checks that every
 * control id the file names exists.
 */
export function loadConfig(file: string, knownControls?: ReadonlySet<string>): TenetConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot read: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return parseConfig(text, file, knownControls);
}

export function parseConfig(text: string, file: string, knownControls?: ReadonlySet<string>): TenetConfig {
  let value: unknown;
  try {
    const documents = parseYaml(text);
    value = documents[0]?.value ?? {};
  } catch (error) {
    throw new ConfigError(file, [error instanceof Error ? error.message : String(error)]);
  }
  if (value === null) value = {};
  const problems = validate(value).map(describe);
  if (problems.length === 0 && knownControls) problems.push(...unknownControlIds(value as TenetConfig, knownControls));
  if (problems.length > 0) throw new ConfigError(file, [...new Set(problems)]);
  return value as TenetConfig;
}

function unknownControlIds(config: TenetConfig, known: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const check = (id: string | undefined, where: string): void => {
    if (id !== undefined && !known.has(id)) problems.push(`${where}: unknown control '${id}'`);
  };
  config.only?.forEach((id, index) => check(id, `only[${index}]`));
  config.skip?.forEach((id, index) => check(id, `skip[${index}]`));
  for (const id of Object.keys(config.params ?? {})) check(id, `params.${id}`);
  config.deviations?.forEach((entry, index) => check(entry.control, `deviations[${index}].control`));
  return problems;
}

/** `/deviations/2/expires` → `deviations[2].expires`. */
export function formatInstancePath(pointer: string, extra?: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) segments.push(extra);
  let out = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '(root)';
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'format':
      return `${formatInstancePath(error.instancePath)}: not a ${params.format === 'date' ? 'date (YYYY-MM-DD)' : String(params.format)}`;
    case 'required':
      return `${formatInstancePath(error.instancePath)}: missing '${String(params.missingProperty)}'`;
    case 'additionalProperties':
      return `${formatInstancePath(error.instancePath, String(params.additionalProperty))}: unknown setting`;
    case 'type':
      return `${formatInstancePath(error.instancePath)}: must be ${String(params.type) === 'object' ? 'a mapping' : String(params.type) === 'array' ? 'a list' : `a ${String(params.type)}`}`;
    case 'anyOf':
      return `${formatInstancePath(error.instancePath)}: names neither a control nor a requirement`;
    default:
      return `${formatInstancePath(error.instancePath)}: ${error.message ?? error.keyword}`;
  }
}
