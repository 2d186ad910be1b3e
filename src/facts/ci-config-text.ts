import { defineCollector } from '../engine/control.js';
import { skippedDirectoryOf } from './lockfiles.js';

export interface CiConfigFile {
  file: string;
  system: string;
  lines: string[];
}

/** Where each CI system keeps its configuration. */
const CI_FILES: { system: string; globs: string[] }[] = [
  { system: 'GitHub Actions', globs: ['.github/workflows/*.yml', '.github/workflows/*.yaml'] },
  { system: 'GitLab CI', globs: ['.gitlab-ci.yml', '.gitlab-ci/**/*.yml', '.gitlab/ci/**/*.yml'] },
  { system: 'CircleCI', globs: ['.circleci/config.yml'] },
  { system: 'Travis CI', globs: ['.travis.yml'] },
  { system: 'Jenkins', globs: ['Jenkinsfile', '**/Jenkinsfile'] },
  { system: 'Azure Pipelines', globs: ['azure-pipelines.yml', '.azure-pipelines/**/*.yml'] },
  { system: 'Bitbucket Pipelines', globs: ['bitbucket-pipelines.yml'] },
];

/**
 * CI configuration files as lines of text. Deliberately shallow: the supply-chain controls only look
 * for tool invocations, which read the same in every CI system's syntax.
 */
export const ciConfigTextFacts = defineCollector<CiConfigFile[]>({
  id: 'ci-config-text',
  description: 'CI configuration files (GitHub Actions, GitLab, CircleCI, Travis, Jenkins, Azure, Bitbucket) as text lines',
  collect({ repo }) {
    const files: CiConfigFile[] = [];
    const seen = new Set<string>();
    for (const { system, globs } of CI_FILES) {
      for (const entry of repo.glob(globs)) {
        if (seen.has(entry.path) || skippedDirectoryOf(entry.path) !== undefined) continue;
        seen.add(entry.path);
        const text = repo.readText(entry.path);
        if (text !== undefined) files.push({ file: entry.path, system, lines: text.split('\n') });
      }
    }
    return files;
  },
});
