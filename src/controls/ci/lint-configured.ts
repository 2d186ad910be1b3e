import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { ciFacts } from '../../facts/ci/ci.js';
import { linterLanguages } from '../../facts/ci/commands.js';
import { LANGUAGE_NAMES, projectToolingFacts } from '../../facts/ci/project-tooling.js';

const LOOKED_FOR: Record<string, string> = {
  javascript: 'eslint.config.*, .eslintrc*, package.json eslintConfig, biome.json, standard/xo/oxlint',
  python: 'ruff.toml, [tool.ruff]/[tool.pylint]/[tool.mypy] in pyproject.toml, .flake8, [flake8] in setup.cfg/tox.ini, .pylintrc',
  go: '.golangci.yml, staticcheck.conf, or golangci-lint/staticcheck/go vet in CI',
  rust: 'clippy.toml, [lints.clippy] in Cargo.toml, or cargo clippy in CI',
  java: 'checkstyle/pmd/spotbugs configuration or plugin in pom.xml/build.gradle',
  ruby: '.rubocop.yml, .standard.yml, rubocop/standard in the Gemfile',
};

export default defineControl({
  meta: {
    id: 'lint-configured',
    title: 'A linter is configured for every language in the repository',
    domain: 'ci',
    severity: 'low',
    rationale: 'Linters catch whole classes of defects (unused results, unsafe patterns, type holes) before review; a language without one is held to a lower bar than the rest of the code.',
    remediation: 'Configure a linter for each language: ESLint or Biome for JavaScript/TypeScript, Ruff for Python, golangci-lint for Go, Clippy for Rust, Checkstyle/PMD/SpotBugs for Java, RuboCop for Ruby.',
    facts: ['project-tooling', 'ci'],
  },
  async check({ facts }) {
    const [tooling, ci] = await Promise.all([facts(projectToolingFacts), facts(ciFacts)]);
    if (tooling.languages.length === 0) return notApplicable('no source code in a language tenet recognises');
    const linted = new Set(tooling.linters.map((linter) => linter.language as string));
    for (const job of ci.jobs) for (const command of job.commands) linterLanguages(command.text).forEach((language) => linted.add(language));
    for (const hook of ci.hooks) linterLanguages(hook.tool).forEach((language) => linted.add(language));
    const findings: FindingInput[] = tooling.languages
      .filter((entry) => !linted.has(entry.language))
      .map((entry) => ({
        message: `no linter configured for ${LANGUAGE_NAMES[entry.language]} (${entry.files} file(s), e.g. ${entry.example}); looked for ${LOOKED_FOR[entry.language] ?? 'a linter'}`,
        key: entry.language,
        properties: { language: entry.language },
      }));
    const configured = tooling.languages.filter((entry) => linted.has(entry.language)).map((entry) => {
      const linter = tooling.linters.find((candidate) => candidate.language === entry.language);
      return `${LANGUAGE_NAMES[entry.language]}: ${linter ? `${linter.tool} (${linter.file})` : 'run in CI'}`;
    });
    return evaluated(findings, findings.length === 0 ? configured.join('; ') : undefined);
  },
});
