import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';

/** A file that describes deployed infrastructure, and the tool it is written for. */
export interface InfrastructureFile {
  file: string;
  kind: string;
}

export interface InfrastructureCodeFacts {
  /** Infrastructure-as-code files other than plain Kubernetes manifests (read through the kubernetes facts). */
  files: InfrastructureFile[];
}

const BY_NAME: [RegExp, string][] = [
  [/\.tf(\.json)?$/, 'Terraform'],
  [/(^|\/)Chart\.ya?ml$/, 'Helm'],
  [/(^|\/)kustomization\.ya?ml$/, 'Kustomize'],
  [/(^|\/)\.ebextensions\/[^/]{1,200}\.config$/, 'Elastic Beanstalk'],
  [/(^|\/)\.elasticbeanstalk\/config\.ya?ml$/, 'Elastic Beanstalk'],
  [/(^|\/)Dockerrun\.aws\.json$/, 'Elastic Beanstalk'],
  [/(^|\/)Pulumi\.ya?ml$/, 'Pulumi'],
  [/(^|\/)cdk\.json$/, 'AWS CDK'],
  [/(^|\/)serverless\.ya?ml$/, 'Serverless Framework'],
  [/(^|\/)samconfig\.toml$/, 'AWS SAM'],
  [/\.nomad(\.hcl)?$/, 'Nomad'],
  [/(^|\/)fly\.toml$/, 'Fly.io'],
  [/(^|\/)render\.ya?ml$/, 'Render'],
  [/(^|\/)copilot\/[^/]{1,100}\/manifest\.ya?ml$/, 'AWS Copilot'],
  // Only compose files named for a deployment: a plain docker-compose.yml is usually a developer setup.
  [/(^|\/)(docker-)?compose\.(prod|production|staging|deploy)\.ya?ml$/, 'Docker Compose'],
];

/** Markers of a CloudFormation or SAM template near the top of a YAML/JSON file. */
const CLOUDFORMATION = /AWSTemplateFormatVersion|Transform:\s{0,8}['"]?AWS::Serverless|"Type"\s{0,8}:\s{0,8}"AWS::[A-Za-z0-9]{1,64}::|Type:\s{0,8}['"]?AWS::[A-Za-z0-9]{1,64}::/;
const TEMPLATE_CANDIDATE = /\.(ya?ml|json|template)$/;
const HEAD_BYTES = 8192;
const MAX_SNIFFED = 3000;

/** Infrastructure-as-code in the repository: Terraform, Helm, Kustomize, CloudFormation/SAM/CDK, Elastic Beanstalk, Pulumi, Serverless, Nomad, platform manifests. */
export const infrastructureCodeFacts = defineCollector<InfrastructureCodeFacts>({
  id: 'infrastructure-code',
  description: 'Files describing deployed infrastructure (Terraform, Helm, Kustomize, CloudFormation/SAM/CDK, Elastic Beanstalk, Pulumi, Serverless, Nomad, Fly.io, Render, Copilot)',
  collect({ repo }) {
    return { files: findInfrastructure(repo) };
  },
});

function findInfrastructure(repo: Repository): InfrastructureFile[] {
  const files: InfrastructureFile[] = [];
  let sniffed = 0;
  for (const { path: file } of repo.files) {
    if (file.split('/').includes('.terraform')) continue;
    const named = BY_NAME.find(([pattern]) => pattern.test(file));
    if (named) {
      files.push({ file, kind: named[1] });
      continue;
    }
    // Package manifests and lockfiles are JSON/YAML too, and never templates.
    if (!TEMPLATE_CANDIDATE.test(file) || /(^|\/)(package(-lock)?\.json|tsconfig[^/]{0,40}\.json|pnpm-lock\.yaml)$/.test(file) || sniffed >= MAX_SNIFFED) continue;
    sniffed++;
    const head = repo.readHead(file, HEAD_BYTES)?.toString('utf8');
    if (head !== undefined && CLOUDFORMATION.test(head)) files.push({ file, kind: path.posix.basename(file).includes('sam') ? 'AWS SAM' : 'CloudFormation' });
  }
  return files;
}
