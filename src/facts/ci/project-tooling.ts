import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import { LineIndex } from '../../parsers/lines.js';
import { parseMakefile } from './scripts.js';
import { isRecord } from './shapes.js';

export const LANGUAGES = ['javascript', 'python', 'go', 'rust', 'java', 'ruby'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = {
  javascript: 'JavaScript/TypeScript',
  python: 'Python',
  go: 'Go',
  rust: 'Rust',
  java: 'Java/Kotlin',
  ruby: 'Ruby',
};

export interface ProjectTooling {
  fileCount: number;
  /** Files that show something is built, shipped or deployed (manifests, Dockerfiles, charts, IaC). */
  deliverables: string[];
  /** Languages with source code: a manifest, or at least three source files. */
  languages: { language: Language; files: number; example: string }[];
  /** Test files (the first 50) and how many there are. */
  testFiles: string[];
  testFileCount: number;
  /** Test commands the project declares outside CI (package.json scripts, Makefile, tool configuration). */
  testCommands: { source: string; file: string; line?: number }[];
  /** Linter configuration found per language. */
  linters: { language: Language; tool: string; file: string; line?: number }[];
  /** An ESLint security plugin is a dependency (it makes an ESLint run a SAST run). */
  eslintSecurityPlugins: string[];
}

const EXTENSIONS: Record<string, Language> = {
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript', '.ts': 'javascript', '.mts': 'javascript',
  '.cts': 'javascript', '.tsx': 'javascript', '.vue': 'javascript', '.svelte': 'javascript',
  '.py': 'python', '.go': 'go', '.rs': 'rust', '.java': 'java', '.kt': 'java', '.rb': 'ruby',
};
const MANIFESTS: Record<string, Language> = {
  'package.json': 'javascript', 'pyproject.toml': 'python', 'setup.py': 'python', 'Pipfile': 'python', 'go.mod': 'go',
  'Cargo.toml': 'rust', 'pom.xml': 'java', 'build.gradle': 'java', 'build.gradle.kts': 'java', 'Gemfile': 'ruby',
};
/** Vendored, generated and fixture trees are not the project's own code. */
export const NOT_OWN_CODE = /(^|\/)(node_modules|vendor|third_party|dist|build|target|out|coverage|\.venv|venv|fixtures|testdata|__snapshots__)\//;
/** Tool configuration written in JavaScript does not make a project a JavaScript project. */
export const CONFIG_SCRIPT = /(^|\/)([^/]{1,80}\.config\.[cm]?[jt]s|\.[a-z]{1,40}rc\.[cm]?js|Gruntfile\.js|gulpfile\.js)$/;

const TEST_FILE: { language: Language; pattern: RegExp }[] = [
  { language: 'javascript', pattern: /(\.(test|spec)\.[cm]?[jt]sx?$)|(^|\/)(__tests__|tests?)\/[^ ]{0,300}\.[cm]?[jt]sx?$/ },
  { language: 'python', pattern: /(^|\/)(test_[^/]{1,200}\.py|[^/]{1,200}_test\.py)$|(^|\/)tests?\/[^ ]{0,300}\.py$/ },
  { language: 'go', pattern: /_test\.go$/ },
  { language: 'rust', pattern: /(^|\/)tests\/[^ ]{0,300}\.rs$/ },
  { language: 'java', pattern: /(^|\/)src\/test\/|(Test|Tests|IT)\.(java|kt)$/ },
  { language: 'ruby', pattern: /(_spec|_test)\.rb$|(^|\/)(spec|test)\/[^ ]{0,300}\.rb$/ },
];

const JS_LINT_CONFIG = /^(eslint\.config\.[cm]?[jt]s|\.eslintrc(\.(js|cjs|mjs|json|ya?ml))?|biome\.jsonc?|\.oxlintrc\.json|\.jshintrc|tslint\.json|deno\.jsonc?)$/;
const JS_LINT_PACKAGES = ['eslint', '@biomejs/biome', 'standard', 'ts-standard', 'xo', 'oxlint'];
const ZERO_CONFIG_JS_LINTERS = new Set(['@biomejs/biome', 'standard', 'ts-standard', 'xo', 'oxlint']);
const ESLINT_SECURITY_PLUGINS = ['eslint-plugin-security', '@microsoft/eslint-plugin-sdl', 'eslint-plugin-no-unsanitized', 'eslint-plugin-xss', 'eslint-plugin-scanjs-rules', 'eslint-plugin-security-node'];
const PY_LINT_FILES: Record<string, string> = { 'ruff.toml': 'ruff', '.ruff.toml': 'ruff', '.flake8': 'flake8', '.pylintrc': 'pylint', pylintrc: 'pylint', 'mypy.ini': 'mypy', '.mypy.ini': 'mypy' };
const PY_INI_SECTIONS = /^\[(flake8|pylint[^\]]{0,40}|pycodestyle|mypy|tool:ruff)\]/m;
const GO_LINT_FILES: Record<string, string> = { '.golangci.yml': 'golangci-lint', '.golangci.yaml': 'golangci-lint', '.golangci.toml': 'golangci-lint', '.golangci.json': 'golangci-lint', 'staticcheck.conf': 'staticcheck', 'revive.toml': 'revive' };
const JAVA_BUILD_LINTERS = /maven-checkstyle-plugin|spotbugs|maven-pmd-plugin|errorprone|error_prone|spotless|checkstyle|\bpmd\b|detekt|ktlint/;
const RUBY_LINT_FILES: Record<string, string> = { '.rubocop.yml': 'rubocop', '.standard.yml': 'standard' };

