import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { ciFacts } from '../../facts/ci/ci.js';
import { LANGUAGE_NAMES, projectToolingFacts } from '../../facts/ci/project-tooling.js';
import { evidenceOf, jobsDoing } from './ci-jobs.js';

export default defineControl({
  meta: {
    id: 'tests-present',
    title: 'Tests exist and a test command is declared',
    domain: 'ci',
    severity: 'medium',
    rationale: 'Without tests, and one agreed way to run them, nobody can show that a change keeps the product working, and CI has nothing to enforce.',
    remediation: 'Add tests beside the code (*.test.ts, test_*.py, *_test.go, src/test/java …) and declare how to run them: a package.json "test" script, a Makefile "test" target, pytest/tox configuration, or a CI step.',
    facts: ['project-tooling', 'ci'],
  },
  async check({ facts }) {
    const [tooling, ci] = await Promise.all([facts(projectToolingFacts), facts(ciFacts)]);
    if (tooling.languages.length === 0) return notApplicable('no source code in a language tenet recognises');
    const findings: FindingInput[] = [];
    const languages = tooling.languages.map((entry) => LANGUAGE_NAMES[entry.language]).join(', ');
    if (tooling.testFileCount === 0) findings.push({ message: `no test files found for ${languages}`, key: 'no-test-files' });
    const ciTests = jobsDoing(ci, 'test');
    if (tooling.testCommands.length === 0 && ciTests.length === 0) {
      findings.push({ message: 'no test command is declared (package.json "test" script, Makefile test target, pytest/tox configuration or a CI test step)', key: 'no-test-command' });
    }
    if (findings.length > 0) return evaluated(findings);
    const command = tooling.testCommands[0];
    const declared = command ? `${command.source} in ${command.file}` : ciTests[0] ? evidenceOf(ciTests[0], 'test') : '';
    return evaluated([], `${tooling.testFileCount} test file(s), e.g. ${tooling.testFiles[0] ?? ''}; ${declared}`);
  },
});
