/**
 * What a CI command line does, judged from its text alone (tenet never runs it): tests, linters,
 * security scanners, publishing and deployment, for the common tools of each ecosystem.
 */

export const COMMAND_KINDS = ['build', 'test', 'lint', 'sast', 'secret-scan', 'vulnerability-scan', 'iac-scan', 'container-scan', 'dast', 'publish', 'deploy'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** A script another command points at: a package.json script, a Makefile target or a script file. */
export type ScriptReference =
  | { kind: 'package-script'; name: string; /** Runs across workspaces, so the root manifest need not define it. */ fanOut: boolean }
  | { kind: 'make-target'; name: string; makefile?: string }
  | { kind: 'script-file'; path: string }
  /** tox environments to run; empty means its `envlist`. */
  | { kind: 'tox-envs'; envs: string[] };

export interface ClassifiedCommand {
  kinds: CommandKind[];
  references: ScriptReference[];
}

/** A line of a script with its 0-based position in the script (continuations joined). */
export interface ScriptLine {
  text: string;
  index: number;
}

const MAX_LINE = 4000;

/** The command lines of a shell script: comments, blanks and line continuations handled. */
export function scriptLines(script: string): ScriptLine[] {
  const lines = script.split('\n');
  const result: ScriptLine[] = [];
  let pending: { text: string; index: number } | undefined;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    const start = pending ?? { text: '', index };
    if (!pending && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (trimmed.endsWith('\\')) {
      pending = { text: `${start.text}${trimmed.slice(0, -1)} `.slice(0, MAX_LINE), index: start.index };
      return;
    }
    pending = undefined;
    const text = `${start.text}${trimmed}`.trim();
    if (text) result.push({ text: text.slice(0, MAX_LINE), index: start.index });
  });
  if (pending?.text.trim()) result.push({ text: pending.text.trim(), index: pending.index });
  return result;
}

/** Splits a command line into simple commands at `&&`, `||`, `;`, `|`, `&` and subshell brackets. */
export function simpleCommands(line: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let quote: '"' | "'" | undefined;
  let inWord = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  for (let i = 0; i < line.length && i < MAX_LINE; i++) {
    const c = line[i] ?? '';
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === ' ' || c === '\t') endWord();
    else if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')' || c === '`') endCommand();
    else if (c === '#' && !inWord) break;
    else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

const WRAPPERS = new Set(['sudo', 'time', 'env', 'exec', 'command', 'nohup', 'xvfb-run', 'then', 'do', 'else', 'if', 'while', '!', '{']);
const RUNNERS: readonly (readonly string[])[] = [
  ['bundle', 'exec'],
  ['poetry', 'run'],
  ['pipenv', 'run'],
  ['uv', 'run'],
  ['pdm', 'run'],
  ['rye', 'run'],
  ['hatch', 'run'],
  ['pnpm', 'exec'],
  ['pnpm', 'dlx'],
  ['yarn', 'exec'],
  ['yarn', 'dlx'],
  ['go', 'run'],
];

/** `docker run` options that take a value, so the image can be told apart from them. */
const DOCKER_VALUE_OPTIONS = new Set(['-v', '--volume', '-e', '--env', '--env-file', '-w', '--workdir', '--name', '--entrypoint', '--network', '--net', '-p', '--publish', '-u', '--user', '--platform', '--mount', '-l', '--label', '--cpus', '-m', '--memory', '--pull', '--add-host']);

