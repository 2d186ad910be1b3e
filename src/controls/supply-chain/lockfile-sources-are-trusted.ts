import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { redactUrlCredentials } from '../../core/redact.js';
import { lockfileFacts } from '../../facts/supply-chain/lockfiles.js';
import { DEFAULT_ALLOWED_REGISTRIES, judgeSource } from './source-trust.js';
import { packageLabel, unsupportedFinding } from './unsupported.js';

export default defineControl({
  meta: {
    id: 'lockfile-sources-are-trusted',
    title: 'Every locked package comes over https from an allowed registry',
    domain: 'supply-chain',
    severity: 'high',
    rationale:
      'Packages fetched from git repositories, plain-http URLs or arbitrary hosts bypass the registry\'s immutability and malware screening, and a plain-http fetch can be tampered with on the way.',
    remediation:
      'Depend on published registry versions instead of git, http or file sources, or add your private registry (host, or host/path prefix) to the allowedRegistries parameter.',
    facts: ['lockfiles'],
    params: {
      allowedRegistries: {
        type: 'string[]',
        default: DEFAULT_ALLOWED_REGISTRIES,
        description: 'Hosts (or host/path prefixes) packages may be fetched from over https. Packages whose lockfile names no source come from the default registry.',
      },
    },
  },
  async check({ facts, params }) {
    const { lockfiles, registries } = await facts(lockfileFacts);
    if (lockfiles.length === 0 && registries.length === 0) return notApplicable('no lockfile or registry configuration in the repository');
    const findings: FindingInput[] = [];
    let judged = 0;
    // Lockfiles that record no source (pnpm v9, yarn berry) fetch from the configured registry.
    for (const registry of registries) {
      judged++;
      const verdict = judgeSource(registry.url, params.allowedRegistries);
      if (verdict.trusted) continue;
      const shown = redactUrlCredentials(registry.url);
      findings.push({
        message: `${registry.ecosystem} registry${registry.scope ? ` (${registry.scope})` : ''} configured in ${registry.file} is ${verdict.why}: ${shown}`,
        file: registry.file,
        line: registry.line,
        key: `registry ${registry.scope ?? ''} ${shown}`,
        evidence: shown.slice(0, 200),
      });
    }
    for (const lockfile of lockfiles) {
      if (!lockfile.supported) {
        findings.push(unsupportedFinding(lockfile));
        continue;
      }
      for (const pkg of lockfile.packages) {
        if (pkg.resolved === undefined) continue;
        judged++;
        const verdict = judgeSource(pkg.resolved, params.allowedRegistries);
        if (verdict.trusted) continue;
        const shown = redactUrlCredentials(pkg.resolved);
        findings.push({
          message: `${packageLabel(pkg)} in ${lockfile.file} is ${verdict.why}: ${shown}`,
          file: lockfile.file,
          line: pkg.line,
          key: `${packageLabel(pkg)} ${shown}`,
          evidence: shown.slice(0, 200),
          properties: { package: pkg.name, version: pkg.version, ecosystem: pkg.ecosystem },
        });
      }
    }
    return evaluated(findings, `${judged} recorded source(s) and configured registries judged; packages without a source come from the configured or default registry`);
  },
});
