import path from 'node:path';
import type { TenetConfig } from '../config/types.js';
import { DEFAULT_PACK, loadBuiltinPacks, loadPack } from './load.js';
import type { Pack } from './types.js';

export interface PackSelection {
  /** The packs to evaluate, each once. */
  packs: Pack[];
  /** Attestations and deviations naming requirements no pack knows (a typo would silently cover nothing). */
  problems: string[];
}

/**
 * `--pack` over `packs:` of the configuration over the default pack. Relative paths resolve against
 * the working directory (`--pack`) or the configuration file (`packs:`). A configuration inside the
 * scanned repository is the repository's word, as untrusted as the rest of it: its pack paths must
 * stay inside the repository.
 */
export function selectPacks(input: { root: string; chosen?: readonly string[]; config: TenetConfig; configFile?: string }): PackSelection {
  const { root, config, configFile } = input;
  const configDir = configFile ? path.dirname(configFile) : root;
  const configInRepo = configFile !== undefined && !path.relative(root, configFile).startsWith('..');
  const fromConfig = (): Pack[] => load(config.packs?.length ? config.packs : [DEFAULT_PACK], configDir, configInRepo ? root : undefined);
  const packs = input.chosen?.length ? load(input.chosen, process.cwd(), undefined) : fromConfig();
  // Entries may serve the packs `packs:` names even when --pack chose others for this run.
  const problems = unknownRequirementIds(config, () => [...packs, ...loadBuiltinPacks(), ...(input.chosen?.length ? fromConfig() : [])]);
  return { packs, problems };
}

function load(refs: readonly string[], baseDir: string, within: string | undefined): Pack[] {
  const packs: Pack[] = [];
  for (const ref of refs) {
    const pack = loadPack(ref, baseDir, within === undefined ? {} : { within });
    if (!packs.some((other) => other.id === pack.id)) packs.push(pack);
  }
  return packs;
}

function unknownRequirementIds(config: TenetConfig, knownPacks: () => Pack[]): string[] {
  const named = [
    ...(config.deviations ?? []).map((entry, index) => ({ id: entry.requirement, where: `deviations[${index}].requirement` })),
    ...(config.attestations ?? []).map((entry, index) => ({ id: entry.requirement, where: `attestations[${index}].requirement` })),
  ].filter((entry): entry is { id: string; where: string } => entry.id !== undefined);
  if (named.length === 0) return [];
  const known = new Set(knownPacks().flatMap((pack) => pack.requirements.map((requirement) => requirement.id)));
  return named.filter(({ id }) => !known.has(id)).map(({ id, where }) => `${where}: unknown requirement '${id}' (see \`tenet policy show PACK\`)`);
}
