import type { CommandKind } from './commands.js';
import type { CiUse } from './model.js';

/**
 * Actions, images, orbs, templates, pipes and tasks whose name says what they do. Matched on the
 * lower-cased reference without its version; a prefix ending in `/` matches a whole owner or folder.
 */
const KNOWN: { prefix: string; kinds: CommandKind[] }[] = [
  // Static analysis for security (SAST)
  { prefix: 'github/codeql-action/analyze', kinds: ['sast'] },
  { prefix: 'github/codeql-action/init', kinds: ['sast'] },
  { prefix: 'returntocorp/semgrep', kinds: ['sast'] },
  { prefix: 'semgrep/semgrep', kinds: ['sast'] },
  { prefix: 'securego/gosec', kinds: ['sast'] },
  { prefix: 'sonarsource/sonarcloud-github-action', kinds: ['sast'] },
  { prefix: 'sonarsource/sonarqube-scan-action', kinds: ['sast'] },
  { prefix: 'sonarsource/sonar-scanner-cli', kinds: ['sast'] },
  { prefix: 'sonarsource/sonarcloud', kinds: ['sast'] },
  { prefix: 'atlassian/sonarcloud-scan', kinds: ['sast'] },
  { prefix: 'sonarsource/sonarqube-scan', kinds: ['sast'] },
  { prefix: 'sonarqubeprepare', kinds: ['sast'] },
  { prefix: 'sonarcloudprepare', kinds: ['sast'] },
  { prefix: 'pycqa/bandit', kinds: ['sast'] },
  { prefix: 'ajinabraham/njsscan-action', kinds: ['sast'] },
  { prefix: 'shiftleftsecurity/scan-action', kinds: ['sast'] },
  { prefix: 'presidentbeef/brakeman', kinds: ['sast'] },
  { prefix: 'security/sast.gitlab-ci.yml', kinds: ['sast'] },
  { prefix: 'jobs/sast.gitlab-ci.yml', kinds: ['sast'] },
  { prefix: 'jobs/sast-iac.gitlab-ci.yml', kinds: ['iac-scan'] },
  { prefix: 'jobs/sast-iac.latest.gitlab-ci.yml', kinds: ['iac-scan'] },
  { prefix: 'security/sast-iac.gitlab-ci.yml', kinds: ['iac-scan'] },
  { prefix: 'auto-devops.gitlab-ci.yml', kinds: ['build', 'sast', 'secret-scan', 'vulnerability-scan', 'container-scan', 'dast', 'test', 'deploy'] },
  { prefix: 'advancedsecurity-codeql-analyze', kinds: ['sast'] },
  // Secret scanners
  { prefix: 'gitleaks/gitleaks-action', kinds: ['secret-scan'] },
  { prefix: 'zricethezav/gitleaks', kinds: ['secret-scan'] },
  { prefix: 'ghcr.io/gitleaks/gitleaks', kinds: ['secret-scan'] },
  { prefix: 'trufflesecurity/trufflehog', kinds: ['secret-scan'] },
  { prefix: 'gitguardian/ggshield', kinds: ['secret-scan'] },
  { prefix: 'gitguardian/ggshield-action', kinds: ['secret-scan'] },
  { prefix: 'reviewdog/action-detect-secrets', kinds: ['secret-scan'] },
  { prefix: 'secretlint/secretlint', kinds: ['secret-scan'] },
  { prefix: 'atlassian/git-secrets-scan', kinds: ['secret-scan'] },
  { prefix: 'security/secret-detection.gitlab-ci.yml', kinds: ['secret-scan'] },
  { prefix: 'jobs/secret-detection.gitlab-ci.yml', kinds: ['secret-scan'] },
  // Dependency vulnerability scanners
  { prefix: 'actions/dependency-review-action', kinds: ['vulnerability-scan'] },
  { prefix: 'google/osv-scanner-action', kinds: ['vulnerability-scan'] },
  { prefix: 'aquasecurity/trivy-action', kinds: ['vulnerability-scan'] },
  { prefix: 'anchore/scan-action', kinds: ['vulnerability-scan'] },
  { prefix: 'snyk/actions/', kinds: ['vulnerability-scan'] },
  { prefix: 'snyk/snyk-scan', kinds: ['vulnerability-scan'] },
  { prefix: 'pypa/gh-action-pip-audit', kinds: ['vulnerability-scan'] },
  { prefix: 'rustsec/audit-check', kinds: ['vulnerability-scan'] },
  { prefix: 'actions-rs/audit-check', kinds: ['vulnerability-scan'] },
  { prefix: 'golang/govulncheck-action', kinds: ['vulnerability-scan'] },
  { prefix: 'security/dependency-scanning.gitlab-ci.yml', kinds: ['vulnerability-scan'] },
  { prefix: 'jobs/dependency-scanning.gitlab-ci.yml', kinds: ['vulnerability-scan'] },
  { prefix: 'jobs/dependency-scanning.latest.gitlab-ci.yml', kinds: ['vulnerability-scan'] },
  { prefix: 'security/dependency-scanning.latest.gitlab-ci.yml', kinds: ['vulnerability-scan'] },
  { prefix: 'pyupio/safety-action', kinds: ['vulnerability-scan'] },
  { prefix: 'socketdev/', kinds: ['vulnerability-scan'] },
  // Infrastructure-as-code scanners
  { prefix: 'bridgecrewio/checkov-action', kinds: ['iac-scan'] },
  { prefix: 'aquasecurity/tfsec-action', kinds: ['iac-scan'] },
  { prefix: 'aquasecurity/tfsec-sarif-action', kinds: ['iac-scan'] },
  { prefix: 'aquasecurity/tfsec-pr-commenter-action', kinds: ['iac-scan'] },
  { prefix: 'checkmarx/kics-github-action', kinds: ['iac-scan'] },
  { prefix: 'tenable/terrascan-action', kinds: ['iac-scan'] },
  { prefix: 'accurics/terrascan-action', kinds: ['iac-scan'] },
  // Container image scanners
  { prefix: 'docker/scout-action', kinds: ['container-scan'] },
  { prefix: 'jobs/container-scanning.gitlab-ci.yml', kinds: ['container-scan'] },
  { prefix: 'security/container-scanning.gitlab-ci.yml', kinds: ['container-scan'] },
  { prefix: 'jobs/container-scanning.latest.gitlab-ci.yml', kinds: ['container-scan'] },
  // Dynamic application security testing (DAST)
  { prefix: 'zaproxy/action-baseline', kinds: ['dast'] },
  { prefix: 'zaproxy/action-full-scan', kinds: ['dast'] },
  { prefix: 'zaproxy/action-api-scan', kinds: ['dast'] },
  { prefix: 'projectdiscovery/nuclei-action', kinds: ['dast'] },
  { prefix: 'security/dast.gitlab-ci.yml', kinds: ['dast'] },
  { prefix: 'jobs/dast.gitlab-ci.yml', kinds: ['dast'] },
  { prefix: 'security/dast-api.gitlab-ci.yml', kinds: ['dast'] },
  { prefix: 'owasp/zap2docker-stable', kinds: ['dast'] },
  { prefix: 'ghcr.io/zaproxy/zaproxy', kinds: ['dast'] },
  { prefix: 'softwaresecurityproject/zap-stable', kinds: ['dast'] },
  // Builds
  { prefix: 'docker/build-push-action', kinds: ['build'] },
  // Linters
  { prefix: 'golangci/golangci-lint-action', kinds: ['lint'] },
  { prefix: 'dominikh/staticcheck-action', kinds: ['lint'] },
  { prefix: 'github/super-linter', kinds: ['lint'] },
  { prefix: 'super-linter/super-linter', kinds: ['lint'] },
  { prefix: 'wearerequired/lint-action', kinds: ['lint'] },
  { prefix: 'astral-sh/ruff-action', kinds: ['lint'] },
  { prefix: 'chartboost/ruff-action', kinds: ['lint'] },
  { prefix: 'psf/black', kinds: ['lint'] },
  { prefix: 'actions-rs/clippy-check', kinds: ['lint'] },
  { prefix: 'pre-commit/action', kinds: ['lint'] },
  { prefix: 'reviewdog/action-eslint', kinds: ['lint'] },
  { prefix: 'reviewdog/action-rubocop', kinds: ['lint'] },
  { prefix: 'reviewdog/action-golangci-lint', kinds: ['lint'] },
  { prefix: 'reviewdog/action-flake8', kinds: ['lint'] },
  { prefix: 'sibiraj-s/action-eslint', kinds: ['lint'] },
  { prefix: 'actionsx/prettier', kinds: ['lint'] },
  { prefix: 'code-quality.gitlab-ci.yml', kinds: ['lint'] },
  { prefix: 'jobs/code-quality.gitlab-ci.yml', kinds: ['lint'] },
  // Test runners
  { prefix: 'cypress-io/github-action', kinds: ['test'] },
  { prefix: 'node/test', kinds: ['test'] },
  { prefix: 'python/test', kinds: ['test'] },
  { prefix: 'go/test', kinds: ['test'] },
  { prefix: 'maven/test', kinds: ['test'] },
  { prefix: 'gradle/test', kinds: ['test'] },
  // Releases and deployments
  { prefix: 'softprops/action-gh-release', kinds: ['publish'] },
  { prefix: 'slsa-framework/slsa-github-generator', kinds: ['publish'] },
  { prefix: 'actions/attest-build-provenance', kinds: ['publish'] },
  { prefix: 'ncipollo/release-action', kinds: ['publish'] },
  { prefix: 'goreleaser/goreleaser-action', kinds: ['publish'] },
  { prefix: 'pypa/gh-action-pypi-publish', kinds: ['publish'] },
  { prefix: 'js-devtools/npm-publish', kinds: ['publish'] },
  { prefix: 'changesets/action', kinds: ['publish'] },
  { prefix: 'cycjimmy/semantic-release-action', kinds: ['publish'] },
  { prefix: 'googleapis/release-please-action', kinds: ['publish'] },
  { prefix: 'google-github-actions/release-please-action', kinds: ['publish'] },
  { prefix: 'actions/create-release', kinds: ['publish'] },
  { prefix: 'rubygems/release-gem', kinds: ['publish'] },
  { prefix: 'jreleaser/release-action', kinds: ['publish'] },
  { prefix: 'atlassian/npm-publish', kinds: ['publish'] },
  { prefix: 'npmauthenticate', kinds: [] },
  { prefix: 'actions/deploy-pages', kinds: ['deploy'] },
  { prefix: 'peaceiris/actions-gh-pages', kinds: ['deploy'] },
  { prefix: 'jamesives/github-pages-deploy-action', kinds: ['deploy'] },
  { prefix: 'aws-actions/amazon-ecs-deploy-task-definition', kinds: ['deploy'] },
  { prefix: 'aws-actions/aws-cloudformation-github-deploy', kinds: ['deploy'] },
  { prefix: 'azure/webapps-deploy', kinds: ['deploy'] },
  { prefix: 'azure/functions-action', kinds: ['deploy'] },
  { prefix: 'azure/k8s-deploy', kinds: ['deploy'] },
  { prefix: 'azure/arm-deploy', kinds: ['deploy'] },
  { prefix: 'google-github-actions/deploy-', kinds: ['deploy'] },
  { prefix: 'cloudflare/wrangler-action', kinds: ['deploy'] },
  { prefix: 'cloudflare/pages-action', kinds: ['deploy'] },
  { prefix: 'amondnet/vercel-action', kinds: ['deploy'] },
  { prefix: 'akhileshns/heroku-deploy', kinds: ['deploy'] },
  { prefix: 'nwtgck/actions-netlify', kinds: ['deploy'] },
  { prefix: 'firebaseextended/action-hosting-deploy', kinds: ['deploy'] },
  { prefix: 'easingthemes/ssh-deploy', kinds: ['deploy'] },
  { prefix: 'atlassian/aws-', kinds: ['deploy'] },
  { prefix: 'atlassian/azure-', kinds: ['deploy'] },
  { prefix: 'atlassian/google-', kinds: ['deploy'] },
  { prefix: 'atlassian/heroku-deploy', kinds: ['deploy'] },
  { prefix: 'atlassian/ssh-run', kinds: ['deploy'] },
  { prefix: 'atlassian/scp-deploy', kinds: ['deploy'] },
  { prefix: 'atlassian/rsync-deploy', kinds: ['deploy'] },
  { prefix: 'azurewebapp', kinds: ['deploy'] },
  { prefix: 'azurermwebappdeployment', kinds: ['deploy'] },
  { prefix: 'azurefunctionapp', kinds: ['deploy'] },
  { prefix: 'kubernetesmanifest', kinds: ['deploy'] },
  { prefix: 'helmdeploy', kinds: ['deploy'] },
  { prefix: 'azureresourcemanagertemplatedeployment', kinds: ['deploy'] },
];

