import { defineCollector } from '../collector.js';
import { connectGitHub, describeFailure, githubSettings, type Visible } from './github-settings.js';

/** One deploy key as GET /repos/{o}/{r}/keys lists it (the key material itself is never kept). */
export interface DeployKey {
  id: number;
  title: string;
  readOnly: boolean;
  createdAt?: string;
  lastUsed?: string | null;
}

export interface GitHubDeployKeys {
  repository: string;
  keys: Visible<DeployKey[]>;
  /** False when more pages existed than were read. */
  complete: boolean;
}

/** The repository's deploy keys; listing them needs admin rights, so a 403/404 is "not visible", never "none". */
export const githubDeployKeys = defineCollector<GitHubDeployKeys>({
  id: 'github-deploy-keys',
  description: 'Deploy keys of the repository from the GitHub API',
  async collect({ repo, options }) {
    const { client, slug } = connectGitHub(repo, options);
    const answer = await client.getAll<{ id?: number; title?: string; read_only?: boolean; created_at?: string; last_used?: string | null }>(`/repos/${slug}/keys`);
    if (!answer.ok) {
      const rights = answer.status === 403 || answer.status === 404 ? '; listing deploy keys needs admin rights on the repository (fine-grained: Administration read)' : '';
      return { repository: slug, keys: { state: 'unavailable', reason: `GET /repos/${slug}/keys: ${describeFailure(answer)}${rights}` }, complete: false };
    }
    const keys = answer.data.map((key) => ({
      id: key.id ?? 0,
      title: key.title ?? '',
      // A key without the field is treated as writable: only an explicit read_only proves it cannot push.
      readOnly: key.read_only === true,
      createdAt: key.created_at,
      lastUsed: key.last_used,
    }));
    return { repository: slug, keys: { state: 'visible', value: keys }, complete: answer.complete !== false };
  },
});

export interface GitHubOwner {
  repository: string;
  login: string;
  /** `Organization` or `User` (a user's repositories have no organisation policy). */
  type: string;
  /** Whether the organisation requires two-factor authentication; visible only to its owners. */
  twoFactorRequired?: Visible<boolean>;
}

export const githubOwner = defineCollector<GitHubOwner>({
  id: 'github-owner',
  description: "The repository's owner and, for an organisation, its two-factor requirement",
  async collect({ repo, options, facts }) {
    const settings = await facts(githubSettings);
    const owner: GitHubOwner = { repository: settings.repository, login: settings.owner.login, type: settings.owner.type };
    if (owner.type !== 'Organization') return owner;
    const { client } = connectGitHub(repo, options);
    const path = `/orgs/${encodeURIComponent(owner.login)}`;
    const answer = await client.get<{ two_factor_requirement_enabled?: boolean | null }>(path);
    if (!answer.ok) owner.twoFactorRequired = { state: 'unavailable', reason: `GET ${path}: ${describeFailure(answer)}` };
    else if (typeof answer.data.two_factor_requirement_enabled !== 'boolean') {
      owner.twoFactorRequired = {
        state: 'unavailable',
        reason: `GET ${path} does not show two_factor_requirement_enabled: only owners of ${owner.login} may see it (classic token: admin:org or read:org as an owner; fine-grained: organisation Administration read)`,
      };
    } else owner.twoFactorRequired = { state: 'visible', value: answer.data.two_factor_requirement_enabled };
    return owner;
  },
});