/** What the project's own code is written in, how it is tested and which linters are configured. */
export const projectToolingFacts = defineCollector<ProjectTooling>({
  id: 'project-tooling',
  description: 'Languages of the code, test files, declared test commands and linter configuration',
  collect({ repo }) {
    const own = repo.files.map((file) => file.path).filter((file) => !NOT_OWN_CODE.test(file));
    const tooling: ProjectTooling = { fileCount: repo.files.length, deliverables: deliverablesOf(repo, own), languages: [], testFiles: [], testFileCount: 0, testCommands: [], linters: [], eslintSecurityPlugins: [] };
    const counts = new Map<Language, { files: number; example: string }>();
    const manifests = new Map<Language, string>();
    for (const file of own) {
      const manifest = MANIFESTS[path.posix.basename(file)];
      if (manifest && !manifests.has(manifest)) manifests.set(manifest, file);
      const language = EXTENSIONS[path.posix.extname(file)];
      if (!language || file.endsWith('.d.ts') || CONFIG_SCRIPT.test(file) || file.startsWith('.')) continue;
      const entry = counts.get(language) ?? { files: 0, example: file };
      entry.files++;
      counts.set(language, entry);
    }
    for (const language of LANGUAGES) {
      const entry = counts.get(language);
      if (entry && (entry.files >= 3 || manifests.has(language))) tooling.languages.push({ language, ...entry });
    }
    // A small project: its manifests, or else its most common language, say what it is written in.
    if (tooling.languages.length === 0) {
      for (const language of LANGUAGES) {
        const manifest = manifests.get(language);
        if (manifest) tooling.languages.push({ language, files: counts.get(language)?.files ?? 0, example: counts.get(language)?.example ?? manifest });
      }
    }
    if (tooling.languages.length === 0) {
      const [top] = [...counts].sort((a, b) => b[1].files - a[1].files);
      if (top) tooling.languages.push({ language: top[0], ...top[1] });
    }
    const tests = own.filter((file) => TEST_FILE.some(({ pattern, language }) => pattern.test(file) && EXTENSIONS[path.posix.extname(file)] === language));
    tooling.testFileCount = tests.length;
    tooling.testFiles = tests.slice(0, 50);
    if (tests.length === 0) addRustUnitTests(repo, own, tooling);
    collectTestCommands(repo, own, tooling);
    collectLinters(repo, own, tooling);
    return tooling;
  },
});