/** The program and its arguments, with environment assignments, wrappers and runners removed. */
export function effectiveArgv(words: readonly string[]): string[] {
  let argv = [...words];
  for (let guard = 0; guard < 8 && argv.length > 0; guard++) {
    const first = argv[0] ?? '';
    if (/^[A-Za-z_][A-Za-z0-9_]{0,64}=/.test(first) || WRAPPERS.has(first)) {
      argv = argv.slice(1);
      continue;
    }
    if (first === 'npx' || first === 'bunx' || first === 'uvx' || first === 'pipx') {
      argv = argv.slice(1);
      if (argv[0] === 'run') argv = argv.slice(1);
      while (argv[0]?.startsWith('-')) argv = argv.slice(argv[0] === '-p' || argv[0] === '--package' ? 2 : 1);
      continue;
    }
    if (/^python[0-9.]{0,5}$|^py$/.test(first)) {
      // Interpreter options come first: `python -W error -m pytest`, `python -u tests/run.py`.
      let index = 1;
      while (index < argv.length && argv[index]?.startsWith('-') && argv[index] !== '-m' && argv[index] !== '-c') index += argv[index] === '-W' || argv[index] === '-X' ? 2 : 1;
      if (argv[index] === '-m') {
        argv = argv.slice(index + 1);
        continue;
      }
      argv = [first, ...argv.slice(index)];
      break;
    }
    if (first === 'coverage' && argv[1] === 'run') {
      // `coverage run -m pytest` and `coverage run tests/run.py`: what it measures is what runs.
      argv = argv.slice(2);
      while (argv[0]?.startsWith('-') && argv[0] !== '-m') argv = argv.slice(1);
      if (argv[0] === '-m') argv = argv.slice(1);
      else argv = ['python', ...argv];
      continue;
    }
    if ((first === 'docker' || first === 'podman') && argv[1] === 'run') {
      // The image names the tool: `docker run --rm -v "$PWD:/src" returntocorp/semgrep semgrep scan`.
      let index = 2;
      while (index < argv.length && argv[index]?.startsWith('-')) index += DOCKER_VALUE_OPTIONS.has(argv[index] ?? '') ? 2 : 1;
      argv = argv.slice(index);
      continue;
    }
    const runner = RUNNERS.find(([tool, verb]) => tool === first && argv[1] === verb);
    if (runner) {
      argv = argv.slice(2);
      while (argv[0]?.startsWith('-')) argv = argv.slice(1);
      if (runner[0] === 'hatch' && argv[0]?.includes(':')) argv[0] = argv[0].split(':').pop() ?? '';
      continue;
    }
    break;
  }
  return argv;
}

/** `./node_modules/.bin/eslint` → `eslint`; `ghcr.io/gitleaks/gitleaks:v8` → `gitleaks`; `semgrep@1.2` → `semgrep`. */
export function programName(program: string): string {
  let name = program.split('/').pop() ?? program;
  name = name.replace(/@.{0,200}$/, '').replace(/:.{0,200}$/, '');
  return name.toLowerCase();
}

