import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import path from 'node:path';
import { lockfileFacts } from '../../facts/supply-chain/lockfiles.js';
import { packageLabel, unsupportedFinding } from './unsupported.js';

export default defineControl({
  meta: {
    id: 'no-dependency-install-scripts',
    title: 'No locked npm package runs install scripts, unless allowed by name',
    domain: 'supply-chain',
    severity: 'medium',
    rationale:
      'Install scripts (preinstall, install, postinstall) run arbitrary code on every developer machine and CI runner at install time; most npm malware spreads through them.',
    remediation:
      'Remove or replace the dependency, disable install scripts (`ignore-scripts=true` in .npmrc, `enableScripts: false` in .yarnrc.yml), or, when its script is needed and reviewed (a native build, say), add its name to the allow parameter.',
    facts: ['lockfiles'],
    params: {
      allow: { type: 'string[]', default: [], description: 'Package names whose install scripts have been reviewed and may run.' },
    },
  },
  async check({ facts, params }) {
    const { lockfiles, scriptsDisabled } = await facts(lockfileFacts);
    const npmLockfiles = lockfiles.filter((lockfile) => lockfile.ecosystem === 'npm');
    if (npmLockfiles.length === 0) return notApplicable('no npm, yarn or pnpm lockfile (other ecosystems record no install scripts)');
    const allowed = new Set(params.allow);
    const findings: FindingInput[] = [];
    const disabledBy: string[] = [];
    for (const lockfile of npmLockfiles) {
      // The project's own settings file (beside its lockfile) stops every dependency's scripts from running.
      const disabled = scriptsDisabled.find((setting) => path.posix.dirname(setting.file) === path.posix.dirname(lockfile.file));
      if (disabled) {
        disabledBy.push(`${lockfile.file}: ${disabled.setting} (${disabled.file}:${disabled.line})`);
        continue;
      }
      if (!lockfile.supported) {
        findings.push(unsupportedFinding(lockfile));
        continue;
      }
      if (lockfile.packages.length > 0 && lockfile.packages.every((pkg) => pkg.hasInstallScript === undefined)) {
        findings.push({
          message: `${lockfile.file} (${lockfile.format}) does not record which packages run install scripts`,
          file: lockfile.file,
          key: `unrecorded:${lockfile.file}`,
          outcome: 'unknown',
        });
        continue;
      }
      for (const pkg of lockfile.packages) {
        if (!pkg.hasInstallScript || allowed.has(pkg.name)) continue;
        findings.push({
          message: `${packageLabel(pkg)} in ${lockfile.file} runs an install script${pkg.dev ? ' (dev dependency)' : ''}`,
          file: lockfile.file,
          line: pkg.line,
          key: pkg.name,
          properties: { package: pkg.name, version: pkg.version, ecosystem: pkg.ecosystem },
        });
      }
    }
    const notes = [`${npmLockfiles.length} npm lockfile(s) checked`, ...(disabledBy.length ? [`scripts disabled for ${disabledBy.join(', ')}`] : []), ...(allowed.size ? [`allowed: ${[...allowed].join(', ')}`] : [])];
    return evaluated(findings, notes.join('; '));
  },
});
