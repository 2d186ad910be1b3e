import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Suppression } from '../../core/result.js';
import type { Repository } from '../../repo/repository.js';
import { inlineWaiver } from '../../engine/inline-waivers.js';
import { isRecord } from '../../core/records.js';

/** One option setting, as the last `.ebextensions` file (in name order) that sets it leaves it. */
export interface BeanstalkSetting {
  value: unknown;
  file: string;
  line: number;
}

/** An application bundle configured by the `.ebextensions/*.config` files of one directory. */
export interface BeanstalkApp {
  /** The `.ebextensions` directory (`.ebextensions`, `api/.ebextensions`): the subject of findings. */
  address: string;
  files: string[];
  setting(namespace: string, option: string): BeanstalkSetting | undefined;
  waiver(controlId: string, file: string, line: number): Suppression | undefined;
}

export interface ElasticBeanstalkFacts {
  apps: BeanstalkApp[];
}

/** Options without a namespace belong to the environment-properties namespace. */
const DEFAULT_NAMESPACE = 'aws:elasticbeanstalk:application:environment';

/** Elastic Beanstalk option settings from `.ebextensions/*.config` (YAML or JSON, map or list form). */
export const elasticBeanstalkFacts = defineCollector<ElasticBeanstalkFacts>({
  id: 'elastic-beanstalk',
  description: 'Elastic Beanstalk option_settings from .ebextensions/*.config files, per application directory',
  collect({ repo }) {
    const byDir = new Map<string, string[]>();
    for (const { path: file } of repo.files) {
      if (!/(^|\/)\.ebextensions\/[^/]{1,200}\.config$/.test(file)) continue;
      const dir = path.posix.dirname(file);
      byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
    }
    return { apps: [...byDir].map(([dir, files]) => readApp(repo, dir, files.sort())) };
  },
});

function readApp(repo: Repository, dir: string, files: string[]): BeanstalkApp {
  const settings = new Map<string, BeanstalkSetting>();
  // Texts are read while collecting, for waivers: controls never reach the disk.
  const texts = new Map(files.map((file) => [file, repo.readText(file)]));
  const set = (namespace: string, option: string, value: unknown, file: string, line: number): void => void settings.set(`${namespace}\0${option}`, { value, file, line });
  for (const file of files) {
    for (const document of repo.yaml(file) ?? []) {
      const options = isRecord(document.value) ? document.value.option_settings : undefined;
      const lineOf = (...keys: (string | number)[]): number => document.lineOf(['option_settings', ...keys]) ?? document.lineOf(['option_settings']) ?? 1;
      if (Array.isArray(options)) {
        options.forEach((entry, index) => {
          if (!isRecord(entry) || typeof entry.option_name !== 'string') return;
          set(typeof entry.namespace === 'string' ? entry.namespace : DEFAULT_NAMESPACE, entry.option_name, entry.value, file, lineOf(index));
        });
      } else if (isRecord(options)) {
        for (const [namespace, values] of Object.entries(options)) {
          if (!isRecord(values)) continue;
          for (const [option, value] of Object.entries(values)) set(namespace, option, value, file, lineOf(namespace, option));
        }
      }
    }
  }
  return {
    address: dir,
    files,
    setting: (namespace, option) => settings.get(`${namespace}\0${option}`),
    waiver(controlId, file, line) {
      const text = texts.get(file);
      const found = text === undefined ? undefined : inlineWaiver(text, line, controlId);
      return found ? { kind: 'inline', reason: found.reason, source: `${file}:${found.line}` } : undefined;
    },
  };
}