const TEST_PROGRAMS = new Set([
  'jest', 'vitest', 'mocha', 'ava', 'tap', 'karma', 'jasmine', 'cypress', 'playwright', 'pytest', 'py.test', 'nox',
  'unittest', 'gotestsum', 'rspec', 'phpunit', 'ctest', 'nyc', 'c8', 'uvu', 'testem', 'tape', 'wdio', 'bats', 'shellspec',
  'nosetests', 'nose2', 'trial', 'behave', 'stestr', 'green', 'unit2',
]);
const LINT_PROGRAMS = new Set([
  'eslint', 'biome', 'tsc', 'vue-tsc', 'oxlint', 'standard', 'xo', 'stylelint', 'flake8', 'pylint', 'mypy', 'pyright',
  'golangci-lint', 'staticcheck', 'revive', 'rubocop', 'standardrb', 'shellcheck', 'hadolint', 'actionlint', 'ktlint',
  'detekt', 'checkstyle', 'pycodestyle', 'pyflakes', 'pydocstyle', 'tslint', 'clippy-driver',
]);
const SAST_PROGRAMS = new Set(['semgrep', 'bandit', 'gosec', 'brakeman', 'codeql', 'sonar-scanner', 'njsscan', 'horusec', 'opengrep', 'bearer']);
const SECRET_PROGRAMS = new Set(['gitleaks', 'trufflehog', 'detect-secrets', 'detect-secrets-hook', 'ggshield', 'secretlint', 'talisman', 'git-secrets', 'noseyparker', 'kingfisher']);
const VULN_PROGRAMS = new Set([
  'osv-scanner', 'pip-audit', 'govulncheck', 'bundler-audit', 'bundle-audit', 'dependency-check', 'dependency-check.sh', 'audit-ci', 'better-npm-audit',
  'retire', 'cargo-audit', 'cargo-deny', 'nexus-iq-cli', 'synopsys-detect', 'detect.sh', 'blackduck', 'whitesource', 'wss-unified-agent',
]);
/** Infrastructure-as-code misconfiguration scanners (tenet checks Terraform, Kubernetes and Dockerfiles too). */
const IAC_PROGRAMS = new Set(['checkov', 'tfsec', 'kics', 'terrascan']);
/** Dynamic scanners that attack a running application. */
const DAST_PROGRAMS = new Set(['nuclei', 'zaproxy', 'zap2docker-stable', 'zap2docker-weekly', 'zap-baseline.py', 'zap-full-scan.py', 'zap-api-scan.py', 'zap.sh', 'owasp-zap']);
/** Bundlers whose every run is a build. */
const BUILD_PROGRAMS = new Set(['webpack', 'rollup', 'esbuild', 'tsup', 'msbuild']);
/** Tools that build with a `build` verb and serve or do other things without it. */
const BUILD_VERB_PROGRAMS = new Set(['vite', 'next', 'nuxt', 'ng', 'parcel', 'bazel', 'bazelisk', 'buildah', 'dotnet', 'swift']);
const PUBLISH_PROGRAMS = new Set(['goreleaser', 'semantic-release', 'jreleaser', 'release-it', 'np']);
const DEPLOY_PROGRAMS = new Set(['ansible-playbook', 'kamal', 'cap', 'argocd', 'skaffold', 'flyctl', 'fly', 'netlify', 'vercel', 'firebase', 'serverless', 'sls', 'eb', 'wrangler', 'pulumi', 'cdk', 'heroku', 'helmfile']);

const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);
/** Package-manager verbs that are never a script name (`yarn install`, `pnpm add` …). */
const PACKAGE_MANAGER_VERBS = new Set([
  'install', 'i', 'ci', 'add', 'remove', 'rm', 'uninstall', 'update', 'up', 'upgrade', 'audit', 'publish', 'pack', 'version',
  'config', 'set', 'cache', 'link', 'unlink', 'init', 'create', 'why', 'info', 'view', 'list', 'ls', 'outdated', 'exec', 'dlx',
  'dedupe', 'prune', 'rebuild', 'login', 'logout', 'whoami', 'workspace', 'workspaces', 'import', 'fetch', 'store', 'env',
  'global', 'node', 'npm', 'plugin', 'constraints', 'set-version', 'patch', 'licenses', 'help', 'bin', 'root', 'prefix',
]);

/** A script run directly that is a test by where it lives or what it is called (`tests/run.py`, `test.js`). */
const TEST_SCRIPT_PATH = /(^|\/)(tests?\/[^\s]{1,200}|test[_.][^\s/]{1,100}|[^\s/]{1,100}[_.](test|spec)\.[a-z]{1,4})$/;

const add = (kinds: Set<CommandKind>, ...more: CommandKind[]): void => more.forEach((kind) => kinds.add(kind));

/** What one command line does, and which scripts it delegates to. */
export function classifyCommand(line: string): ClassifiedCommand {
  const kinds = new Set<CommandKind>();
  const references: ScriptReference[] = [];
  for (const words of simpleCommands(line)) {
    const argv = effectiveArgv(words);
    classifyArgv(argv, kinds, references);
  }
  return { kinds: [...kinds], references };
}

