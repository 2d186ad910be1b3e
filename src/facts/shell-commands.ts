import path from 'node:path';
import { defineCollector } from '../engine/control.js';
import type { Suppression } from '../engine/types.js';
import type { Repository } from '../repo/repository.js';
import { dockerfileFacts } from './dockerfiles.js';
import { inlineWaiver } from './inline-waivers.js';

/**
 * Where a piece of shell (or package-manager configuration) was read from. `workflow` and
 * `gitlab-ci` are read here as text, in this one place; a full CI parser can replace `ciBlocks`.
 */
export type CommandOrigin = 'dockerfile' | 'script' | 'makefile' | 'workflow' | 'gitlab-ci' | 'config';

/** A run of shell lines (a RUN instruction, a script, a CI step) or a configuration file, with file lines. */
export interface CommandBlock {
  origin: CommandOrigin;
  file: string;
  /** Dockerfile stage, `workflow-file#job/step-index`, `.gitlab-ci.yml#job`; absent for scripts and files. */
  resource?: string;
  /**
   * The text: comment lines blanked, `\` line continuations turned into spaces, so that a command
   * reads as one line while every offset keeps its place.
   */
  text: string;
  /** The file line of an offset into `text`. */
  lineAt(offset: number): number;
  /** An inline waiver of `controlId` at `line`, or at the instruction or key the block belongs to. */
  waiver(controlId: string, line: number): Suppression | undefined;
}

export interface ShellCommandFacts {
  blocks: CommandBlock[];
  /** Dockerfiles that could not be parsed, so their commands went unread. */
  unreadDockerfiles: string[];
}

const SCRIPT = /\.(?:sh|bash)$/i;
const MAKEFILE = /^(?:GNUmakefile|makefile|Makefile)$|\.mk$/;
const WORKFLOW = /^\.github\/workflows\/[^/]{1,200}\.ya?ml$/;
const PACKAGE_CONFIG = /^(?:\.npmrc|\.yarnrc|\.yarnrc\.yml|pip\.conf|pip\.ini|sources\.list|apt\.conf)$|\.(?:repo|list|sources)$/;
const APT_CONF_D = /(?:^|\/)apt\.conf\.d\/[^/]{1,200}$/;
const GITLAB_KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'pages']);
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'];

/** Shell text from Dockerfile RUN/ENV, *.sh, Makefile recipes, CI steps, and package-manager configuration files. */
export const shellCommandFacts = defineCollector<ShellCommandFacts>({
  id: 'shell-commands',
  description: 'Shell commands from Dockerfile RUN/ENV, shell scripts, Makefile recipes, GitHub Actions run steps and GitLab CI scripts, and package-manager configuration files, as text with lines',
  async collect({ repo, facts }) {
    const blocks: CommandBlock[] = [];
    const docker = await facts(dockerfileFacts);
    for (const dockerfile of docker.dockerfiles) {
      const text = repo.readText(dockerfile.file);
      if (text === undefined) continue;
      const lines = text.split(/\r?\n/);
      const starts = dockerfile.stages.flatMap((stage) => [stage.stage.line, ...stage.stage.instructions.map((instruction) => instruction.line)]).sort((a, b) => a - b);
      for (const stage of dockerfile.stages) {
        for (const instruction of stage.stage.instructions) {
          if (instruction.keyword !== 'RUN' && instruction.keyword !== 'ENV') continue;
          const end = (starts.find((line) => line > instruction.line) ?? lines.length + 1) - 1;
          blocks.push(block('dockerfile', dockerfile.file, text, lines.slice(instruction.line - 1, end), instruction.line, instruction.line, stage.address));
        }
      }
    }
    for (const entry of repo.files) {
      const base = path.posix.basename(entry.path);
      const kind: CommandOrigin | undefined = SCRIPT.test(base) ? 'script' : MAKEFILE.test(base) ? 'makefile' : (PACKAGE_CONFIG.test(base) && isPackageConfig(entry.path)) || APT_CONF_D.test(entry.path) ? 'config' : undefined;
      if (!kind) continue;
      const text = repo.readText(entry.path);
      if (text === undefined) continue;
      // Make runs only recipe lines (tab-indented) through the shell.
      const lines = text.split(/\r?\n/).map((line) => (kind === 'makefile' && !line.startsWith('\t') ? '' : line));
      blocks.push(block(kind, entry.path, text, lines, 1, 1));
    }
    blocks.push(...ciBlocks(repo));
    return { blocks, unreadDockerfiles: docker.malformed };
  },
});

