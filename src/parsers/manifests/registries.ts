import type { Ecosystem } from '../../core/package-inventory.js';
import type { TomlDocument } from '../toml.js';
import { lineOfText } from '../lines.js';
import { isRecord, recordField } from '../lockfiles/common.js';

/** A package registry a configuration file points the package manager at. */
export interface RegistryConfig {
  file: string;
  line?: number;
  url: string;
  ecosystem: Ecosystem;
  /** The npm scope (`@corp`) or pip option (`extra-index-url`) it applies to. */
  scope?: string;
}

const NPMRC_REGISTRY = /^\s*(@[\w.-]{1,100}:)?registry\s*=\s*(\S+)/;
const YARNRC_REGISTRY = /^\s*(?:["']?(npmRegistryServer|registry)["']?\s*:?\s+)["']?([^"'\s]+)/;
const PIP_INDEX = /^\s*(index-url|extra-index-url|index_url|extra_index_url)\s*[=:]\s*(\S+)/;

/** `.npmrc`, `.yarnrc` and `.yarnrc.yml` registry lines (credentials lines are never read). */
export function npmRegistries(file: string, text: string): RegistryConfig[] {
  const found: RegistryConfig[] = [];
  let scope: string | undefined;
  text.split('\n').forEach((line, index) => {
    if (line.trimStart().startsWith('#') || line.trimStart().startsWith(';')) return;
    const scopeHeader = /^\s{2}["']?(@?[\w.-]{1,100})["']?:\s*$/.exec(line);
    if (scopeHeader) scope = scopeHeader[1];
    else if (!line.startsWith(' ')) scope = undefined;
    const npmrc = NPMRC_REGISTRY.exec(line);
    const yarnrc = npmrc ? undefined : YARNRC_REGISTRY.exec(line);
    const url = npmrc?.[2] ?? yarnrc?.[2];
    if (!url || url.includes('$')) return;
    found.push({ file, line: index + 1, url, ecosystem: 'npm', scope: npmrc?.[1]?.slice(0, -1) ?? (line.startsWith('    ') ? scope : undefined) });
  });
  return found;
}

/** pip.conf / pip.ini `index-url` and `extra-index-url`. */
export function pipRegistries(file: string, text: string): RegistryConfig[] {
  return text.split('\n').flatMap((line, index) => {
    const match = PIP_INDEX.exec(line);
    return match?.[2] && !match[2].includes('$') ? [{ file, line: index + 1, url: match[2], ecosystem: 'PyPI' as const, scope: match[1]?.replace('_', '-') }] : [];
  });
}

/** Pipfile `[[source]]`, Poetry `[[tool.poetry.source]]` and uv `[[tool.uv.index]]` URLs. */
export function pythonTomlRegistries(file: string, document: TomlDocument, text: string): RegistryConfig[] {
  const tool = recordField(document.value, 'tool');
  const lists = [document.value.source, recordField(tool, 'poetry').source, recordField(tool, 'uv').index];
  return lists.flatMap((list) =>
    (Array.isArray(list) ? list : []).flatMap((source: unknown) =>
      isRecord(source) && typeof source.url === 'string' && !source.url.includes('$') ? [{ file, line: lineOfText(text, source.url), url: source.url, ecosystem: 'PyPI' as const }] : [],
    ),
  );
}

/** A package-manager setting that stops dependencies' install scripts from running. */
export interface ScriptsDisabled {
  file: string;
  line: number;
  setting: string;
}

/** `.npmrc` `ignore-scripts=true` (npm, pnpm, yarn classic) and `.yarnrc.yml` `enableScripts: false`. */
export function scriptsDisabled(file: string, text: string): ScriptsDisabled | undefined {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (/^\s*ignore-scripts\s*=\s*true\s*$/.test(line) || /^\s*--ignore-scripts\s+true\s*$/.test(line) || /^enableScripts\s*:\s*false\s*$/.test(line)) {
      return { file, line: index + 1, setting: line.trim() };
    }
  }
  return undefined;
}