/** What an action, image, orb, template, pipe or task does, as far as its name tells. */
export function classifyUse(kind: CiUse['kind'], ref: string, inputs: Readonly<Record<string, string>> = {}): CommandKind[] {
  const name = normalise(kind, ref);
  const kinds = new Set<CommandKind>();
  for (const known of KNOWN) {
    if (matchesPrefix(name, known.prefix)) {
      known.kinds.forEach((entry) => kinds.add(entry));
    }
  }
  if (name.startsWith('snyk/actions/') && /\bcode\b/.test(inputs.command ?? '')) kinds.add('sast').delete('vulnerability-scan');
  if (name.startsWith('snyk/actions/') && /\biac\b/.test(inputs.command ?? '')) kinds.add('iac-scan').delete('vulnerability-scan');
  if (name.startsWith('snyk/actions/docker') || (name.startsWith('snyk/actions/') && /\bcontainer\b/.test(inputs.command ?? ''))) kinds.add('container-scan').delete('vulnerability-scan');
  if (/(^|\/)tenet-action(\/|$)/.test(name)) for (const entry of ['vulnerability-scan', 'secret-scan', 'iac-scan'] as const) kinds.add(entry);
  if (name === 'aquasecurity/trivy-action') replace(kinds, 'vulnerability-scan', trivyActionKind(inputs['scan-type']));
  if (name === 'anchore/scan-action' && inputs.image) replace(kinds, 'vulnerability-scan', 'container-scan');
  if (name === 'docker/build-push-action' && /^(true|\$\{\{)/.test(inputs.push ?? '')) kinds.add('publish');
  if (name === 'superfly/flyctl-actions' && /deploy/.test(inputs.args ?? '')) kinds.add('deploy');
  if (kind === 'task' && ref.startsWith('deploy:')) kinds.add(inputs.kind === 'publish' ? 'publish' : 'deploy');
  return [...kinds];
}

function replace(kinds: Set<CommandKind>, from: CommandKind, to: CommandKind): void {
  kinds.delete(from);
  kinds.add(to);
}

/** trivy-action scans an image unless `scan-type` says otherwise. */
function trivyActionKind(scanType: string | undefined): CommandKind {
  if (scanType === 'config') return 'iac-scan';
  if (scanType === 'fs' || scanType === 'repo' || scanType === 'rootfs' || scanType === 'sbom') return 'vulnerability-scan';
  return 'container-scan';
}

function matchesPrefix(name: string, prefix: string): boolean {
  if (name === prefix) return true;
  if (prefix.endsWith('/') || prefix.endsWith('-')) return name.startsWith(prefix);
  return name.startsWith(`${prefix}/`) || name.startsWith(`${prefix}-`);
}

/** `actions/checkout@v4` → `actions/checkout`; `docker://alpine:3` → `alpine`; `circleci/node@5` → `circleci/node`; `Task@2` → `task`. */
function normalise(kind: CiUse['kind'], ref: string): string {
  let name = ref.trim().toLowerCase().replace(/^docker:\/\//, '');
  if (kind === 'image') name = name.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
  if (kind !== 'template') name = name.replace(/@.{0,200}$/, '');
  if (kind === 'image' || kind === 'pipe') name = name.replace(/:[^/]{0,128}$/, '');
  return name;
}
