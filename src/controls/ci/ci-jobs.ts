import type { FindingInput } from '../../engine/control.js';
import type { CiFacts, CiJob, CommandKind } from '../../facts/ci/ci.js';

/** `file#job-id`: the resource address of a CI job (the workflow address for GitHub Actions). */
export function jobAddress(job: CiJob): string {
  return `${job.file}#${job.id}`;
}

export function jobsDoing(ci: CiFacts, kind: CommandKind): CiJob[] {
  return ci.jobs.filter((job) => job.kinds.includes(kind));
}

/** Names the first command or use of a job that does `kind`, for a pass reason. */
export function evidenceOf(job: CiJob, kind: CommandKind): string {
  const command = job.commands.find((entry) => entry.kinds.includes(kind));
  if (command) return `${jobAddress(job)} runs \`${command.text.slice(0, 80)}\`${command.via ? ` (${command.via})` : ''}`;
  const use = job.uses.find((entry) => entry.kinds.includes(kind));
  return use ? `${jobAddress(job)} uses ${use.ref}` : jobAddress(job);
}

/**
 * Why a search of the CI configuration cannot be complete, or undefined when it can: files that did
 * not parse, and configuration run from elsewhere (other repositories' workflows, remote includes,
 * orb jobs, templates). A control that finds nothing then says unknown rather than fail.
 */
export function blindSpots(ci: CiFacts): string | undefined {
  const parts = [
    ...ci.unreadable.map((file) => `${file} could not be parsed`),
    ...ci.opaque.map((entry) => `${entry.file} includes ${entry.ref}`),
    ...ci.jobs.flatMap((job) => job.opaque.map((ref) => `${jobAddress(job)} runs ${ref}`)),
  ];
  if (parts.length === 0) return undefined;
  return `CI configuration tenet cannot read: ${[...new Set(parts)].slice(0, 5).join('; ')}${parts.length > 5 ? ' …' : ''}`;
}

/** The finding when no CI system is configured at all. */
export function noCiFinding(what: string): FindingInput {
  return { message: `no CI configuration found, so nothing ${what} (looked for GitHub Actions, GitLab CI, CircleCI, Travis, Jenkinsfile, Azure Pipelines, Bitbucket Pipelines)`, key: 'no-ci' };
}

/**
 * The first job upstream of `job` (through `after`, within its file) that satisfies `matches`, and
 * the unreadable jobs passed on the way, which may hide what they run.
 */
export function upstreamJob(job: CiJob, jobs: readonly CiJob[], matches: (candidate: CiJob) => boolean): { found?: CiJob; blind: string[] } {
  const sameFile = jobs.filter((other) => other.file === job.file && other.system === job.system);
  const seen = new Set<string>([job.id]);
  const queue = [...(job.after ?? [])];
  const blind: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    const candidate = sameFile.find((other) => other.id === id);
    if (!candidate) continue;
    if (matches(candidate)) return { found: candidate, blind };
    // A job that calls a reusable workflow of this repository runs that workflow's jobs.
    const called = candidate.uses.filter((use) => use.kind === 'action' && /^\.\/.{1,200}\.ya?ml$/.test(use.ref)).map((use) => use.ref.slice(2));
    const inside = jobs.find((other) => called.includes(other.file) && matches(other));
    if (inside) return { found: inside, blind };
    if (candidate.opaque.length > 0) blind.push(jobAddress(candidate));
    queue.push(...(candidate.after ?? []));
  }
  return { blind };
}
