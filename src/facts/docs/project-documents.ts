import path from 'node:path';
import { defineCollector } from '../collector.js';

export interface SecurityPolicyFile {
  file: string;
  /** Ways to report a vulnerability that the file names (e-mail addresses, URLs, advisory links). */
  contacts: string[];
  line?: number;
}

export interface ProjectDocuments {
  fileCount: number;
  securityPolicies: SecurityPolicyFile[];
}

const SECURITY_POLICY = /^security\.(md|markdown|txt|rst|adoc)$/i;
const POLICY_DIRS = new Set(['', '.github', 'docs', '.gitlab']);
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g;
const URL_PATTERN = /https?:\/\/[^\s)>\]"']{3,300}/g;
const REPORTING_WORDS = /\b(report|disclos|vulnerab|advisor|bug bounty|hackerone|bugcrowd|security contact)/i;

/** SECURITY.md and friends, where GitHub looks for them, with the reporting contacts they name. */
export const projectDocuments = defineCollector<ProjectDocuments>({
  id: 'project-documents',
  description: 'Security policy files and the vulnerability-reporting contacts in them',
  collect({ repo }) {
    const securityPolicies: SecurityPolicyFile[] = [];
    for (const entry of repo.files) {
      const directory = path.posix.dirname(entry.path);
      if (!POLICY_DIRS.has(directory === '.' ? '' : directory) || !SECURITY_POLICY.test(path.posix.basename(entry.path))) continue;
      const text = repo.readText(entry.path) ?? '';
      const contacts: string[] = [];
      let line: number | undefined;
      text.split('\n').forEach((content, index) => {
        const found = [...(content.match(EMAIL) ?? []), ...(content.match(URL_PATTERN) ?? [])];
        const isReportingLine = REPORTING_WORDS.test(content) || /security/i.test(content) || /advisories/.test(content);
        if (found.length > 0 && (isReportingLine || REPORTING_WORDS.test(text))) {
          contacts.push(...found);
          line ??= index + 1;
        }
      });
      securityPolicies.push(line === undefined ? { file: entry.path, contacts } : { file: entry.path, contacts, line });
    }
    return { fileCount: repo.files.length, securityPolicies };
  },
});
