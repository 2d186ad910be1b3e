import { defineControl, evaluated } from '../../engine/control.js';
import { shellCommandFacts } from '../../facts/ci/shell-commands.js';
import { commandFindings, optionHost, withoutCommands, type CommandRule } from './command-rules.js';

/** Not part of a longer word or path: `pip` but not `mypip` or `./pip`. */
const START = String.raw`(?:^|[^\w./-])`;
const OPTIONS = String.raw`(?:[^\n;&|]{0,200}[ \t])?`;

const PIPE_TO_SHELL: CommandRule[] = [
  {
    id: 'pipe-to-shell',
    pattern: new RegExp(String.raw`\b(?:curl|wget)\b[^|\n]{0,2000}\|[ \t]{0,20}(?:sudo[ \t]{1,20}(?:-[^\s]{1,20}[ \t]{1,20}){0,5})?(?:env[ \t]{1,20})?(?:/usr(?:/local)?/bin/|/bin/)?(?:ba|z|k|da|a)?sh\b`),
    message: 'pipes a downloaded script straight into a shell, running whatever the server sends',
    evidence: 'curl/wget … | sh',
  },
  {
    id: 'shell-runs-download',
    pattern: new RegExp(String.raw`(?:\b(?:ba|z|k|da)?sh[ \t]{1,20}(?:-[a-zA-Z]{1,5}[ \t]{1,20}){0,3}|\bsource[ \t]{1,20}|\beval[ \t]{1,20})["']?(?:\$\(|<\(|\x60)[ \t]{0,5}(?:curl|wget)\b`),
    message: 'runs a downloaded script in a shell without checking it',
    evidence: 'sh -c "$(curl …)"',
  },
];

/** Installers that fetch from the registries the policy names untrusted, by parameter id. */
const INSTALLERS: Record<string, CommandRule> = {
  snap: { id: 'snap', pattern: new RegExp(`${START}snap[ \\t]{1,20}install\\b`), message: 'installs from the Snap store', evidence: 'snap install' },
  choco: { id: 'choco', pattern: new RegExp(`${START}(?:choco(?:\\.exe)?[ \\t]{1,20}(?:install|upgrade)|cinst)\\b`), message: 'installs from Chocolatey', evidence: 'choco install' },
  brew: { id: 'brew', pattern: new RegExp(`${START}brew[ \\t]{1,20}(?:install|reinstall|bundle)\\b`), message: 'installs from Homebrew', evidence: 'brew install' },
  port: { id: 'port', pattern: new RegExp(`${START}port[ \\t]{1,20}(?:-[a-zA-Z]{1,5}[ \\t]{1,20}){0,3}install\\b`), message: 'installs from MacPorts', evidence: 'port install' },
  nix: { id: 'nix', pattern: new RegExp(`${START}(?:nix-env[ \\t]{1,20}${OPTIONS}(?:-i[A-Za-z]{0,3}|--install)\\b|nix[ \\t]{1,20}profile[ \\t]{1,20}install\\b)`), message: 'installs from nixpkgs', evidence: 'nix-env -i / nix profile install' },
  luarocks: { id: 'luarocks', pattern: new RegExp(`${START}luarocks[ \\t]{1,20}${OPTIONS}install\\b`), message: 'installs from LuaRocks', evidence: 'luarocks install' },
  cabal: { id: 'cabal', pattern: new RegExp(`${START}cabal[ \\t]{1,20}${OPTIONS}(?:v[12]-)?install\\b`), message: 'installs from Hackage (cabal install)', evidence: 'cabal install' },
  cargo: { id: 'cargo', pattern: new RegExp(`${START}cargo[ \\t]{1,20}(?:\\+[^\\s]{1,40}[ \\t]{1,20})?(?:install|binstall)\\b`), message: 'installs from crates.io (cargo install)', evidence: 'cargo install' },
  pip: {
    id: 'pip',
    pattern: new RegExp(`${START}(?:pip[0-9.]{0,5}|pipx|python[0-9.]{0,5}[ \\t]{1,20}-m[ \\t]{1,20}pip|uv[ \\t]{1,20}pip)[ \\t]{1,20}${OPTIONS}install\\b`),
    message: 'installs from PyPI (pip install)',
    evidence: 'pip install',
    accept: (command) => /(?:^|\s)--no-index\b/.test(command) || (!/--extra-index-url/.test(command) && isOtherHost(optionHost(command, /(?:^|\s)(?:--index-url|-i)(?:[ \t=]|$)/), ['pypi.org', 'files.pythonhosted.org', 'pypi.python.org'])),
  },
  'npm-global': {
    id: 'npm-global',
    pattern: new RegExp(`${START}(?:(?:npm|pnpm)[ \\t]{1,20}${OPTIONS}(?:i|install|add)\\b[^\\n;&|]{0,300}?[ \\t](?:-g|--global)\\b|npm[ \\t]{1,20}(?:-g|--global)[ \\t]{1,20}(?:i|install)\\b|yarn[ \\t]{1,20}global[ \\t]{1,20}add\\b)`),
    message: 'installs a global package from npm (npm install -g)',
    evidence: 'npm install -g',
    accept: (command) => isOtherHost(optionHost(command, /(?:^|\s)--registry(?:[ \t=]|$)/), ['registry.npmjs.org', 'registry.yarnpkg.com', 'registry.npmjs.com']),
  },
};

export default defineControl({
  meta: {
    id: 'install-commands-use-trusted-sources',
    title: 'Install commands use trusted package sources and never pipe downloads into a shell',
    domain: 'containers',
    severity: 'high',
    rationale: 'A `curl | sh` runs whatever the server sends today, unverified; installers for the registries the policy names untrusted bring in code nobody vetted.',
    remediation: 'Download, verify (checksum or signature) and then run installers; install from the OS package manager or a trusted mirror (`--index-url`, `--registry`); deviate a needed untrusted source with a reason.',
    params: {
      deniedInstallers: {
        type: 'string[]',
        default: ['snap', 'choco', 'brew', 'port', 'nix', 'luarocks', 'cabal', 'cargo', 'pip', 'npm-global'],
        description: `Installers that are findings: ${Object.keys(INSTALLERS).join(', ')}. Piping a download into a shell is always one.`,
      },
    },
  },
  facts: { commands: shellCommandFacts },
  check({ commands }, { params }) {
    const blocks = commands.blocks.filter((block) => block.origin !== 'config');
    if (blocks.length === 0) return withoutCommands(commands, 'Dockerfile RUN, shell script, Makefile recipe or CI run step');
    const rules = [...PIPE_TO_SHELL, ...params.deniedInstallers.flatMap((id) => INSTALLERS[id] ?? [])];
    return evaluated(commandFindings(blocks, rules), { judged: blocks });
  },
});

/** Whether a registry option names a host other than the public registry's (a mirror the team controls). */
function isOtherHost(host: string | undefined, publicHosts: readonly string[]): boolean {
  return host !== undefined && !publicHosts.includes(host);
}