function classifyArgv(argv: readonly string[], kinds: Set<CommandKind>, references: ScriptReference[]): void {
  const [raw = '', ...args] = argv;
  const program = programName(raw.startsWith('@') ? raw.slice(1) : raw);
  const sub = args.find((arg) => !arg.startsWith('-')) ?? '';
  const has = (flag: string): boolean => args.includes(flag);
  if (TEST_PROGRAMS.has(program)) add(kinds, 'test');
  if (LINT_PROGRAMS.has(program)) add(kinds, 'lint');
  if (SAST_PROGRAMS.has(program)) add(kinds, 'sast');
  if (SECRET_PROGRAMS.has(program)) add(kinds, 'secret-scan');
  if (VULN_PROGRAMS.has(program)) add(kinds, 'vulnerability-scan');
  if (IAC_PROGRAMS.has(program)) add(kinds, 'iac-scan');
  if (DAST_PROGRAMS.has(program)) add(kinds, 'dast');
  if (BUILD_PROGRAMS.has(program) || (BUILD_VERB_PROGRAMS.has(program) && (sub === 'build' || sub === 'bud' || sub === 'publish'))) add(kinds, 'build');
  if (PUBLISH_PROGRAMS.has(program)) add(kinds, 'publish');
  if (DEPLOY_PROGRAMS.has(program) && (program !== 'vercel' || has('--prod') || sub === 'deploy') && (program !== 'firebase' || sub === 'deploy')) add(kinds, 'deploy');
  switch (program) {
    case 'python':
    case 'python3':
    case 'python2':
    case 'node':
    case 'deno':
      if (has('--test') || sub === 'test' || TEST_SCRIPT_PATH.test(sub)) add(kinds, 'test');
      // `node bin/tenet.js scan`: tenet run from its own checkout or a vendored copy.
      if (/(^|\/)tenet(\.js)?$/.test(sub) && args.includes('scan')) add(kinds, ...tenetKinds(args));
      if (program.startsWith('python') && sub === 'setup.py' && args.includes('test')) add(kinds, 'test');
      if (program === 'deno' && sub === 'lint') add(kinds, 'lint');
      break;
    case 'prettier':
      if (has('--check') || has('-c') || has('--list-different') || has('-l')) add(kinds, 'lint');
      break;
    case 'ruff':
      if (sub !== 'format' || has('--check')) add(kinds, 'lint');
      break;
    case 'black':
    case 'isort':
    case 'gofmt':
      if (has('--check') || has('-l') || has('--diff')) add(kinds, 'lint');
      break;
    case 'go':
      if (sub === 'test') add(kinds, 'test');
      if (sub === 'vet') add(kinds, 'lint');
      if (sub === 'build' || sub === 'install') add(kinds, 'build');
      break;
    case 'tsc':
    case 'vue-tsc':
      if (!has('--noEmit') && !has('--noemit')) add(kinds, 'build');
      break;
    case 'cmake':
      if (has('--build')) add(kinds, 'build');
      break;
    case 'sbt':
    case 'mix':
      if (['build', 'compile', 'package', 'assembly'].includes(sub)) add(kinds, 'build');
      break;
    case 'java':
      // Scanners shipped as jars: `java -jar wss-unified-agent.jar`, `java -jar nexus-iq-cli.jar`.
      if (args.some((arg) => /(wss-unified-agent|nexus-iq-cli|synopsys-detect|dependency-check)[^/\s]{0,60}\.jar$/.test(arg))) add(kinds, 'vulnerability-scan');
      break;
    case 'tenet':
      if (sub === 'scan') add(kinds, ...tenetKinds(args));
      break;
    case 'composer':
      if (sub === 'audit') add(kinds, 'vulnerability-scan');
      break;
    case 'jf':
    case 'jfrog':
      if (sub === 'audit' || args.includes('audit')) add(kinds, 'vulnerability-scan');
      break;
    case 'mend':
      if (sub === 'dep' || sub === 'sca') add(kinds, 'vulnerability-scan');
      break;
    case 'socket':
      if (sub === 'ci' || sub === 'scan') add(kinds, 'vulnerability-scan');
      break;
    case 'grype':
      // `grype dir:.` and `grype sbom:…` scan dependencies; any other subject is an image.
      add(kinds, /^(dir:|file:|sbom:|\.)/.test(sub) ? 'vulnerability-scan' : 'container-scan');
      break;
    case 'cargo':
      classifyCargo(sub, args, kinds);
      break;
    case 'mvn':
    case 'mvnw':
      classifyMaven(args, kinds);
      break;
    case 'gradle':
    case 'gradlew':
      classifyGradle(args, kinds);
      break;
    case 'rake':
    case 'rails':
      if (sub === '' || /^(test|spec)(:|$)/.test(sub)) add(kinds, 'test');
      if (sub === 'rubocop' || sub === 'standard') add(kinds, 'lint');
      break;
    case 'bundle':
      if (sub === 'audit') add(kinds, 'vulnerability-scan');
      break;
    case 'dotnet':
      if (sub === 'test') add(kinds, 'test');
      if (sub === 'sonarscanner') add(kinds, 'sast');
      break;
    case 'bun':
      if (sub === 'test') add(kinds, 'test');
      break;
    case 'pre-commit':
      if (sub === 'run') add(kinds, 'lint');
      break;
    case 'git':
      if (sub === 'secrets') add(kinds, 'secret-scan');
      if (sub === 'push' && args.some((arg) => /heroku|dokku/.test(arg))) add(kinds, 'deploy');
      break;
    case 'snyk':
      add(kinds, sub === 'code' ? 'sast' : sub === 'container' ? 'container-scan' : sub === 'iac' ? 'iac-scan' : 'vulnerability-scan');
      break;
    case 'trivy':
      add(kinds, trivyKind(sub));
      break;
    case 'safety':
      if (sub === 'check' || sub === 'scan') add(kinds, 'vulnerability-scan');
      break;
    case 'docker':
    case 'podman':
      if (sub === 'build' || (sub === 'buildx' && args.includes('build')) || (sub === 'compose' && args.includes('build')) || sub === 'bake') add(kinds, 'build');
      if (sub === 'scout' && args.some((arg) => arg === 'cves' || arg === 'quickview' || arg === 'recommendations')) add(kinds, 'container-scan');
      if (sub === 'push' || (args.includes('--push') && (sub === 'buildx' || sub === 'build'))) add(kinds, 'publish');
      break;
    case 'gh':
      if (sub === 'release' && args.includes('create')) add(kinds, 'publish');
      break;
    case 'tox': {
      const envIndex = args.findIndex((arg) => arg === '-e' || arg.startsWith('-e') || arg.startsWith('--env'));
      const value = envIndex === -1 ? '' : args[envIndex]?.includes('=') ? args[envIndex]?.split('=')[1] ?? '' : args[envIndex] === '-e' || args[envIndex] === '--env' ? args[envIndex + 1] ?? '' : args[envIndex]?.slice(2) ?? '';
      // `tox -e "$TOXENV"` names environments only known when CI runs: read it as the whole envlist.
      references.push({ kind: 'tox-envs', envs: value && !value.includes('$') ? splitToxEnvs(value) : [] });
      break;
    }
    case 'twine':
      if (sub === 'upload') add(kinds, 'publish');
      break;
    case 'gem':
    case 'poetry':
    case 'flit':
    case 'hatch':
    case 'uv':
    case 'build':
      if (sub === 'push' || sub === 'publish') add(kinds, 'publish');
      if (sub === 'build' || program === 'build') add(kinds, 'build');
      break;
    case 'changeset':
    case 'lerna':
      if (sub === 'publish') add(kinds, 'publish');
      break;
    case 'kubectl':
    case 'oc':
      if (['apply', 'rollout', 'set', 'replace', 'create'].includes(sub)) add(kinds, 'deploy');
      break;
    case 'helm':
      if (sub === 'upgrade' || sub === 'install') add(kinds, 'deploy');
      break;
    case 'terraform':
    case 'tofu':
    case 'terragrunt':
      if (sub === 'apply' || sub === 'run-all') add(kinds, 'deploy');
      break;
    case 'aws':
      if (args.some((arg) => ['deploy', 'update-service', 'update-function-code', 'sync', 'create-deployment'].includes(arg))) add(kinds, 'deploy');
      break;
    case 'gcloud':
    case 'az':
      if (args.some((arg) => arg === 'deploy' || arg === 'deployment' || arg === 'update')) add(kinds, 'deploy');
      break;
    case 'make':
    case 'gmake': {
      const makefileIndex = args.findIndex((arg) => arg === '-f' || arg === '--file');
      const makefile = makefileIndex >= 0 ? args[makefileIndex + 1] : undefined;
      const targets = args.filter((arg, index) => !arg.startsWith('-') && !arg.includes('=') && (makefileIndex === -1 || index !== makefileIndex + 1));
      // `make` (its default goal), `make all` and `make build` are the build by convention.
      if (targets.length === 0 || targets.some((target) => target === 'all' || target === 'build')) add(kinds, 'build');
      for (const name of targets.length ? targets : ['']) references.push(makefile ? { kind: 'make-target', name, makefile } : { kind: 'make-target', name });
      break;
    }
    case 'bash':
    case 'sh':
    case 'zsh':
    case 'source':
    case '.': {
      const file = args.find((arg) => !arg.startsWith('-'));
      if (file && !has('-c')) references.push({ kind: 'script-file', path: file });
      break;
    }
    case 'turbo':
    case 'nx':
    case 'lage':
    case 'ultra':
      for (const name of args.filter((arg) => !arg.startsWith('-') && arg !== 'run' && arg !== 'run-many')) {
        references.push({ kind: 'package-script', name: name.split(':').pop() ?? name, fanOut: true });
      }
      break;
    default:
      if (PACKAGE_MANAGERS.has(program)) classifyPackageManager(program, args, kinds, references);
      else if (/^\.{0,2}\/?[\w.-]{1,100}\/[^\s:]{1,300}$/.test(raw) || /\.(sh|bash)$/.test(raw)) references.push({ kind: 'script-file', path: raw });
  }
  if (program === 'lerna' && sub === 'run' && args[1]) references.push({ kind: 'package-script', name: args[1], fanOut: true });
}