const DELIVERABLE = /(^|\/)(Dockerfile[^/]{0,40}|Containerfile|Chart\.yaml|serverless\.ya?ml|\.goreleaser\.ya?ml|Procfile|app\.ya?ml|fly\.toml|vercel\.json|netlify\.toml|firebase\.json|[^/]{1,100}\.tf|[^/]{1,100}\.gemspec|setup\.py|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml)$/;

/** What the repository ships: a package manifest that is not private, an image, a chart, infrastructure. */
function deliverablesOf(repo: Repository, files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (found.length >= 20) break;
    const base = path.posix.basename(file);
    if (DELIVERABLE.test(file)) found.push(file);
    else if (base === 'package.json') {
      const manifest = repo.json(file)?.value;
      if (isRecord(manifest) && manifest.private !== true && typeof manifest.name === 'string') found.push(file);
    } else if (base === 'pyproject.toml' && /^\[(project|tool\.poetry)\]/m.test(repo.readText(file) ?? '')) found.push(file);
    else if (base === 'go.mod') found.push(file);
  }
  return found;
}

/** Rust keeps unit tests inside source files, under `#[cfg(test)]`. */
function addRustUnitTests(repo: Repository, files: readonly string[], tooling: ProjectTooling): void {
  for (const file of files.filter((entry) => entry.endsWith('.rs')).slice(0, 300)) {
    if (/#\[(cfg\(test\)|test)\]/.test(repo.readTextOnce(file) ?? '')) {
      tooling.testFiles.push(file);
      tooling.testFileCount++;
    }
  }
}

function collectTestCommands(repo: Repository, files: readonly string[], tooling: ProjectTooling): void {
  const add = (source: string, file: string, line?: number): void => {
    tooling.testCommands.push(line === undefined ? { source, file } : { source, file, line });
  };
  for (const file of files) {
    const base = path.posix.basename(file);
    if (base === 'package.json') {
      const document = repo.json(file);
      const scripts = isRecord(document?.value) && isRecord(document.value.scripts) ? document.value.scripts : {};
      const test = scripts.test;
      if (typeof test === 'string' && !/no test specified/.test(test)) add('package.json script "test"', file, document?.lineOf(['scripts', 'test']));
    } else if (base === 'Makefile' || base === 'makefile' || base === 'GNUmakefile') {
      const makefile = parseMakefile(repo.readText(file) ?? '');
      for (const target of ['test', 'tests', 'check', 'spec']) {
        const entry = makefile.targets.get(target);
        if (entry) add(`Makefile target "${target}"`, file, entry.line);
      }
    } else if (['pytest.ini', 'tox.ini', 'noxfile.py', 'conftest.py', '.rspec', 'phpunit.xml', 'jest.config.js', 'vitest.config.ts', 'vitest.config.js', 'jest.config.ts', '.mocharc.json', '.mocharc.yml', 'karma.conf.js', 'playwright.config.ts'].includes(base)) {
      add(`${base} (test runner configuration)`, file, 1);
    } else if (base === 'pyproject.toml') {
      const text = repo.readText(file) ?? '';
      const match = /^\[tool\.(pytest\.ini_options|hatch\.envs\.[^\]]{0,40}\.scripts|tox)\]/m.exec(text);
      if (match) add(`pyproject.toml [tool.${match[1]}]`, file, lineAt(text, match.index));
    } else if (base === 'setup.cfg') {
      const text = repo.readText(file) ?? '';
      const match = /^\[tool:pytest\]/m.exec(text);
      if (match) add('setup.cfg [tool:pytest]', file, lineAt(text, match.index));
    } else if (base === 'go.mod' && tooling.languages.some((entry) => entry.language === 'go')) {
      add('go test (the Go toolchain)', file);
    } else if (base === 'Cargo.toml') {
      add('cargo test (the Rust toolchain)', file);
    } else if (base === 'pom.xml' || base === 'build.gradle' || base === 'build.gradle.kts') {
      add(`${base} test phase`, file);
    } else if (base === 'Rakefile' && /\b(Rake::TestTask|RSpec::Core::RakeTask|task\s{1,4}:?(test|spec))\b/.test(repo.readText(file) ?? '')) {
      add('Rakefile test task', file);
    }
  }
}

