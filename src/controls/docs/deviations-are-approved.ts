import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { isCalendarDate } from '../../config/load.js';
import { configFileFacts } from '../../facts/docs/config-file.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export default defineControl({
  meta: {
    id: 'deviations-are-approved',
    title: 'Every deviation names an approver, a reason and a near expiry',
    domain: 'docs',
    severity: 'medium',
    rationale:
      'An exception nobody approved, or one that never ends, silently turns a policy into a suggestion; a named approver and a bounded expiry force the risk to be looked at again.',
    remediation:
      'Give each entry under `deviations:` in .tenet.yml an `approvedBy`, a `reason` and an `expires` date no further away than the allowed window (e.g. `tenet deviate ID --reason … --approved-by … --expires …`).',
    facts: ['config-file'],
    params: {
      maxDays: { type: 'number', default: 365, minimum: 1, description: 'Longest allowed time, in days from the scan, until a deviation expires.' },
    },
  },
  async check({ config, params, now, facts }) {
    const deviations = config.deviations ?? [];
    if (deviations.length === 0) return notApplicable('the configuration declares no deviations');
    const written = await facts(configFileFacts);
    // Point at the repository's file only when it is the configuration this scan used.
    const located = written.file !== undefined && JSON.stringify(written.deviations) === JSON.stringify(deviations);
    const findings: FindingInput[] = [];
    deviations.forEach((entry, index) => {
      const target = entry.control ?? entry.requirement ?? '?';
      const resource = `deviations[${index}]`;
      const problems: string[] = [];
      if (!entry.approvedBy) problems.push('names no approver');
      if (!entry.reason) problems.push('gives no reason');
      if (!entry.expires) problems.push('has no expiry date');
      else if (!isCalendarDate(entry.expires)) problems.push(`has an expiry that is not a date (${entry.expires})`);
      else {
        const daysLeft = Math.floor((Date.parse(`${entry.expires}T23:59:59.999Z`) - now.getTime()) / DAY_MS);
        if (daysLeft > params.maxDays) problems.push(`expires ${entry.expires}, ${daysLeft} days away (at most ${params.maxDays} allowed)`);
      }
      for (const problem of problems) {
        const line = located ? written.deviationLines[index] : undefined;
        findings.push({
          message: `the deviation for ${target} ${problem}`,
          resource,
          key: `${target}:${problem.split(' ').slice(0, 3).join(' ')}`,
          ...(located ? { file: written.file } : {}),
          ...(line !== undefined ? { line } : {}),
        });
      }
    });
    return evaluated(findings, findings.length === 0 ? `${deviations.length} deviation(s), each approved and expiring within ${params.maxDays} days` : undefined);
  },
});