/** `.list` and `.sources` are common extensions: only APT's own places count. */
function isPackageConfig(file: string): boolean {
  if (/\.(?:list|sources)$/.test(file)) return /(?:^|\/)(?:sources\.list\.d\/[^/]{1,200}|sources\.list)$/.test(file);
  return true;
}

/** The one place that reads CI configuration as text; switch to the CI parser's facts once it is merged. */
function ciBlocks(repo: Repository): CommandBlock[] {
  const blocks: CommandBlock[] = [];
  for (const entry of repo.files) {
    if (!WORKFLOW.test(entry.path)) continue;
    const document = repo.yaml(entry.path)?.[0];
    const text = repo.readText(entry.path);
    const jobs = document && isRecord(document.value) ? document.value.jobs : undefined;
    if (!document || text === undefined || !isRecord(jobs)) continue;
    const lines = text.split(/\r?\n/);
    for (const [job, definition] of Object.entries(jobs)) {
      const steps = isRecord(definition) ? definition.steps : undefined;
      if (!Array.isArray(steps)) continue;
      steps.forEach((step, index) => {
        if (!isRecord(step) || typeof step.run !== 'string') return;
        const keyLine = document.lineOf(['jobs', job, 'steps', index, 'run']) ?? 1;
        blocks.push(yamlScalarBlock('workflow', entry.path, text, lines, step.run, keyLine, `${entry.path}#${job}/${index}`));
      });
    }
  }
  const gitlab = '.gitlab-ci.yml';
  const document = repo.has(gitlab) ? repo.yaml(gitlab)?.[0] : undefined;
  const text = document ? repo.readText(gitlab) : undefined;
  if (document && text !== undefined && isRecord(document.value)) {
    const lines = text.split(/\r?\n/);
    for (const [job, definition] of Object.entries(document.value)) {
      const global = job === 'before_script' || job === 'after_script';
      if (!global && (!isRecord(definition) || (GITLAB_KEYWORDS.has(job) && job !== 'default'))) continue;
      const scripts: [string[], unknown][] = global ? [[[job], definition]] : SCRIPT_KEYS.map((key) => [[job, key], isRecord(definition) ? definition[key] : undefined]);
      for (const [keyPath, value] of scripts) {
        for (const [itemPath, command] of scriptItems(keyPath, value)) {
          const keyLine = document.lineOf(itemPath) ?? document.lineOf(keyPath) ?? 1;
          blocks.push(yamlScalarBlock('gitlab-ci', gitlab, text, lines, command, keyLine, `${gitlab}#${job}`));
        }
      }
    }
  }
  return blocks;
}

/** GitLab script entries: a string, or a list of strings and nested lists (from YAML anchors). */
function scriptItems(keyPath: (string | number)[], value: unknown): [(string | number)[], string][] {
  if (typeof value === 'string') return [[keyPath, value]];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => scriptItems([...keyPath, index], item));
}

/** A YAML string value; a literal block (`|`) keeps its lines, other styles are placed at their key. */
function yamlScalarBlock(origin: CommandOrigin, file: string, text: string, fileLines: readonly string[], value: string, keyLine: number, resource: string): CommandBlock {
  const literal = /\|[-+0-9]{0,3}[ \t]*(?:#.*)?$/.test(fileLines[keyLine - 1] ?? '');
  const valueLines = value.split('\n');
  if (literal) return block(origin, file, text, valueLines, keyLine + 1, keyLine, resource);
  return block(origin, file, text, [valueLines.join(' ')], keyLine, keyLine, resource);
}

function block(origin: CommandOrigin, file: string, source: string, lines: readonly string[], firstLine: number, anchorLine: number, resource?: string): CommandBlock {
  const kept = lines.map((line) => (/^[ \t]{0,400}[#;]/.test(line) ? '' : line.replace(/\r$/, '')));
  const offsets: number[] = [];
  let offset = 0;
  for (const line of kept) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  // `\` + newline becomes two spaces: one command per line for the matchers, offsets unchanged.
  const text = kept.join('\n').replace(/\\\n/g, '  ');
  const result: CommandBlock = {
    origin,
    file,
    text,
    lineAt(at) {
      let low = 0;
      let high = offsets.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if ((offsets[middle] ?? 0) <= at) low = middle;
        else high = middle - 1;
      }
      return firstLine + low;
    },
    waiver(controlId, line) {
      for (const candidate of line === anchorLine ? [line] : [line, anchorLine]) {
        const found = inlineWaiver(source, candidate, controlId);
        if (found) return { kind: 'inline', reason: found.reason, source: `${file}:${found.line}` };
      }
      return undefined;
    },
  };
  if (resource !== undefined) result.resource = resource;
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
