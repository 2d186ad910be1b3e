import { writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { scan } from '../scan.js';
import { builtinControls } from '../controls/index.js';
import { ConfigError } from '../config/load.js';
import { DOMAINS, SEVERITIES } from '../core/result.js';
import { reporters } from '../reporters/index.js';
import { VERSION } from '../version.js';
import { EXIT_USAGE, exitCodeFor, type FailOn } from './exit-code.js';
import { printable } from '../reporters/text.js';
import { registerExceptionCommands, registerPolicyCommands } from './policy-commands.js';
import { DEFAULT_PACK } from '../packs/load.js';
import { packageInventory } from '../facts/supply-chain/inventory.js';
import { vulnerabilityFacts } from '../facts/supply-chain/vulnerabilities.js';

interface ScanFlags {
  format: string;
  output?: string;
  by: 'requirements' | 'controls';
  failOn: FailOn;
  config?: string;
  only: string[];
  skip: string[];
  pack: string[];
  timing?: boolean;
  color: boolean;
  github?: boolean;
  online?: boolean;
  osvDb?: string;
  cacheDir?: string;
  disallowInlineWaivers?: boolean;
  since?: string;
  verifySignatures?: boolean;
  allowedSigners?: string;
  repo?: string;
  githubUrl?: string;
  secretsConfig?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').filter(Boolean)];

/** Builds the command tree; `extend` lets later modules add commands (policy, attest, deviate …). */
export function buildProgram(io: { out: (text: string) => void; err: (text: string) => void; isTTY: boolean; env: NodeJS.ProcessEnv }): {
  program: Command;
  exitCode: () => number;
} {
  let exitCode = 0;
  const program = new Command('tenet')
    .description('Secure-engineering policy as code: verify security policies against a repository.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  program
    .command('scan')
    .description('Scan a repository and report each control (and policy requirement).')
    .argument('[path]', 'directory to scan', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(reporters)).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--by <unit>', 'junit: one test case per requirement or per control').choices(['requirements', 'controls']).default('requirements'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when something fails at or above this severity').choices([...SEVERITIES.filter((s) => s !== 'info'), 'none']).default('high'))
    .option('-c, --config <file>', 'configuration file (default: .tenet.yml in the scanned directory)')
    .option('--only <ids>', 'run only these controls (repeatable, or comma-separated)', collect, [])
    .option('--skip <ids>', 'skip these controls (repeatable, or comma-separated)', collect, [])
    .option('--pack <id|path>', `policy pack to evaluate (repeatable; over packs: in .tenet.yml; default ${DEFAULT_PACK})`, collect, [])
    .option('--timing', 'report the time spent per collector and per control')
    .option('--github', 'query the GitHub API (token from GITHUB_TOKEN or GH_TOKEN)')
    .option('--online', 'query online advisory services')
    .option('--osv-db <path>', 'offline advisories: a directory or all.zip files of OSV exports (indexed once into the cache)')
    .option('--cache-dir <dir>', 'cache for the OSV index and online answers (default: TENET_CACHE_DIR, else XDG_CACHE_HOME/tenet or ~/.cache/tenet)')
    .option('--disallow-inline-waivers', 'ignore tenet:ignore comments in scanned files')
    .option('--since <date|ref>', 'judge only history since this date or commit: change control defaults to the last 90 days, secrets to the whole history')
    .option('--verify-signatures', 'verify commit signatures through git (gpg, ssh-keygen) instead of only detecting them')
    .option('--allowed-signers <file>', 'SSH allowed-signers file for --verify-signatures')
    .option('--repo <owner/name>', 'the GitHub repository to query (default: from the origin remote)')
    .option('--github-url <url>', 'GitHub API base URL, e.g. https://github.example.com/api/v3 (default: GITHUB_API_URL or api.github.com)')
    .option('--secrets-config <file>', 'gitleaks TOML configuration for the secrets rules ([extend] useDefault keeps the built-ins)')
    .option('--no-color', 'plain output (also when NO_COLOR is set)')
    .action(async (target: string, flags: ScanFlags) => {
      const progress = io.isTTY ? (text: string) => io.err(text) : () => undefined;
      progress(`tenet: scanning ${printable(target)}…\n`);
      const result = await scan({
        path: target,
        configFile: flags.config,
        only: flags.only,
        skip: flags.skip,
        packs: flags.pack.length ? flags.pack : undefined,
        timing: flags.timing ?? false,
        github: flags.github ?? false,
        online: flags.online ?? false,
        disallowInlineWaivers: flags.disallowInlineWaivers ?? false,
        keepFacts: flags.format === 'raw' || flags.format === 'cyclonedx',
        collect: flags.format === 'cyclonedx' ? [packageInventory, ...(flags.osvDb || flags.online ? [vulnerabilityFacts] : [])] : [],
        extra: withoutUndefined({
          since: flags.since,
          verifySignatures: flags.verifySignatures,
          allowedSigners: flags.allowedSigners,
          githubRepo: flags.repo,
          githubApiUrl: flags.githubUrl,
          osvDb: flags.osvDb,
          cacheDir: flags.cacheDir,
          secretsConfig: flags.secretsConfig ? resolvePath(flags.secretsConfig) : undefined,
        }),
      });
      const color = flags.color && !flags.output && io.isTTY && io.env.NO_COLOR === undefined;
      const render = reporters[flags.format];
      if (!render) throw new InvalidArgumentError(`unknown format ${flags.format}`);
      const text = render(result, { color, by: flags.by });
      if (flags.output) writeFileSync(flags.output, text);
      else io.out(text);
      exitCode = exitCodeFor(result, flags.failOn);
    });

  program
    .command('controls')
    .description('List the controls: id, domain, severity and title.')
    .addOption(new Option('--domain <domain>', 'only this domain').choices([...DOMAINS]))
    .option('--json', 'as JSON, with rationale, remediation and parameters')
    .action((flags: { domain?: string; json?: boolean }) => {
      const controls = builtinControls.filter((control) => !flags.domain || control.meta.domain === flags.domain);
      if (flags.json) {
        io.out(`${JSON.stringify(controls.map((control) => control.meta), null, 2)}\n`);
        return;
      }
      const width = Math.max(2, ...controls.map((control) => control.meta.id.length));
      for (const { meta } of controls) {
        io.out(`${meta.id.padEnd(width)}  ${meta.domain.padEnd(14)}  ${meta.severity.padEnd(8)}  ${meta.title}\n`);
      }
      io.out(`${controls.length} controls\n`);
    });

  registerPolicyCommands(program, io);
  registerExceptionCommands(program, io);

  return { program, exitCode: () => exitCode };
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** Runs the CLI; resolves with the process exit code. The only place that decides it. */
export async function main(argv: readonly string[]): Promise<number> {
  const io = {
    out: (text: string) => void process.stdout.write(text),
    err: (text: string) => void process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
  const { program, exitCode } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      io.err(`tenet: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.err(`tenet: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_USAGE;
  }
}
