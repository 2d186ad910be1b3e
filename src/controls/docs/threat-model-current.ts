import { defineControl, evaluated, notApplicable, unknown } from '../../engine/control.js';
import { threatModelFacts } from '../../facts/docs/threat-models.js';

const DAY = 86_400_000;

export default defineControl({
  meta: {
    id: 'threat-model-current',
    title: 'A threat model exists and was revised recently',
    domain: 'docs',
    severity: 'medium',
    rationale: 'A threat model records what can go wrong and what the design does about it; one that is not revised as the system changes describes a system that no longer exists.',
    remediation: 'Keep a threat model in the repository (THREAT_MODEL.md, docs/threat-model.md, threagile.yaml, a Threat Dragon or Microsoft TMT model, or a pytm script) and revise it at least once per window, and whenever the architecture changes.',
    params: {
      maxAgeDays: { type: 'number', default: 365, minimum: 1, description: 'Days since the threat model last changed (its latest commit) before it counts as stale.' },
    },
    facts: ['threat-models'],
  },
  async check({ facts, params, now }) {
    const { fileCount, artefacts } = await facts(threatModelFacts);
    if (fileCount === 0) return notApplicable('the repository has no files');
    if (artefacts.length === 0) {
      return evaluated([{ message: 'no threat model found (THREAT_MODEL.md, docs/threat-model*, threagile.yaml, *.tm7, Threat Dragon JSON, pytm)', key: 'missing' }]);
    }
    const dated = artefacts.filter((artefact) => artefact.lastChanged && !artefact.dateUnknown);
    const newest = dated.sort((a, b) => Date.parse(b.lastChanged ?? '') - Date.parse(a.lastChanged ?? ''))[0];
    const names = artefacts.map((artefact) => artefact.file).join(', ');
    if (!newest?.lastChanged) return unknown(`threat model found (${names}), but ${artefacts[0]?.dateUnknown ?? 'its date is unknown'}`);
    const ageDays = Math.floor((now.getTime() - Date.parse(newest.lastChanged)) / DAY);
    const when = `${newest.file} last changed ${newest.lastChanged.slice(0, 10)} (${ageDays} days ago)`;
    if (ageDays <= params.maxAgeDays) return evaluated([], when);
    return evaluated([{ message: `${when}, more than ${params.maxAgeDays} days`, file: newest.file, key: 'stale' }]);
  },
});