/** What a `tenet scan` covers: everything, or only the kinds its `--only` control ids name. */
function tenetKinds(args: readonly string[]): CommandKind[] {
  const index = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (index === -1) return ['vulnerability-scan', 'secret-scan', 'iac-scan'];
  const ids = (args[index]?.includes('=') ? args[index]?.split('=')[1] : args[index + 1]) ?? '';
  const kinds: CommandKind[] = [];
  if (/secret/.test(ids)) kinds.push('secret-scan');
  if (/vulnerab|osv|advisor/.test(ids)) kinds.push('vulnerability-scan');
  if (/terraform|kubernetes|k8s|dockerfile|container|helm|iac|cloud|bucket|encrypt/.test(ids)) kinds.push('iac-scan');
  return kinds;
}

/** `trivy config` checks IaC, `trivy image` an image, `trivy fs|repo|sbom` dependencies; bare `trivy <image>` is the old image syntax. */
function trivyKind(sub: string): CommandKind {
  if (sub === 'config' || sub === 'conf') return 'iac-scan';
  if (['fs', 'filesystem', 'repo', 'repository', 'sbom', 'rootfs'].includes(sub)) return 'vulnerability-scan';
  return 'container-scan';
}

function classifyCargo(sub: string, args: readonly string[], kinds: Set<CommandKind>): void {
  if (sub === 'build') add(kinds, 'build');
  if (sub === 'test' || sub === 'nextest') add(kinds, 'test');
  if (sub === 'clippy') add(kinds, 'lint');
  if (sub === 'fmt' && args.includes('--check')) add(kinds, 'lint');
  if (sub === 'audit' || sub === 'deny') add(kinds, 'vulnerability-scan');
  if (sub === 'publish') add(kinds, 'publish');
}

