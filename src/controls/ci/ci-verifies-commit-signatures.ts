import path from 'node:path';
import { defineControl, evaluated, notApplicable, unknown, type FindingInput } from '../../engine/control.js';
import { ciFacts, type CiCommand, type CiJob } from '../../facts/ci/ci.js';
import { effectiveArgv, programName, simpleCommands } from '../../facts/ci/commands.js';
import { projectToolingFacts } from '../../facts/ci/project-tooling.js';
import { signerFileFacts } from '../../facts/ci/signer-files.js';
import { blindSpots, jobAddress, noCiFinding, upstreamJob } from './ci-jobs.js';

const ID = 'ci-verifies-commit-signatures';

export default defineControl({
  meta: {
    id: ID,
    title: 'CI verifies commit signatures against committed keys before building',
    domain: 'ci',
    severity: 'medium',
    rationale: "A signature badge on the forge only says the forge trusts the key. Verifying signatures in the build against a list of allowed signers kept in the repository means a compromised forge account or a forged commit is not built.",
    remediation: 'Commit an allowed_signers file (SSH) or keyring (OpenPGP) and, before the build, run `git -c gpg.ssh.allowedSignersFile=.github/allowed_signers verify-commit HEAD` (or `gpg --import keys/*.asc && git verify-commit HEAD`, or `gitsign verify --certificate-identity … HEAD`) in the CI job, or in a job the build `needs`.',
    facts: ['ci', 'signer-files', 'project-tooling'],
  },
  async check({ facts }) {
    const [ci, signers, tooling] = await Promise.all([facts(ciFacts), facts(signerFileFacts), facts(projectToolingFacts)]);
    if (tooling.languages.length === 0 && tooling.deliverables.length === 0) return notApplicable('nothing is built from this repository');
    if (ci.systems.length === 0) return evaluated([noCiFinding('verifies commit signatures')]);
    const verifying = ci.jobs.flatMap((job) => job.commands.filter(verifiesSignatures).map((command) => ({ job, command })));
    if (verifying.length === 0) {
      const blind = blindSpots(ci);
      if (blind) return unknown(`no commit signature verification found in the CI configuration tenet can read; ${blind}`);
      return evaluated([{ message: 'no CI job verifies commit signatures (git verify-commit, git log --show-signature with a failing check, gitsign verify)', file: ci.systems[0]?.files[0], key: 'no-verification' }]);
    }
    const anchored = verifying.filter(({ job, command }) => isAnchored(job, command, signers));
    if (anchored.length === 0) {
      const first = verifying[0];
      return evaluated([
        {
          message: `${first ? jobAddress(first.job) : 'CI'} verifies signatures, but not against signers committed to the repository (${signers.length ? `found ${signers.slice(0, 3).join(', ')}, not referenced by the job` : 'no allowed_signers file or keyring found'})`,
          file: first?.command.file,
          line: first?.command.line,
          key: 'no-committed-signers',
        },
      ]);
    }
    const builds = ci.jobs.filter((job) => job.kinds.includes('build'));
    const gated = builds.filter((build) => anchored.some((entry) => entry.job === build && before(entry.command, build)) || upstreamJob(build, ci.jobs, (candidate) => anchored.some((entry) => entry.job === candidate)).found);
    const head = anchored[0];
    const evidence = head ? `${jobAddress(head.job)} runs \`${head.command.text.slice(0, 80)}\`` : '';
    const gate = gated[0];
    if (builds.length === 0) return evaluated([], `${evidence}; no CI build seen`);
    if (gate) return evaluated([], `${evidence} before ${jobAddress(gate)} builds`);
    const findings: FindingInput[] = builds.slice(0, 5).map((build) => ({
      message: `${jobAddress(build)} builds without waiting for the signature check (${evidence})`,
      file: build.file,
      line: build.line,
      resource: jobAddress(build),
      key: jobAddress(build),
    }));
    return evaluated(findings);
  },
});

/** `git verify-commit`, `git verify-tag`, `gitsign verify`, and `git log --show-signature` (or `%G?`) whose result is checked. */
function verifiesSignatures(command: CiCommand): boolean {
  return simpleCommands(command.text).some((words) => {
    const [raw = '', ...args] = effectiveArgv(words);
    const program = programName(raw);
    if (program === 'git') {
      if (args.includes('verify-commit') || args.includes('verify-tag')) return true;
      const logsSignatures = args.includes('log') && args.some((arg) => arg === '--show-signature' || arg.includes('%G?'));
      return logsSignatures && /\bgrep\b|\bexit\b|\|\||\btest\b|\[/.test(command.text);
    }
    if (program === 'gitsign') return args.includes('verify') || args.includes('verify-tag');
    return (program === 'sq-git' || program === 'sequoia-git') && args.includes('verify');
  });
}

/** A verification tied to committed signers: the job names one of the signer files, or gitsign pins identities. */
function isAnchored(job: CiJob, command: CiCommand, signers: readonly string[]): boolean {
  if (/\bgitsign\b/.test(command.text) && /--certificate-identity/.test(command.text)) return true;
  const texts = job.commands.map((entry) => entry.text);
  return signers.some((file) => texts.some((text) => text.includes(file) || text.includes(path.posix.basename(file))));
}

/** Whether the verification runs before the job's first build command. */
function before(command: CiCommand, job: CiJob): boolean {
  const index = job.commands.indexOf(command);
  const build = job.commands.findIndex((entry) => entry.kinds.includes('build'));
  return build === -1 || index < build;
}
