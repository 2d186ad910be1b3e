import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { nodeRuntimeFacts } from '../../facts/supply-chain/node-runtime.js';
import { judgeNodeVersion } from './node-lts.js';

export default defineControl({
  meta: {
    id: 'runtime-is-lts',
    title: 'The declared Node.js runtime is a current LTS line',
    domain: 'supply-chain',
    severity: 'medium',
    rationale:
      'Only LTS lines get security fixes for long: an odd-numbered Current line or an end-of-life line stops receiving patches, so every later Node.js vulnerability stays open.',
    remediation:
      'Declare a supported LTS line everywhere the runtime is stated: engines.node (its lowest admitted version counts, e.g. ">=22"), .nvmrc/.node-version, Docker `FROM node:<lts>` and the CI node-version matrix.',
    facts: ['node-runtime'],
  },
  async check({ facts, now }) {
    const declarations = await facts(nodeRuntimeFacts);
    if (declarations.length === 0) return notApplicable('no Node.js runtime is declared');
    const findings: FindingInput[] = [];
    const lts: string[] = [];
    for (const declaration of declarations) {
      const verdict = judgeNodeVersion(declaration.value, now);
      if (verdict.status === 'lts') {
        lts.push(`${declaration.file} (${declaration.source} ${declaration.value})`);
        continue;
      }
      findings.push({
        message: `${declaration.source} in ${declaration.file}: ${verdict.summary}`,
        file: declaration.file,
        line: declaration.line,
        key: `${declaration.source} ${declaration.value}`,
        evidence: `${declaration.source}: ${declaration.value}`.slice(0, 120),
        outcome: verdict.status === 'unknown' ? 'unknown' : 'fail',
      });
    }
    return evaluated(findings, lts.length > 0 ? `LTS: ${lts.slice(0, 5).join(', ')}` : undefined);
  },
});
