import path from 'node:path';
import type { Repository } from '../../repo/repository.js';
import { classifyCommand, kindsOfScriptName, scriptLines, splitToxEnvs, type CommandKind } from './commands.js';
import type { CiCommand } from './model.js';
import { isRecord } from './shapes.js';

const MAX_DEPTH = 4;
const MAX_FOLLOWED = 500;
/** A generated script (./configure) can run to many thousands of lines; CI entry scripts do not. */
const MAX_SCRIPT_LINES = 2000;
const MAKEFILES = ['Makefile', 'makefile', 'GNUmakefile'];
const MAKE_TARGET = /^([A-Za-z0-9_./%-][A-Za-z0-9_./% -]{0,200}):(?!=)(.{0,2000})$/;

interface Makefile {
  targets: Map<string, { line: number; prerequisites: string[]; recipe: { text: string; line: number }[] }>;
  first?: string;
}

/**
 * Follows what a CI command delegates to, without running anything: package.json scripts (with their
 * pre/post hooks), Makefile targets (recipes and prerequisites) and, one level deep, script files.
 */
export class ScriptResolver {
  private readonly makefiles = new Map<string, Makefile | undefined>();
  /** Commands still to be followed for the current CI line: a Makefile of many targets must not explode. */
  private budget = 0;

  constructor(private readonly repo: Repository) {}

  /** The command and everything it reaches, each classified; the command's kinds include theirs. */
  expand(text: string, file: string, line: number | undefined, directory: string, depth = 0, via?: string, scriptFiles = true): CiCommand[] {
    if (depth === 0) this.budget = MAX_FOLLOWED;
    this.budget--;
    const classified = classifyCommand(text);
    const kinds = new Set<CommandKind>(classified.kinds);
    const reached: CiCommand[] = [];
    const follow = (found: CiCommand[]): void => {
      found.forEach((command) => command.kinds.forEach((kind) => kinds.add(kind)));
      reached.push(...found);
    };
    if (depth < MAX_DEPTH && this.budget > 0) {
      for (const reference of classified.references) {
        if (reference.kind === 'package-script') {
          const scripts = [`pre${reference.name}`, reference.name, `post${reference.name}`].map((name) => this.packageScript(directory, name));
          if (scripts[1]) {
            // The script's name is what its authors call it; the npm placeholder is not a test.
            if (!/no test specified/.test(scripts[1].text)) kindsOfScriptName(reference.name).forEach((kind) => kinds.add(kind));
            for (const script of scripts) {
              if (script) follow(this.expand(script.text, script.file, script.line, path.posix.dirname(script.file), depth + 1, `${script.file} script "${script.name}"`, scriptFiles));
            }
          } else if (reference.fanOut) {
            kindsOfScriptName(reference.name).forEach((kind) => kinds.add(kind));
          }
        } else if (reference.kind === 'make-target') {
          const recipes = this.makeTarget(directory, reference.makefile, reference.name, depth + 1, scriptFiles);
          if (recipes) follow(recipes);
          else kindsOfScriptName(reference.name).forEach((kind) => kinds.add(kind));
        } else if (reference.kind === 'tox-envs') {
          const commands = this.toxEnvs(directory, reference.envs, depth + 1, scriptFiles);
          if (commands) follow(commands);
          else kinds.add('test');
        } else if (scriptFiles) {
          const lines = this.scriptFile(directory, reference.path, depth + 1);
          if (lines) {
            kindsOfScriptName(path.posix.basename(reference.path).replace(/\.[a-z]{1,4}$/, '')).forEach((kind) => kinds.add(kind));
            follow(lines);
          }
        }
      }
    }
    const command: CiCommand = { text, file, kinds: [...kinds] };
    if (line !== undefined) command.line = line;
    if (via !== undefined) command.via = via;
    return [command, ...reached];
  }

  private packageScript(directory: string, name: string): { name: string; text: string; file: string; line?: number } | undefined {
    for (const dir of directory && directory !== '.' ? [directory, '.'] : ['.']) {
      const file = dir === '.' ? 'package.json' : `${dir}/package.json`;
      if (!this.repo.has(file)) continue;
      const document = this.repo.json(file);
      const scripts = isRecord(document?.value) ? document.value.scripts : undefined;
      const text = isRecord(scripts) ? scripts[name] : undefined;
      if (typeof text !== 'string') continue;
      const line = document?.lineOf(['scripts', name]);
      return line === undefined ? { name, text, file } : { name, text, file, line };
    }
    return undefined;
  }

  /** The commands a make target runs, or undefined when there is no Makefile to read (its name is all there is). */
  private makeTarget(directory: string, makefileName: string | undefined, target: string, depth: number, scriptFiles: boolean): CiCommand[] | undefined {
    const candidates = makefileName ? [makefileName] : MAKEFILES;
    for (const name of candidates) {
      const file = normalise(directory, name);
      if (!file || !this.repo.has(file)) continue;
      const makefile = this.makefile(file);
      const wanted = target || makefile?.first;
      const entry = wanted ? makefile?.targets.get(wanted) : undefined;
      if (!entry || !wanted) return [];
      const commands: CiCommand[] = [];
      const named = kindsOfScriptName(wanted);
      if (named.length) commands.push({ text: `make ${wanted}`, file, line: entry.line, kinds: named, via: `${file} target "${wanted}"` });
      for (const prerequisite of entry.prerequisites) {
        if (this.budget <= 0) break;
        this.budget--;
        if (depth < MAX_DEPTH && makefile?.targets.has(prerequisite)) commands.push(...(this.makeTarget(directory, makefileName, prerequisite, depth + 1, scriptFiles) ?? []));
      }
      for (const recipe of entry.recipe) {
        if (this.budget <= 0) break;
        const text = recipe.text.replace(/\$[({]MAKE[)}]/g, 'make');
        commands.push(...this.expand(text, file, recipe.line, directory, depth, `${file} target "${wanted}"`, scriptFiles));
      }
      return commands;
    }
    return undefined;
  }