function classifyMaven(args: readonly string[], kinds: Set<CommandKind>): void {
  const skipsTests = args.some((arg) => /^-D(skipTests|maven\.test\.skip)(=true)?$/.test(arg));
  const goals = args.filter((arg) => !arg.startsWith('-'));
  if (goals.some((goal) => ['compile', 'package', 'install', 'verify', 'deploy'].includes(goal))) add(kinds, 'build');
  if (!skipsTests && goals.some((goal) => ['test', 'verify', 'install', 'integration-test'].includes(goal))) add(kinds, 'test');
  if (goals.some((goal) => /^(checkstyle|spotbugs|pmd|spotless|com\.github\.spotbugs):/.test(goal) || goal === 'verify')) add(kinds, 'lint');
  if (goals.some((goal) => /^sonar:/.test(goal) || goal === 'org.sonarsource.scanner.maven:sonar-maven-plugin:sonar')) add(kinds, 'sast');
  if (goals.some((goal) => /dependency-check/.test(goal))) add(kinds, 'vulnerability-scan');
  if (goals.includes('deploy')) add(kinds, 'publish');
}

function classifyGradle(args: readonly string[], kinds: Set<CommandKind>): void {
  const tasks = args.filter((arg) => !arg.startsWith('-')).map((task) => task.split(':').pop() ?? task);
  const skipsTests = args.some((arg, index) => arg === '-x' && args[index + 1]?.endsWith('test'));
  if (tasks.some((task) => ['build', 'assemble', 'jar', 'bootJar', 'shadowJar', 'compileJava', 'compileKotlin', 'installDist'].includes(task))) add(kinds, 'build');
  if (!skipsTests && tasks.some((task) => ['test', 'check', 'build', 'integrationTest'].includes(task))) add(kinds, 'test');
  if (tasks.some((task) => task === 'check' || task === 'build' || /^(checkstyle|spotbugs|pmd|spotless|detekt|ktlint)/i.test(task))) add(kinds, 'lint');
  if (tasks.some((task) => task === 'sonar' || task === 'sonarqube')) add(kinds, 'sast');
  if (tasks.some((task) => /^dependencyCheck/.test(task))) add(kinds, 'vulnerability-scan');
  if (tasks.some((task) => /^publish/.test(task))) add(kinds, 'publish');
}