function collectLinters(repo: Repository, files: readonly string[], tooling: ProjectTooling): void {
  const add = (language: Language, tool: string, file: string, line?: number): void => {
    tooling.linters.push(line === undefined ? { language, tool, file } : { language, tool, file, line });
  };
  for (const file of files) {
    const base = path.posix.basename(file);
    if (JS_LINT_CONFIG.test(base)) {
      const tool = base.startsWith('biome') ? 'biome' : base.startsWith('.oxlint') ? 'oxlint' : base.startsWith('deno') ? 'deno lint' : base === '.jshintrc' ? 'jshint' : base === 'tslint.json' ? 'tslint' : 'eslint';
      add('javascript', tool, file);
    } else if (base === 'package.json') {
      const document = repo.json(file);
      const manifest = isRecord(document?.value) ? document.value : {};
      if ('eslintConfig' in manifest) add('javascript', 'eslint', file, document?.lineOf(['eslintConfig']));
      if ('xo' in manifest || 'standard' in manifest) add('javascript', 'xo' in manifest ? 'xo' : 'standard', file);
      for (const section of ['dependencies', 'devDependencies']) {
        const deps = isRecord(manifest[section]) ? manifest[section] : {};
        for (const name of JS_LINT_PACKAGES) if (ZERO_CONFIG_JS_LINTERS.has(name) && name in deps) add('javascript', name, file, document?.lineOf([section, name]));
        for (const name of ESLINT_SECURITY_PLUGINS) if (name in deps && !tooling.eslintSecurityPlugins.includes(name)) tooling.eslintSecurityPlugins.push(name);
      }
    } else if (PY_LINT_FILES[base]) {
      add('python', PY_LINT_FILES[base] ?? '', file);
    } else if (base === 'pyproject.toml') {
      const text = repo.readText(file) ?? '';
      const match = /^\[tool\.(ruff|pylint|flake8|mypy|pyright|pylama|pycodestyle)[\].]/m.exec(text);
      if (match?.[1]) add('python', match[1], file, lineAt(text, match.index));
    } else if (base === 'setup.cfg' || base === 'tox.ini') {
      const text = repo.readText(file) ?? '';
      const match = PY_INI_SECTIONS.exec(text);
      if (match?.[1]) add('python', match[1], file, lineAt(text, match.index));
    } else if (GO_LINT_FILES[base]) {
      add('go', GO_LINT_FILES[base] ?? '', file);
    } else if (base === 'clippy.toml' || base === '.clippy.toml') {
      add('rust', 'clippy', file);
    } else if (base === 'Cargo.toml') {
      const text = repo.readText(file) ?? '';
      const match = /^\[(workspace\.)?lints\.clippy\]/m.exec(text);
      if (match) add('rust', 'clippy', file, lineAt(text, match.index));
    } else if (/^(checkstyle|pmd|spotbugs|findbugs)[^/]{0,60}\.xml$/.test(base) || base === 'detekt.yml') {
      add('java', base.replace(/[-_.].*$/, ''), file);
    } else if (base === 'pom.xml' || base === 'build.gradle' || base === 'build.gradle.kts') {
      const text = repo.readText(file) ?? '';
      const match = JAVA_BUILD_LINTERS.exec(text);
      if (match) add('java', match[0], file, lineAt(text, match.index));
    } else if (RUBY_LINT_FILES[base]) {
      add('ruby', RUBY_LINT_FILES[base] ?? '', file);
    } else if (base === 'Gemfile') {
      const text = repo.readText(file) ?? '';
      const match = /^\s{0,8}gem\s{1,4}['"](rubocop|standard)['"]/m.exec(text);
      if (match?.[1]) add('ruby', match[1], file, lineAt(text, match.index));
    }
  }
}

function lineAt(text: string, offset: number): number {
  return new LineIndex(text).lineAt(offset);
}
