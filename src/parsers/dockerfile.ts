import { DockerfileParser, type Instruction } from 'dockerfile-ast';

/** A `NAME=value` of ENV, ARG or LABEL; `value` is undefined for a bare `ARG NAME`. */
export interface DockerProperty {
  name: string;
  value: string | undefined;
  line: number;
}

export interface DockerInstruction {
  /** Upper-case keyword (`RUN`, `COPY` …). */
  keyword: string;
  /** 1-based line of the keyword. */
  line: number;
  /** `--name=value` flags before the arguments (`--from`, `--chown`, `--checksum` …). */
  flags: ReadonlyMap<string, string | undefined>;
  /** The arguments: shell words, or the strings of the JSON (exec) form. */
  args: string[];
  /** The arguments as one text, line continuations joined, heredoc bodies included. */
  text: string;
  /** Whether the arguments were written in JSON (exec) form. */
  json: boolean;
  /** ENV, ARG and LABEL assignments. */
  properties: DockerProperty[];
}

export interface DockerStage {
  /** 0-based position among the FROMs. */
  index: number;
  /** The `AS name`, if any. */
  name?: string;
  /** Line of the FROM. */
  line: number;
  /** The image reference as written, variables unresolved. */
  image: string;
  from: DockerInstruction;
  /** Everything after the FROM, up to the next FROM. */
  instructions: DockerInstruction[];
}

export interface ParsedDockerfile {
  escape: string;
  /** ARGs before the first FROM: the only variables a FROM can use. */
  globalArgs: DockerProperty[];
  stages: DockerStage[];
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export class DockerfileSyntaxError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'DockerfileSyntaxError';
  }
}

/**
 * Parses a Dockerfile into stages with 1-based lines. Throws DockerfileSyntaxError where `docker build`
 * would refuse the file (no FROM, an unknown instruction, an instruction other than ARG before the
 * first FROM), because a misread build is worse than an unread one.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const dockerfile = DockerfileParser.parse(text);
  const globalArgs: DockerProperty[] = [];
  const stages: DockerStage[] = [];
  for (const raw of dockerfile.getInstructions()) {
    const instruction = toInstruction(raw);
    if (!KEYWORDS.has(instruction.keyword)) throw new DockerfileSyntaxError(`unknown instruction '${raw.getInstruction()}'`, instruction.line);
    if (instruction.keyword === 'FROM') {
      stages.push(toStage(instruction, stages.length));
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') throw new DockerfileSyntaxError(`${instruction.keyword} before the first FROM`, instruction.line);
      globalArgs.push(...instruction.properties);
    } else {
      stages[stages.length - 1]?.instructions.push(instruction);
    }
  }
  if (stages.length === 0) throw new DockerfileSyntaxError('no FROM instruction');
  return { escape: dockerfile.getEscapeCharacter(), globalArgs, stages };
}

function toStage(from: DockerInstruction, index: number): DockerStage {
  const [image, as, name, ...rest] = from.args;
  if (image === undefined) throw new DockerfileSyntaxError('FROM without an image', from.line);
  if (as !== undefined && (as.toUpperCase() !== 'AS' || name === undefined || rest.length > 0)) {
    throw new DockerfileSyntaxError(`malformed FROM '${from.text}'`, from.line);
  }
  const stage: DockerStage = { index, line: from.line, image, from, instructions: [] };
  if (name !== undefined) stage.name = name.toLowerCase();
  return stage;
}

function toInstruction(raw: Instruction): DockerInstruction {
  const keyword = raw.getKeyword().toUpperCase();
  const text = raw.getArgumentsContent() ?? '';
  const flags = new Map<string, string | undefined>();
  if ('getFlags' in raw && typeof raw.getFlags === 'function') {
    for (const flag of (raw as Instruction & { getFlags(): { getName(): string; getValue(): string | null }[] }).getFlags()) {
      flags.set(flag.getName().toLowerCase(), flag.getValue() ?? undefined);
    }
  }
  const json = jsonForm(text);
  const properties: DockerProperty[] = [];
  if ('getProperties' in raw && typeof raw.getProperties === 'function') {
    for (const property of (raw as Instruction & { getProperties(): PropertyLike[] }).getProperties()) {
      properties.push({ name: property.getName(), value: property.getValue() ?? undefined, line: property.getRange().start.line + 1 });
    }
  }
  return {
    keyword,
    line: raw.getRange().start.line + 1,
    flags,
    args: json ?? raw.getArguments().map((argument) => argument.getValue()),
    text,
    json: json !== undefined,
    properties,
  };
}

interface PropertyLike {
  getName(): string;
  getValue(): string | null;
  getRange(): { start: { line: number } };
}

/** The strings of an exec-form argument list, or undefined when the text is shell form. */
function jsonForm(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
  } catch {
    return undefined;
  }
}

export type Substitution = { value: string } | { unresolved: string[] };

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]{0,200})(?:(:?[-+])([^}]{0,500}))?\}|([A-Za-z_][A-Za-z0-9_]{0,200}))/g;

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}` the way BuildKit does.
 * `lookup` gives a variable's static value ('' when it is not declared) or undefined when only the
 * build can tell (an ARG without a default); any such variable leaves the text unresolved.
 */
export function substitute(text: string, lookup: (name: string) => string | undefined): Substitution {
  const unresolved: string[] = [];
  const value = text.replace(VARIABLE, (whole, braced: string | undefined, operator: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const current = lookup(name);
    if (current === undefined) {
      unresolved.push(name);
      return whole;
    }
    if (operator === undefined) return current;
    // Undeclared and empty are alike here: lookup cannot tell them apart, and neither names an image.
    const isSet = current !== '';
    if (operator.endsWith('-')) return isSet ? current : (word ?? '');
    return isSet ? (word ?? '') : '';
  });
  return unresolved.length > 0 ? { unresolved } : { value };
}