function classifyPackageManager(program: string, args: readonly string[], kinds: Set<CommandKind>, references: ScriptReference[]): void {
  const fanOut = args.some((arg) => ['-r', '--recursive', '--workspaces', '-ws', '--filter', '-F', '--all'].includes(arg) || arg.startsWith('--workspace') || arg.startsWith('--filter='));
  let positional = args.filter((arg) => !arg.startsWith('-'));
  if (program === 'yarn' && positional[0] === 'workspaces' && positional[1] === 'foreach') positional = positional.slice(2);
  if (program === 'yarn' && (positional[0] === 'workspaces' || positional[0] === 'workspace')) positional = positional.slice(positional[0] === 'workspace' ? 2 : 1);
  const [verb = '', next] = positional;
  if (verb === 'audit' || (verb === 'npm' && next === 'audit')) add(kinds, 'vulnerability-scan');
  if (verb === 'publish' || (verb === 'npm' && next === 'publish')) add(kinds, 'publish');
  if (verb === 'test' || verb === 't' || verb === 'tst') {
    references.push({ kind: 'package-script', name: 'test', fanOut });
    return;
  }
  if (verb === 'run' || verb === 'run-script') {
    if (next) references.push({ kind: 'package-script', name: next, fanOut });
    if (next && isBuildScriptName(next)) add(kinds, 'build');
    return;
  }
  // `yarn lint`, `pnpm build`, `bun lint`: a bare name is a script (npm needs `run`, except for its lifecycle names).
  if (verb && program !== 'npm' && !PACKAGE_MANAGER_VERBS.has(verb)) {
    references.push({ kind: 'package-script', name: verb, fanOut });
    if (isBuildScriptName(verb)) add(kinds, 'build');
    // Without such a script, yarn, pnpm and bun run the installed binary of that name.
    const binaryKinds = new Set<CommandKind>();
    classifyArgv(args.slice(args.indexOf(verb)), binaryKinds, []);
    binaryKinds.forEach((kind) => kinds.add(kind));
  }
  if (program === 'npm' && (verb === 'start' || verb === 'stop' || verb === 'restart')) references.push({ kind: 'package-script', name: verb, fanOut });
}

