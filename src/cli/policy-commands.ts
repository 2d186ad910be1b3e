import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { builtinControls } from '../controls/index.js';
import { isCalendarDate, loadConfig, locateConfig } from '../config/load.js';
import { writeAttestation, writeDeviation } from '../config/edit.js';
import type { AttestationEntry, DeviationEntry } from '../config/types.js';
import { BUILTIN_PACK_IDS, DEFAULT_PACK, loadBuiltinPacks, loadPack } from '../packs/load.js';
import { effectiveMode, splitControls } from '../packs/evaluate.js';
import type { Pack, PackRequirement } from '../packs/types.js';

export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

const registered = (): Set<string> => new Set(builtinControls.map((control) => control.meta.id));

/** `tenet policy list` and `tenet policy show ID|PATH`. */
export function registerPolicyCommands(program: Command, io: CommandIO): void {
  const policy = program.command('policy').description('Built-in and custom policy packs: the requirements a scan verifies.');

  policy
    .command('list')
    .description('List the built-in packs with their requirement counts by mode.')
    .option('--json', 'as JSON')
    .action((flags: { json?: boolean }) => {
      const known = registered();
      const rows = loadBuiltinPacks().map((pack) => ({
        id: pack.id,
        title: pack.title,
        organisation: pack.organisation,
        version: pack.version,
        requirements: pack.requirements.length,
        modes: countModes(pack, known),
        designed: countModes(pack, known, true),
        default: pack.id === DEFAULT_PACK,
      }));
      if (flags.json) {
        io.out(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const width = Math.max(...BUILTIN_PACK_IDS.map((id) => id.length));
      for (const row of rows) {
        const modes = `now ${row.modes.automated} automated, ${row.modes['partly-automated']} partly, ${row.modes.attestation} attestation; designed ${row.designed.automated}/${row.designed['partly-automated']}/${row.designed.attestation}`;
        io.out(`${row.id.padEnd(width)}  ${row.version}  ${String(row.requirements).padStart(3)} requirements (${modes})  ${row.organisation ?? ''}: ${row.title}${row.default ? '  [default]' : ''}\n`);
      }
      io.out(`${rows.length} packs; the default (when neither --pack nor packs: chooses) is ${DEFAULT_PACK}\n`);
    });

  policy
    .command('show')
    .description('Show every requirement of a pack: id, section, mode, controls and what an attestation needs.')
    .argument('<pack>', 'a built-in pack id or a path to a pack file')
    .option('--json', 'as JSON (the resolved pack, with each requirement\'s current mode)')
    .action((ref: string, flags: { json?: boolean }) => {
      const pack = loadPack(ref);
      const known = registered();
      if (flags.json) {
        const requirements = pack.requirements.map((requirement) => ({ ...requirement, ...splitControls(requirement, known), mode: effectiveMode(requirement, known) }));
        io.out(`${JSON.stringify({ ...pack, requirements }, null, 2)}\n`);
        return;
      }
      io.out(`${pack.id} ${pack.version} — ${pack.organisation ? `${pack.organisation}: ` : ''}${pack.title}\n`);
      if (pack.source?.document) io.out(`source: ${pack.source.document}${pack.source.url ? ` <${pack.source.url}>` : ''}\n`);
      io.out('\n');
      for (const requirement of pack.requirements) io.out(describeRequirement(requirement, known));
      const modes = countModes(pack, known);
      io.out(`${pack.requirements.length} requirements: ${modes.automated} automated, ${modes['partly-automated']} partly automated, ${modes.attestation} by attestation\n`);
    });
}

function describeRequirement(requirement: PackRequirement, known: ReadonlySet<string>): string {
  const { controls, planned } = splitControls(requirement, known);
  const withParams = (id: string): string => {
    const params = requirement.params[id];
    return params && Object.keys(params).length ? `${id} (${Object.entries(params).map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ')})` : id;
  };
  const mode = effectiveMode(requirement, known);
  const designed = mode === requirement.mode ? '' : `; ${requirement.mode} once its controls exist`;
  const lines = [`${requirement.id}  [${mode}${designed}]  ${requirement.section}`, `  ${requirement.text}`];
  if (controls.length) lines.push(`  controls: ${controls.map(withParams).join(', ')}`);
  if (planned.length) lines.push(`  planned (not built yet, count for nothing): ${planned.map(withParams).join(', ')}`);
  if (requirement.attestation) {
    lines.push(`  attestation: ${requirement.attestation.evidence}${requirement.attestation.renewalDays ? ` (renew every ${requirement.attestation.renewalDays} days)` : ''}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** Requirements by how they are decided now, or (`designed`) once every control they name exists. */
function countModes(pack: Pack, known: ReadonlySet<string>, designed = false): Record<'automated' | 'partly-automated' | 'attestation', number> {
  const counts = { automated: 0, 'partly-automated': 0, attestation: 0 };
  for (const requirement of pack.requirements) counts[designed ? requirement.mode : effectiveMode(requirement, known)] += 1;
  return counts;
}

interface AttestFlags {
  statement: string;
  evidence: string;
  by: string;
  expires: string;
  date?: string;
  config?: string;
}

interface DeviateFlags {
  reason: string;
  approvedBy?: string;
  expires?: string;
  path: string[];
  resource?: string;
  config?: string;
}

const collectRaw = (value: string, previous: string[]): string[] => [...previous, value];

/** `tenet attest` and `tenet deviate`: write entries into .tenet.yml, keeping its comments and order. */
export function registerExceptionCommands(program: Command, io: CommandIO, today: () => Date = () => new Date()): void {
  program
    .command('attest')
    .description('Record that a requirement holds, with evidence, in .tenet.yml (replaces an earlier attestation of it).')
    .argument('<requirement>', 'requirement id, e.g. HM-12')
    .requiredOption('--statement <text>', 'what holds, in a sentence')
    .requiredOption('--evidence <url>', 'where the evidence is (a link, or a path in the repository)')
    .requiredOption('--by <name>', 'who attests it')
    .requiredOption('--expires <date>', 'YYYY-MM-DD; it stops counting after this day')
    .option('--date <date>', 'YYYY-MM-DD the attestation was made (default: today)')
    .option('-c, --config <file>', 'configuration file (default: .tenet.yml here)')
    .action((requirement: string, flags: AttestFlags, command: Command) => {
      const file = configFileFor(flags.config);
      const fail = (message: string): never => command.error(`tenet: ${message}`, { exitCode: 2 });
      if (!knownRequirements(file).has(requirement)) fail(`unknown requirement '${requirement}' (see \`tenet policy show PACK\`)`);
      const date = flags.date ?? today().toISOString().slice(0, 10);
      checkDate(date, '--date', fail);
      checkDate(flags.expires, '--expires', fail);
      if (flags.expires < date) fail(`--expires ${flags.expires} is before the attestation's date ${date}`);
      if (flags.expires < today().toISOString().slice(0, 10)) fail(`--expires ${flags.expires} is in the past`);
      if (/^[a-z][a-z0-9+.-]*:/i.test(flags.evidence) && !/^https?:\/\/\S+$/i.test(flags.evidence)) fail('--evidence must be an http(s) link or a path in the repository');
      const entry: AttestationEntry = { requirement, statement: flags.statement, evidence: flags.evidence, attestedBy: flags.by, date, expires: flags.expires };
      const { replaced } = writeAttestation(file, entry);
      io.out(`${replaced ? 'renewed' : 'added'} attestation of ${requirement} in ${path.relative(process.cwd(), file) || file} (expires ${flags.expires})\n`);
    });

  program
    .command('deviate')
    .description('Record an approved, expiring exception to a control or a requirement in .tenet.yml.')
    .argument('<target>', 'a control id or a requirement id')
    .requiredOption('--reason <text>', 'why the exception is acceptable')
    .option('--approved-by <name>', 'who approved it (without it the deviation counts for nothing)')
    .option('--expires <date>', 'YYYY-MM-DD; it stops counting after this day (required for it to count)')
    .option('--path <glob>', 'only findings in matching files (repeatable)', collectRaw, [])
    .option('--resource <address>', 'only findings about this resource (e.g. aws_s3_bucket.logs)')
    .option('-c, --config <file>', 'configuration file (default: .tenet.yml here)')
    .action((target: string, flags: DeviateFlags, command: Command) => {
      const file = configFileFor(flags.config);
      const fail = (message: string): never => command.error(`tenet: ${message}`, { exitCode: 2 });
      const isControl = builtinControls.some((control) => control.meta.id === target);
      if (!isControl && !knownRequirements(file).has(target)) fail(`'${target}' is neither a control (see \`tenet controls\`) nor a requirement (see \`tenet policy show PACK\`)`);
      if (flags.expires !== undefined) {
        checkDate(flags.expires, '--expires', fail);
        if (flags.expires < today().toISOString().slice(0, 10)) fail(`--expires ${flags.expires} is in the past`);
      }
      const entry: DeviationEntry = { ...(isControl ? { control: target } : { requirement: target }), reason: flags.reason };
      if (flags.approvedBy) entry.approvedBy = flags.approvedBy;
      if (flags.expires) entry.expires = flags.expires;
      if (flags.path.length) entry.paths = flags.path;
      if (flags.resource) entry.resource = flags.resource;
      writeDeviation(file, entry);
      io.out(`added deviation of ${target} in ${path.relative(process.cwd(), file) || file}\n`);
      if (!flags.approvedBy || !flags.expires) {
        io.err('tenet: warning: without --approved-by and --expires this deviation covers nothing, and deviations-are-approved fails on it\n');
      }
    });
}

function configFileFor(explicit: string | undefined): string {
  return locateConfig(process.cwd(), explicit) ?? path.resolve('.tenet.yml');
}

/** Requirements of the built-in packs and of the packs the configuration names. */
function knownRequirements(configFile: string): Set<string> {
  const packs = loadBuiltinPacks();
  if (existsSync(configFile)) {
    const config = loadConfig(configFile);
    for (const ref of config.packs ?? []) packs.push(loadPack(ref, path.dirname(configFile)));
  }
  return new Set(packs.flatMap((pack) => pack.requirements.map((requirement) => requirement.id)));
}

function checkDate(value: string, option: string, fail: (message: string) => never): void {
  if (!isCalendarDate(value)) fail(`${option} must be a date (YYYY-MM-DD), not '${value}'`);
}
