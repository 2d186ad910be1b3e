import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import { isRecord } from '../../core/records.js';

export interface EnvironmentEvidence {
  /** Normalised name: production, staging, development, test, or the name as written. */
  environment: string;
  file: string;
  line?: number;
  /** What shows it: a CI deployment environment, a Kubernetes overlay, a Terraform directory … */
  source: string;
}

export interface EnvironmentFacts {
  evidence: EnvironmentEvidence[];
  /** Files that deploy or define infrastructure, so that a missing separation matters. */
  deploymentArtifacts: string[];
}

const ALIASES: Record<string, string> = {
  prod: 'production',
  prd: 'production',
  production: 'production',
  live: 'production',
  stag: 'staging',
  stage: 'staging',
  staging: 'staging',
  stg: 'staging',
  preprod: 'staging',
  'pre-production': 'staging',
  dev: 'development',
  develop: 'development',
  development: 'development',
  local: 'development',
  test: 'test',
  testing: 'test',
  qa: 'test',
  uat: 'test',
  sandbox: 'development',
  preview: 'preview',
};

/** Maps the many spellings of an environment to one name, or undefined for a word that is none. */
export function normaliseEnvironment(name: string, exact = false): string | undefined {
  const lower = name.toLowerCase().trim();
  if (ALIASES[lower]) return ALIASES[lower];
  if (exact) return undefined;
  for (const [alias, canonical] of Object.entries(ALIASES)) {
    if (new RegExp(`(^|[-_.])${alias}($|[-_.])`).test(lower)) return canonical;
  }
  return undefined;
}

/** Path shapes that name an environment, each with what they show. */
const PATH_SHAPES: { pattern: RegExp; source: string }[] = [
  { pattern: /(?:^|\/)overlays\/([^/]+)\//, source: 'Kubernetes overlay' },
  { pattern: /(?:^|\/)(?:environments|envs|env|stages|deployments)\/([^/]+)\/[^/]+\.(?:tf|tfvars|ya?ml|json|hcl)$/, source: 'per-environment directory' },
  { pattern: /(?:^|\/)([^/]+)\.tfvars(?:\.json)?$/, source: 'Terraform variables file' },
  { pattern: /(?:^|\/)values[-.]([^/]+)\.ya?ml$/, source: 'Helm values file' },
  { pattern: /(?:^|\/)config\/environments\/([^/]+)\.rb$/, source: 'Rails environment' },
  { pattern: /(?:^|\/)\.env\.([^/]+)$/, source: 'environment file' },
  { pattern: /(?:^|\/)settings\/([^/]+)\.py$/, source: 'settings module' },
  { pattern: /(?:^|\/)application-([^/]+)\.(?:ya?ml|properties)$/, source: 'Spring profile' },
  { pattern: /(?:^|\/)config\/([^/]+)\.(?:json|ya?ml|toml)$/, source: 'configuration file' },
];

const DEPLOYMENT_FILE = /(^|\/)(Dockerfile|docker-compose\.ya?ml|[^/]+\.tf|[^/]+\.tf\.json|Chart\.yaml|kustomization\.ya?ml|serverless\.ya?ml|app\.yaml|Procfile|fly\.toml|vercel\.json|netlify\.toml)$/;

/** Environments the configuration distinguishes, from CI deployments, overlays, IaC layout and config files. */
export const environmentFacts = defineCollector<EnvironmentFacts>({
  id: 'environments',
  description: 'Deployment environments named by CI jobs, Kubernetes overlays, Terraform layout and configuration files',
  collect({ repo }) {
    const evidence: EnvironmentEvidence[] = [];
    const deploymentArtifacts: string[] = [];
    for (const { path: file } of repo.files) {
      if (DEPLOYMENT_FILE.test(file)) deploymentArtifacts.push(file);
      for (const { pattern, source } of PATH_SHAPES) {
        const name = pattern.exec(file)?.[1];
        // A file or directory name must be an environment's name itself: `edit.test.ts` names none.
        const environment = name === undefined ? undefined : normaliseEnvironment(name.replace(/\.example$|\.sample$/, ''), true);
        if (environment) evidence.push({ environment, file, source });
      }
    }
    evidence.push(...ciEnvironments(repo, deploymentArtifacts));
    return { evidence, deploymentArtifacts };
  },
});

function ciEnvironments(repo: Repository, deploymentArtifacts: string[]): EnvironmentEvidence[] {
  const found: EnvironmentEvidence[] = [];
  const workflowFiles = repo.glob(['.github/workflows/*.yml', '.github/workflows/*.yaml']).map((file) => file.path);
  const gitlab = repo.has('.gitlab-ci.yml') ? ['.gitlab-ci.yml'] : [];
  for (const file of [...workflowFiles, ...gitlab]) {
    const document = repo.yaml(file)?.[0];
    if (!document || !isRecord(document.value)) continue;
    const jobs = file.startsWith('.github/') ? document.value.jobs : document.value;
    if (!isRecord(jobs)) continue;
    for (const [jobId, job] of Object.entries(jobs)) {
      if (!isRecord(job) || job.environment === undefined) continue;
      const declared = isRecord(job.environment) ? job.environment.name : job.environment;
      if (typeof declared !== 'string') continue;
      deploymentArtifacts.push(file);
      const environment = normaliseEnvironment(declared) ?? (declared.includes('${{') || declared.includes('$') ? undefined : declared.toLowerCase());
      const keyPath = file.startsWith('.github/') ? ['jobs', jobId, 'environment'] : [jobId, 'environment'];
      if (environment) found.push({ environment, file, line: document.lineOf(keyPath), source: `CI deployment environment of job ${jobId}` });
    }
  }
  return found;
}