/** Running the project's own `build` script is its build, whatever the script does. */
function isBuildScriptName(name: string): boolean {
  return /^(build|compile)(:.{0,60})?$/.test(name);
}

/** `py{39,310},lint` → [`py{39,310}`, `lint`]: commas inside braces belong to factor lists. */
export function splitToxEnvs(list: string): string[] {
  const envs: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of list) {
    if (c === '{') depth++;
    if (c === '}') depth = Math.max(0, depth - 1);
    if ((c === ',' || c === '\n') && depth === 0) {
      if (current.trim()) envs.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) envs.push(current.trim());
  return envs;
}

/** Kinds a script name suggests, used only when the script itself cannot be read (monorepo fan-out). */
export function kindsOfScriptName(name: string): CommandKind[] {
  const kinds: CommandKind[] = [];
  if (/(^|[:_-])(test|tests|spec|e2e|unit|coverage)([:_-]|$)/i.test(name)) kinds.push('test');
  if (/(^|[:_-])(lint|typecheck|type-check|check-types|tsc|format:check|fmt:check)([:_-]|$)/i.test(name)) kinds.push('lint');
  return kinds;
}

const LINTER_LANGUAGES: Record<string, string> = {
  eslint: 'javascript', biome: 'javascript', oxlint: 'javascript', standard: 'javascript', xo: 'javascript', 'ts-standard': 'javascript',
  tslint: 'javascript', tsc: 'javascript', 'vue-tsc': 'javascript',
  ruff: 'python', flake8: 'python', pylint: 'python', mypy: 'python', pyright: 'python', pycodestyle: 'python', pyflakes: 'python',
  'golangci-lint': 'go', staticcheck: 'go', revive: 'go',
  ktlint: 'java', detekt: 'java', checkstyle: 'java',
  rubocop: 'ruby', standardrb: 'ruby',
};

/** The languages whose linters a command line runs (`javascript`, `python`, `go`, `rust`, `java`, `ruby`). */
export function linterLanguages(line: string): string[] {
  const languages = new Set<string>();
  for (const words of simpleCommands(line)) {
    const argv = effectiveArgv(words);
    const [raw = '', ...args] = argv;
    const program = programName(raw.startsWith('@') ? raw.slice(1) : raw);
    const sub = args.find((arg) => !arg.startsWith('-')) ?? '';
    const language = LINTER_LANGUAGES[program];
    if (language) languages.add(language);
    if (program === 'go' && sub === 'vet') languages.add('go');
    if (program === 'cargo' && sub === 'clippy') languages.add('rust');
    if (program === 'deno' && sub === 'lint') languages.add('javascript');
    if ((program === 'mvn' || program === 'mvnw' || program === 'gradle' || program === 'gradlew') && args.some((arg) => /checkstyle|spotbugs|pmd|detekt|ktlint/i.test(arg))) languages.add('java');
    if ((program === 'rake' || program === 'bundle') && args.includes('rubocop')) languages.add('ruby');
  }
  return [...languages];
}

/** The programs a command line runs, wrappers and runners removed (`npx tsc --noEmit && eslint .` → tsc, eslint). */
export function programsOf(line: string): string[] {
  return simpleCommands(line).map((words) => {
    const [raw = ''] = effectiveArgv(words);
    return programName(raw.startsWith('@') ? raw.slice(1) : raw);
  });
}
