import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Subject } from '../../core/subject.js';
import type { Repository } from '../../repo/repository.js';
import { ciFacts, type CiFacts, type CiSystem } from './ci.js';
import { dockerfileFacts } from '../containers/dockerfiles.js';

/** Where a piece of shell (or package-manager configuration) was read from; CI commands come from the CI parser. */
export type CommandOrigin = 'dockerfile' | 'script' | 'makefile' | 'workflow' | 'gitlab-ci' | 'ci' | 'config';

const CI_ORIGIN: Partial<Record<CiSystem, CommandOrigin>> = { 'github-actions': 'workflow', 'gitlab-ci': 'gitlab-ci' };

/** A run of shell lines (a RUN instruction, a script, a CI step) or a configuration file, with file lines. */
export interface CommandBlock extends Subject {
  origin: CommandOrigin;
  file: string;
  /** Dockerfile stage, `workflow-file#job/step-index`, `.gitlab-ci.yml#job`; absent for scripts and files. */
  address?: string;
  /** The instruction or key the block belongs to (`RUN`, `run:`): a waiver there covers the whole block. */
  line: number;
  /**
   * The text: comment lines blanked, `\` line continuations turned into spaces, so that a command
   * reads as one line while every offset keeps its place.
   */
  text: string;
  /** The file line of an offset into `text`. */
  lineAt(offset: number): number;
}

export interface ShellCommandFacts {
  blocks: CommandBlock[];
  /** Dockerfiles that could not be parsed, so their commands went unread. */
  unreadDockerfiles: string[];
}

const SCRIPT = /\.(?:sh|bash)$/i;
const MAKEFILE = /^(?:GNUmakefile|makefile|Makefile)$|\.mk$/;
const PACKAGE_CONFIG = /^(?:\.npmrc|\.yarnrc|\.yarnrc\.yml|pip\.conf|pip\.ini|sources\.list|apt\.conf)$|\.(?:repo|list|sources)$/;
const APT_CONF_D = /(?:^|\/)apt\.conf\.d\/[^/]{1,200}$/;

/** Shell text from Dockerfile RUN/ENV, *.sh, Makefile recipes, CI steps, and package-manager configuration files. */
export const shellCommandFacts = defineCollector<ShellCommandFacts>({
  id: 'shell-commands',
  description: 'Shell commands from Dockerfile RUN/ENV, shell scripts, Makefile recipes, the commands CI jobs run, and package-manager configuration files, as text with lines',
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
          blocks.push(block('dockerfile', dockerfile.file, lines.slice(instruction.line - 1, end), instruction.line, instruction.line, stage.address));
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
      blocks.push(block(kind, entry.path, lines, 1, 1));
    }
    blocks.push(...ciBlocks(repo, await facts(ciFacts)));
    return { blocks, unreadDockerfiles: docker.malformed };
  },
});

/** `.list` and `.sources` are common extensions: only APT's own places count. */
function isPackageConfig(file: string): boolean {
  if (/\.(?:list|sources)$/.test(file)) return /(?:^|\/)(?:sources\.list\.d\/[^/]{1,200}|sources\.list)$/.test(file);
  return true;
}

/** Commands written in CI files (not the scripts they call, which are read as files above), one block each. */
function ciBlocks(repo: Repository, ci: CiFacts): CommandBlock[] {
  const blocks: CommandBlock[] = [];
  const seen = new Set<string>();
  for (const job of ci.jobs) {
    for (const command of job.commands) {
      if (command.via !== undefined || command.line === undefined) continue;
      // A GitLab default `before_script` is in every job; one block is enough.
      const key = `${command.file}:${command.line}:${command.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (repo.readText(command.file) === undefined) continue;
      const resource = command.step !== undefined && command.file === job.file ? `${job.file}#${job.id}/${command.step}` : `${job.file}#${job.id}`;
      blocks.push(block(CI_ORIGIN[job.system] ?? 'ci', command.file, [command.text], command.line, command.anchorLine ?? command.line, resource));
    }
  }
  return blocks;
}

function block(origin: CommandOrigin, file: string, lines: readonly string[], firstLine: number, anchorLine: number, resource?: string): CommandBlock {
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
    line: anchorLine,
  };
  if (resource !== undefined) result.address = resource;
  return result;
}
