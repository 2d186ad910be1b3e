import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { tsconfigFacts } from '../../facts/ci/tsconfig.js';

export default defineControl({
  meta: {
    id: 'typescript-strict',
    title: 'Every tsconfig in use has strict type checking',
    domain: 'ci',
    severity: 'low',
    rationale: 'Without `strict`, TypeScript lets null and undefined flow anywhere and silently types unknown values as `any`, hiding the defects the type checker exists to catch.',
    remediation: 'Set `"strict": true` in compilerOptions (or extend a strict base such as @tsconfig/strictest) and do not turn any strict flag back off.',
    facts: ['tsconfig'],
  },
  async check({ facts }) {
    const configs = (await facts(tsconfigFacts)).configs.filter((config) => !config.baseOnly);
    if (configs.length === 0) return notApplicable('no tsconfig*.json in the repository');
    const findings: FindingInput[] = [];
    for (const config of configs) {
      if (config.strict === 'yes') continue;
      if (config.strict === 'unknown') {
        findings.push({ message: `${config.file}: strictness unknown: ${config.reason ?? ''}`, file: config.file, line: config.line, key: 'unknown', outcome: 'unknown' });
        continue;
      }
      findings.push({
        message: `${config.file} is not strict: ${config.off.length === 8 ? '"strict" is not true' : `${config.off.join(', ')} off`}${config.extends.length ? ` (after extends ${config.extends.join(', ')})` : ''}`,
        file: config.file,
        line: config.line,
        key: config.off.join(','),
      });
    }
    return evaluated(findings, findings.length === 0 ? `${configs.map((config) => config.file).join(', ')} strict` : undefined);
  },
});
