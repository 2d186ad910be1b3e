/** A path to a property inside a parsed document: keys and list indexes. */
export type PropertyPath = readonly (string | number)[];

/**
 * What a finding is about: a declared resource, a build stage, a container, a workflow job, a file.
 * Facts hand these to controls; the engine takes a finding's file, address and lines from them and
 * applies inline waivers by one rule for every domain.
 */
export interface Subject {
  /** Repository-relative, forward slashes. */
  readonly file: string;
  /** The resource address (ARCHITECTURE.md), when the subject is a declared resource or part of one. */
  readonly address?: string;
  /** 1-based line where the subject starts. */
  readonly line?: number;
  /** Tells this subject apart from others at the same address (a container's name): part of the fingerprint. */
  readonly part?: string;
  /** The subject this one is declared in (a container's workload, an instruction's stage). */
  readonly parent?: Subject;
  /** The line of a property, by its path inside the subject. */
  lineOf?(path: PropertyPath): number | undefined;
}

/** A subject that is a whole file. */
export function fileSubject(file: string, line?: number): Subject {
  return line === undefined ? { file } : { file, line };
}

/**
 * Links a subject to the one it is declared in. The link is not enumerable: facts print as JSON
 * (`--format raw`), where a link would repeat its target or close a cycle.
 */
export function withParent<S extends Subject>(subject: Omit<S, 'parent'>, parent: NonNullable<S['parent']>): S {
  return Object.defineProperty(subject, 'parent', { value: parent, enumerable: false }) as S;
}
