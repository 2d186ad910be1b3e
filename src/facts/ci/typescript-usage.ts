import path from 'node:path';
import { defineCollector } from '../collector.js';
import { CONFIG_SCRIPT, NOT_OWN_CODE } from './project-tooling.js';
import { isRecord } from './shapes.js';

export interface TypescriptUsage {
  /** First-party TypeScript files (.ts, .tsx, .mts, .cts; declaration files excluded). */
  typescriptFiles: number;
  /** First-party JavaScript files (.js, .jsx, .mjs, .cjs; tool configuration excluded). */
  javascriptFiles: number;
  /** A few JavaScript files, for messages. */
  javascriptExamples: string[];
  /** tsconfig*.json files. */
  tsconfigs: string[];
  /** The manifest that declares `typescript` (or a Deno configuration, which needs none). */
  typescriptDeclaredIn?: string;
  /** The root package.json, where a missing dependency belongs. */
  manifest?: string;
}

const TYPESCRIPT = /\.(ts|tsx|mts|cts)$/;
const JAVASCRIPT = /\.(js|jsx|mjs|cjs)$/;
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** How much of the project's own JavaScript/TypeScript is TypeScript, and whether TypeScript is set up. */
export const typescriptUsageFacts = defineCollector<TypescriptUsage>({
  id: 'typescript-usage',
  description: 'First-party .ts/.tsx versus .js/.jsx file counts, tsconfig files and the typescript dependency',
  collect({ repo }) {
    const usage: TypescriptUsage = { typescriptFiles: 0, javascriptFiles: 0, javascriptExamples: [], tsconfigs: [] };
    for (const { path: file } of repo.files) {
      if (NOT_OWN_CODE.test(file)) continue;
      const base = path.posix.basename(file);
      if (/^tsconfig[^/]{0,80}\.json$/.test(base)) usage.tsconfigs.push(file);
      if (CONFIG_SCRIPT.test(file) || file.startsWith('.')) continue;
      if (TYPESCRIPT.test(file) && !/\.d\.[cm]?ts$/.test(file)) usage.typescriptFiles++;
      else if (JAVASCRIPT.test(file)) {
        usage.javascriptFiles++;
        if (usage.javascriptExamples.length < 5) usage.javascriptExamples.push(file);
      }
      if (usage.typescriptDeclaredIn === undefined && (base === 'deno.json' || base === 'deno.jsonc')) usage.typescriptDeclaredIn = file;
      if (base === 'package.json') {
        if (file === 'package.json') usage.manifest = file;
        const manifest = repo.json(file)?.value;
        const declares = isRecord(manifest) && DEPENDENCY_FIELDS.some((field) => isRecord(manifest[field]) && 'typescript' in manifest[field]);
        if (declares && usage.typescriptDeclaredIn === undefined) usage.typescriptDeclaredIn = file;
      }
    }
    return usage;
  },
});
