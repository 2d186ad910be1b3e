import path from 'node:path';
import { defineCollector } from '../collector.js';
import { withParent, type Subject } from '../../core/subject.js';
import { DockerfileSyntaxError, parseDockerfile, substitute, type DockerInstruction, type DockerProperty, type DockerStage, type ParsedDockerfile, type Substitution } from '../../parsers/dockerfile.js';
import { messageOf } from '../../core/errors.js';
import { isLiteralCredential, redactCredential } from '../secrets/credential-names.js';

/** What a stage is built on. */
export type StageBase =
  | { kind: 'scratch' }
  | { kind: 'stage'; index: number }
  | { kind: 'image'; reference: string }
  | { kind: 'unknown'; reason: string };

/** A build stage: the subject of findings about it (waivers on or above its FROM cover them). */
export interface StageFacts extends Subject {
  stage: DockerStage;
  file: string;
  /** Resource address: the stage name, or its index when unnamed. */
  address: string;
  /** Line of its FROM. */
  line: number;
  parent: DockerfileFacts;
  /** How messages name it: `stage 'build'` or `stage 2`. */
  label: string;
  base: StageBase;
}

export interface DockerfileFacts extends Subject {
  file: string;
  /** ARGs declared before the first FROM. */
  globalArgs: DockerProperty[];
  stages: StageFacts[];
  /** The stage `docker build` produces without --target: the last one. */
  final: StageFacts;
}

export interface DockerfilesFacts {
  dockerfiles: DockerfileFacts[];
  /** Dockerfiles that could not be parsed (each also reported in the scan's errors). */
  malformed: string[];
}

/** Dockerfile, Containerfile, Dockerfile.prod, api.Dockerfile, app.dockerfile … */
export function isDockerfileName(file: string): boolean {
  const base = path.posix.basename(file);
  // Ignore files, documentation, scripts and templates named after a Dockerfile are not Dockerfiles.
  if (/\.(?:dockerignore|md|txt|rst|adoc|html|json|ya?ml|sh|ps1|py|j2|jinja2?|tmpl|tpl|template|erb|bak|orig|swp)$/i.test(base)) return false;
  // Source files named after what they handle (`dockerfile-parser.ts`) are code, not Dockerfiles.
  if (/\.(?:[cm]?[jt]sx?|map|go|rb|rs|java|kt|kts|scala|cs|php|pl|lua|ex|exs|swift|c|cc|cpp|h|hpp|toml|ini|cfg|conf|xml|csv|snap|lock)$/i.test(base)) return false;
  return /^(?:Dockerfile|Containerfile)(?:[.-][^/]{1,100})?$/i.test(base) || /\.(?:Dockerfile|Containerfile)$/i.test(base);
}

/** Every Dockerfile in the repository, parsed into stages whose bases are resolved where the file alone decides them. */
export const dockerfileFacts = defineCollector<DockerfilesFacts>({
  id: 'dockerfiles',
  description: 'Dockerfiles and their build stages, with base images resolved through ARG defaults',
  collect({ repo }) {
    const dockerfiles: DockerfileFacts[] = [];
    const malformed: string[] = [];
    for (const entry of repo.files) {
      if (!isDockerfileName(entry.path)) continue;
      const text = repo.readText(entry.path);
      if (text === undefined) continue;
      try {
        dockerfiles.push(describe(entry.path, text));
      } catch (error) {
        if (!(error instanceof DockerfileSyntaxError)) throw error;
        repo.report(entry.path, `malformed Dockerfile: ${messageOf(error)}`);
        malformed.push(entry.path);
      }
    }
    return { dockerfiles, malformed };
  },
});

