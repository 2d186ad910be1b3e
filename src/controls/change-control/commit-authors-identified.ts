import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { defaultBranchHistory } from '../../facts/change-control/default-branch-history.js';

// RFC 2606 / RFC 6761 names that can never belong to a person.
const RESERVED_DOMAINS = ['example.com', 'example.org', 'example.net'];
const RESERVED_SUFFIXES = ['.example', '.test', '.invalid', '.localhost'];
// Hostnames a default git setup derives from the machine (user@host.local) rather than from a person.
const LOCAL_SUFFIXES = ['.local', '.localdomain', '.lan', '.internal', '.home', '.localhost'];

export default defineControl({
  meta: {
    id: 'commit-authors-identified',
    title: 'Every default-branch commit names an attributable author and committer',
    domain: 'change-control',
    severity: 'medium',
    rationale: 'Accountability needs to know who made each change: machine-made, shared or placeholder identities make history anonymous.',
    remediation: "Set user.name and user.email to the person's organisation or GitHub no-reply address on every machine, and stop committing from shared accounts.",
    params: {
      domains: { type: 'string[]', default: [], description: 'E-mail domains identities must belong to (subdomains count); empty accepts any real domain' },
      sharedIdentities: {
        type: 'string[]',
        default: ['root', 'admin', 'administrator', 'user', 'ubuntu', 'ec2-user', 'git', 'jenkins', 'deploy'],
        description: 'Shared accounts, as whole e-mail addresses or local parts (before the @)',
      },
    },
    facts: ['default-branch-history'],
  },
  async check({ facts, params }) {
    const history = await facts(defaultBranchHistory);
    if (history.commits.length === 0) return notApplicable(`no commits on ${history.branch} ${history.window}`);
    const shared = new Set(params.sharedIdentities.map((entry) => entry.toLowerCase()));
    const domains = params.domains.map((domain) => domain.toLowerCase().replace(/^@/, ''));
    const problems = new Map<string, { problem: string; roles: Set<string>; commits: string[] }>();
    for (const commit of history.commits) {
      for (const [role, name, email] of [
        ['author', commit.authorName, commit.authorEmail],
        ['committer', commit.committerName, commit.committerEmail],
      ] as const) {
        const problem = identityProblem(name, email, shared, domains);
        if (!problem) continue;
        const key = `${name} <${email}>`;
        const entry = problems.get(key) ?? { problem, roles: new Set<string>(), commits: [] };
        entry.roles.add(role);
        if (!entry.commits.includes(commit.sha)) entry.commits.push(commit.sha);
        problems.set(key, entry);
      }
    }
    const findings: FindingInput[] = [...problems].map(([identity, entry]) => ({
      message: `${[...entry.roles].join(' and ')} identity "${identity}" on ${entry.commits.length} commit(s), newest ${entry.commits[0]?.slice(0, 12) ?? ''}: ${entry.problem}`,
      resource: `commit:${entry.commits[0]?.slice(0, 12) ?? ''}`,
      key: identity.toLowerCase(),
    }));
    if (history.shallowBoundary) {
      findings.push({ message: `shallow clone: commits before ${history.shallowBoundary.slice(0, 12)} in the window are missing`, key: 'shallow', outcome: 'unknown' });
    }
    const scope = domains.length ? `in ${domains.join(', ')} or GitHub no-reply` : 'with real addresses';
    return evaluated(findings, `${history.commits.length} commits on ${history.branch} ${history.window} checked for identities ${scope}`);
  },
});

/** Why a name/e-mail pair identifies nobody in particular, or undefined when it is attributable. */
export function identityProblem(name: string, email: string, shared: Set<string>, domains: string[]): string | undefined {
  const address = email.trim().toLowerCase();
  if (!name.trim() || !address) return 'the name or e-mail is empty';
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return 'the e-mail is not an address';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (shared.has(address) || shared.has(local)) return 'a shared account';
  if (isGitHubNoReply(address)) return undefined;
  if (domain === 'localhost' || !domain.includes('.') || LOCAL_SUFFIXES.some((suffix) => domain.endsWith(suffix))) return `${domain} is a machine's hostname, not a mail domain`;
  if (RESERVED_DOMAINS.some((reserved) => domain === reserved || domain.endsWith(`.${reserved}`)) || RESERVED_SUFFIXES.some((suffix) => domain.endsWith(suffix))) {
    return `${domain} is a reserved example domain`;
  }
  if (domains.length && !domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`))) return `${domain} is not one of the allowed domains (${domains.join(', ')})`;
  return undefined;
}

/** GitHub's per-user no-reply addresses (ID+login@users.noreply.github.com) and its web-flow committer. */
function isGitHubNoReply(address: string): boolean {
  return address === 'noreply@github.com' || address.endsWith('@users.noreply.github.com');
}
