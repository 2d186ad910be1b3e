import { defineCollector } from '../collector.js';
import { CONFIG_FILE_NAMES } from '../../config/load.js';

export interface ConfigFileFacts {
  /** The repository's own configuration file, when it has one. */
  file?: string;
  /** Its `deviations` list as written, to tell whether the scan's configuration is this file. */
  deviations?: unknown;
  /** Line of `deviations[index]` in that file. */
  deviationLines: (number | undefined)[];
}

/** Where the repository's .tenet.yml declares its deviations, so findings about them can point there. */
export const configFileFacts = defineCollector<ConfigFileFacts>({
  id: 'config-file',
  description: "The repository's .tenet.yml: its deviations and their lines",
  collect({ repo }) {
    const file = CONFIG_FILE_NAMES.find((name) => repo.has(name));
    if (!file) return { deviationLines: [] };
    const document = repo.yaml(file)?.[0];
    const value = document?.value as { deviations?: unknown } | null | undefined;
    const deviations = value && typeof value === 'object' ? value.deviations : undefined;
    const count = Array.isArray(deviations) ? deviations.length : 0;
    return { file, deviations, deviationLines: Array.from({ length: count }, (_, index) => document?.lineOf(['deviations', index])) };
  },
});