  private makefile(file: string): Makefile | undefined {
    if (this.makefiles.has(file)) return this.makefiles.get(file);
    const text = this.repo.readText(file);
    const parsed = text === undefined ? undefined : parseMakefile(text);
    this.makefiles.set(file, parsed);
    return parsed;
  }

  /** What the named tox environments (or the envlist) run, or undefined when there is no tox.ini to read. */
  private toxEnvs(directory: string, envs: readonly string[], depth: number, scriptFiles: boolean): CiCommand[] | undefined {
    const file = [normalise(directory, 'tox.ini'), 'tox.ini'].find((candidate) => candidate !== undefined && this.repo.has(candidate));
    const text = file === undefined ? undefined : this.repo.readText(file);
    if (file === undefined || text === undefined) return undefined;
    const ini = parseIni(text);
    const names = envs.length ? envs : splitToxEnvs(ini.get('tox')?.get('envlist')?.value ?? '');
    const sections = new Set(names.map((name) => (ini.has(`testenv:${name}`) ? `testenv:${name}` : 'testenv')));
    const commands: CiCommand[] = [];
    for (const section of sections) {
      const entry = ini.get(section)?.get('commands');
      if (!entry) continue;
      entry.value.split('\n').forEach((line, offset) => {
        const text = line.trim().replace(/^-\s{0,4}/, '');
        if (text && this.budget > 0) commands.push(...this.expand(text, file, entry.line + offset, directory, depth, `${file} [${section}]`, scriptFiles));
      });
    }
    return commands;
  }

  /** The lines of a script file in the repository, or undefined when there is none. */
  private scriptFile(directory: string, target: string, depth: number): CiCommand[] | undefined {
    const file = [normalise(directory, target), normalise('.', target)].find((candidate) => candidate !== undefined && this.repo.has(candidate));
    if (!file) return undefined;
    const text = this.repo.readText(file);
    if (text === undefined) return undefined;
    return scriptLines(text)
      .slice(0, MAX_SCRIPT_LINES)
      .flatMap((entry) => this.expand(entry.text, file, entry.index + 1, directory, depth, `script ${file}`, false));
  }
}

/** A repository-relative path, or undefined when it leaves the repository or is absolute. */
function normalise(directory: string, target: string): string | undefined {
  if (target.startsWith('/') || target.includes('$')) return undefined;
  const joined = path.posix.normalize(path.posix.join(directory || '.', target));
  return joined.startsWith('..') ? undefined : joined;
}

/** INI sections → keys → value (continuation lines joined by newlines) and the line the value starts on. */
export function parseIni(text: string): Map<string, Map<string, { value: string; line: number }>> {
  const sections = new Map<string, Map<string, { value: string; line: number }>>();
  let section: Map<string, { value: string; line: number }> | undefined;
  let last: { value: string; line: number } | undefined;
  text.replace(/\r\n/g, '\n').split('\n').forEach((raw, index) => {
    if (!raw.trim() || /^\s{0,8}[#;]/.test(raw)) return;
    const header = /^\[([^\]\n]{1,200})\]/.exec(raw);
    if (header?.[1]) {
      section = new Map();
      sections.set(header[1].trim(), section);
      last = undefined;
      return;
    }
    if (/^\s/.test(raw) && last) {
      last.value += `${last.value ? '\n' : ''}${raw.trim()}`;
      if (!last.value.includes('\n') && last.value === raw.trim()) last.line = index + 1;
      return;
    }
    const pair = /^([^=:\s][^=:]{0,200})[=:](.{0,4000})$/.exec(raw);
    if (pair?.[1] && section) {
      last = { value: (pair[2] ?? '').trim(), line: index + 1 };
      section.set(pair[1].trim(), last);
    }
  });
  return sections;
}

export function parseMakefile(text: string): Makefile {
  const makefile: Makefile = { targets: new Map() };
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let current: { recipe: { text: string; line: number }[] }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.startsWith('\t')) {
      let text = raw.slice(1);
      const line = index + 1;
      while (text.endsWith('\\') && index + 1 < lines.length) text = `${text.slice(0, -1).trimEnd()} ${(lines[++index] ?? '').trim()}`;
      text = text.trim().replace(/^[@+-]{1,3}/, '').trim();
      if (text && !text.startsWith('#')) current.forEach((target) => target.recipe.push({ text, line }));
      continue;
    }
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const match = MAKE_TARGET.exec(raw);
    if (!match?.[1] || raw.includes(':=') || /^\s/.test(raw)) {
      current = [];
      continue;
    }
    const [prerequisites = '', inline] = (match[2] ?? '').split(';');
    const names = match[1].trim().split(/\s+/).filter((name) => !name.startsWith('.') || name === '.');
    current = names.map((name) => {
      const entry = { line: index + 1, prerequisites: prerequisites.trim().split(/\s+/).filter(Boolean), recipe: [] as { text: string; line: number }[] };
      if (inline?.trim()) entry.recipe.push({ text: inline.trim(), line: index + 1 });
      makefile.targets.set(name, entry);
      makefile.first ??= name.includes('%') ? undefined : name;
      return entry;
    });
  }
  return makefile;
}