function describe(file: string, text: string): DockerfileFacts {
  const parsed = redactCredentials(parseDockerfile(text));
  const globals = new Map(parsed.globalArgs.map((argument) => [argument.name, argument.value]));
  const lookup = (name: string): string | undefined => (globals.has(name) ? globals.get(name) : '');
  const stages: StageFacts[] = [];
  const dockerfile = { file, globalArgs: parsed.globalArgs, stages } as Omit<DockerfileFacts, 'final'> as DockerfileFacts;
  for (const stage of parsed.stages) {
    const label = stage.name === undefined ? `stage ${stage.index}` : `stage '${stage.name}'`;
    const base = baseOf(stage, stages, substitute(stage.image, lookup));
    stages.push(withParent<StageFacts>({ stage, file, address: stage.name ?? String(stage.index), line: stage.line, label, base }, dockerfile));
  }
  const final = stages[stages.length - 1];
  // parseDockerfile guarantees at least one stage.
  if (!final) throw new DockerfileSyntaxError('no FROM instruction');
  dockerfile.final = final;
  return dockerfile;
}

/**
 * Facts are printed by `--format raw`: a credential written into ENV or ARG is replaced by its
 * redacted form here, in the assignment and in the instruction's text, so that no report reveals it.
 */
function redactCredentials(parsed: ParsedDockerfile): ParsedDockerfile {
  parsed.globalArgs.forEach(redactProperty);
  for (const instruction of parsed.stages.flatMap((stage) => stage.instructions)) {
    if (!instruction.properties.map(redactProperty).some(Boolean)) continue;
    instruction.args = instruction.properties.map((property) => (property.value === undefined ? property.name : `${property.name}=${property.value}`));
    instruction.text = instruction.args.join(' ');
  }
  return parsed;
}

function redactProperty(property: DockerProperty): boolean {
  if (!isLiteralCredential(property.name, property.value)) return false;
  property.value = redactCredential(property.value);
  return true;
}

function baseOf(stage: DockerStage, earlier: readonly StageFacts[], image: Substitution): StageBase {
  if ('unresolved' in image) {
    return { kind: 'unknown', reason: `FROM ${stage.image} depends on build argument(s) ${image.unresolved.join(', ')} without a default` };
  }
  const reference = image.value.trim();
  if (reference === '') return { kind: 'unknown', reason: `FROM ${stage.image} expands to nothing` };
  if (reference.toLowerCase() === 'scratch') return { kind: 'scratch' };
  const parent = earlier.find((candidate) => candidate.stage.name === reference.toLowerCase());
  if (parent) return { kind: 'stage', index: parent.stage.index };
  return { kind: 'image', reference };
}

/** The stage and the earlier stages it is built on, nearest first, ending at an image, scratch or an unknown base. */
export function stageChain(dockerfile: DockerfileFacts, start: StageFacts): StageFacts[] {
  const chain: StageFacts[] = [];
  let current: StageFacts | undefined = start;
  while (current && !chain.includes(current)) {
    chain.push(current);
    const base: StageBase = current.base;
    current = base.kind === 'stage' ? dockerfile.stages[base.index] : undefined;
  }
  return chain;
}

/** The instructions of a stage chain in build order (the farthest ancestor first). */
export function chainInstructions(chain: readonly StageFacts[]): DockerInstruction[] {
  return [...chain].reverse().flatMap((facts) => facts.stage.instructions);
}

/**
 * Resolves variables in a stage instruction from the ARG and ENV before it in its chain. A name the
 * Dockerfile does not assign could come from the base image, so it stays unresolved.
 */
export function resolveInStage(dockerfile: DockerfileFacts, chain: readonly StageFacts[], before: DockerInstruction, text: string): Substitution {
  const globals = new Map(dockerfile.globalArgs.map((argument) => [argument.name, argument.value]));
  const values = new Map<string, string | undefined>();
  for (const instruction of chainInstructions(chain)) {
    if (instruction === before) break;
    if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
    for (const property of instruction.properties) {
      const value = property.value ?? (instruction.keyword === 'ARG' ? globals.get(property.name) : undefined);
      values.set(property.name, value !== undefined && value.includes('$') ? undefined : value);
    }
  }
  return substitute(text, (name) => values.get(name));
}
