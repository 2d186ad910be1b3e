import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import { messageOf } from '../../core/errors.js';
import { parseJsonc } from '../../parsers/jsonc.js';
import type { JsonDocument } from '../../parsers/json.js';
import { isRecord } from './shapes.js';

/** The flags `strict: true` turns on; each can be turned off on its own. */
export const STRICT_FLAGS = [
  'noImplicitAny',
  'strictNullChecks',
  'strictFunctionTypes',
  'strictBindCallApply',
  'strictPropertyInitialization',
  'noImplicitThis',
  'alwaysStrict',
  'useUnknownInCatchVariables',
] as const;

/** Shared bases known to set `strict: true` (the tsconfig/bases family and Vue's). */
const KNOWN_STRICT_PACKAGES = /^(@tsconfig\/[a-z0-9.-]{1,60}|@vue\/tsconfig)(\/|$)/;

export interface TsconfigVerdict {
  file: string;
  /** Only extended by other tsconfigs (and not named tsconfig.json): judged through those. */
  baseOnly: boolean;
  strict: 'yes' | 'no' | 'unknown';
  /** Strict flags that end up off. */
  off: string[];
  /** Why the verdict is unknown, or where `strict` was turned off. */
  reason?: string;
  line?: number;
  extends: string[];
}

export interface TsconfigFacts {
  configs: TsconfigVerdict[];
}

interface Options {
  strict?: boolean;
  flags: Record<string, boolean>;
  /** Bases that could not be read, so could weaken what the chain states. */
  unresolved: string[];
}

/** Every tsconfig*.json with its effective strictness, `extends` followed through local files. */
export const tsconfigFacts = defineCollector<TsconfigFacts>({
  id: 'tsconfig',
  description: 'tsconfig files (JSON with comments) and whether their effective compilerOptions are strict',
  collect({ repo }) {
    const files = repo.files.map((entry) => entry.path).filter((file) => /^tsconfig[^/]{0,80}\.json$/.test(path.posix.basename(file)));
    const documents = new Map<string, JsonDocument | undefined>();
    const read = (file: string): JsonDocument | undefined => {
      if (documents.has(file)) return documents.get(file);
      const text = repo.readText(file);
      let document: JsonDocument | undefined;
      if (text !== undefined) {
        try {
          document = parseJsonc(text);
        } catch (error) {
          repo.report(file, `malformed JSON: ${messageOf(error)}`);
        }
      }
      documents.set(file, document);
      return document;
    };
    const extendedBy = new Set<string>();
    for (const file of files) for (const base of extendsOf(read(file)?.value)) {
      const local = resolveLocal(repo, file, base);
      if (local) extendedBy.add(local);
    }
    const configs = files.map((file): TsconfigVerdict => {
      const document = read(file);
      const verdict: TsconfigVerdict = {
        file,
        baseOnly: extendedBy.has(file) && path.posix.basename(file) !== 'tsconfig.json',
        strict: 'unknown',
        off: [],
        extends: extendsOf(document?.value),
      };
      if (!document) return { ...verdict, reason: `${file} could not be parsed` };
      const options = effectiveOptions(repo, file, read, 0, new Set());
      const strictOn = options.strict === true;
      verdict.off = STRICT_FLAGS.filter((flag) => !(options.flags[flag] ?? strictOn));
      verdict.line = document.lineOf(['compilerOptions', 'strict']) ?? document.lineOf(['compilerOptions']) ?? 1;
      if (verdict.off.length === 0) verdict.strict = 'yes';
      else if (options.unresolved.length > 0) {
        verdict.strict = 'unknown';
        verdict.reason = `extends ${options.unresolved.join(', ')}, which is not in the repository`;
      } else verdict.strict = 'no';
      return verdict;
    });
    return { configs };
  },
});

function extendsOf(value: unknown): string[] {
  if (!isRecord(value)) return [];
  const raw = value.extends;
  if (typeof raw === 'string') return [raw];
  return Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : [];
}

function resolveLocal(repo: Repository, from: string, target: string): string | undefined {
  if (!target.startsWith('.') && !target.startsWith('/')) return undefined;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  for (const candidate of [joined, `${joined}.json`, `${joined}/tsconfig.json`]) if (repo.has(candidate)) return candidate;
  return undefined;
}

/** compilerOptions after `extends` (bases first, later ones winning), strict-related keys only. */
function effectiveOptions(repo: Repository, file: string, read: (file: string) => JsonDocument | undefined, depth: number, seen: Set<string>): Options {
  const options: Options = { flags: {}, unresolved: [] };
  const value = read(file)?.value;
  if (depth > 8 || seen.has(file)) return options;
  seen.add(file);
  for (const base of extendsOf(value)) {
    const local = resolveLocal(repo, file, base);
    if (local) {
      const inherited = effectiveOptions(repo, local, read, depth + 1, seen);
      if (inherited.strict !== undefined) options.strict = inherited.strict;
      Object.assign(options.flags, inherited.flags);
      options.unresolved.push(...inherited.unresolved);
    } else if (KNOWN_STRICT_PACKAGES.test(base)) {
      options.strict = true;
    } else {
      options.unresolved.push(base);
    }
  }
  const compilerOptions = isRecord(value) && isRecord(value.compilerOptions) ? value.compilerOptions : {};
  if (typeof compilerOptions.strict === 'boolean') options.strict = compilerOptions.strict;
  for (const flag of STRICT_FLAGS) if (typeof compilerOptions[flag] === 'boolean') options.flags[flag] = compilerOptions[flag];
  return options;
}
