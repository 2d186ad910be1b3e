import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { codeownersFacts, CODEOWNERS_LOCATIONS } from '../../facts/change-control/codeowners.js';

const LISTED_UNOWNED = 50;

export default defineControl({
  meta: {
    id: 'codeowners-cover-repository',
    title: 'A valid CODEOWNERS gives every tracked path an owner',
    domain: 'change-control',
    severity: 'medium',
    rationale: 'Code owners are asked to review changes to what they own; a path without an owner can change with nobody accountable looking.',
    remediation: 'Add .github/CODEOWNERS starting with a catch-all rule (`* @org/team`) and more specific rules after it; fix any line it reports as invalid.',
    facts: ['codeowners'],
  },
  async check({ facts }) {
    const codeowners = await facts(codeownersFacts);
    if (codeowners.fileCount === 0) return notApplicable('the repository has no files');
    if (!codeowners.file) return evaluated([{ message: `no CODEOWNERS file (looked in ${CODEOWNERS_LOCATIONS.join(', ')})`, key: 'missing' }]);
    const file = codeowners.file;
    if (!codeowners.readable) return evaluated([{ message: `${file} could not be read`, file, key: 'unreadable' }]);
    const findings: FindingInput[] = codeowners.problems.map((problem) => ({ message: problem.message, file, line: problem.line, key: `${problem.line}:${problem.message}` }));
    for (const entry of codeowners.unowned.slice(0, LISTED_UNOWNED)) {
      findings.push({
        message: entry.line ? `${entry.path} is left without an owner by the rule on line ${entry.line}` : `${entry.path} has no owner`,
        file,
        line: entry.line,
        key: entry.path,
      });
    }
    if (codeowners.unowned.length > LISTED_UNOWNED) {
      findings.push({ message: `… and ${codeowners.unowned.length - LISTED_UNOWNED} more paths without an owner`, file, key: 'more-unowned' });
    }
    return evaluated(findings, `${file}: ${codeowners.ruleCount} rules, ${codeowners.fileCount - codeowners.unowned.length} of ${codeowners.fileCount} paths owned`);
  },
});
