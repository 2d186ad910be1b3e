import { writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { scan } from '../scan.js';
import { builtinControls } from '../controls/index.js';
import { ConfigError } from '../config/load.js';
import { DOMAINS, SEVERITIES } from '../engine/types.js';
import { reporters } from '../reporters/index.js';
import { VERSION } from '../version.js';
import { EXIT_USAGE, exitCodeFor, type FailOn } from './exit-code.js';
import { printable } from '../reporters/text.js';

interface ScanFlags {
  format: string;
  output?: string;
  failOn: FailOn;
  config?: string;
  only: string[];
  skip: string[];
  timing?: boolean;
  color: boolean;
  github?: boolean;
  online?: boolean;
  disallowInlineWaivers?: boolean;
  secretsConfig?: string;
  since?: string;
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
    .addOption(new Option('--fail-on <severity>', 'exit 1 when something fails at or above this severity').choices([...SEVERITIES.filter((s) => s !== 'info'), 'none']).default('high'))
    .option('-c, --config <file>', 'configuration file (default: .tenet.yml in the scanned directory)')
    .option('--only <ids>', 'run only these controls (repeatable, or comma-separated)', collect, [])
    .option('--skip <ids>', 'skip these controls (repeatable, or comma-separated)', collect, [])
    .option('--timing', 'report the time spent per collector and per control')
    .option('--github', 'query the GitHub API (token from GITHUB_TOKEN or GH_TOKEN)')
    .option('--online', 'query online advisory services')
    .option('--disallow-inline-waivers', 'ignore tenet:ignore comments in scanned files')
    .option('--secrets-config <file>', 'gitleaks TOML configuration for the secrets rules ([extend] useDefault keeps the built-ins)')
    .option('--since <ref>', 'history controls look only at what is new since this ref')
    .option('--no-color', 'plain output (also when NO_COLOR is set)')
    .action(async (target: string, flags: ScanFlags) => {
      const progress = io.isTTY ? (text: string) => io.err(text) : () => undefined;
      progress(`tenet: scanning ${printable(target)}…\n`);
      const result = await scan({
        path: target,
        configFile: flags.config,
        only: flags.only,
        skip: flags.skip,
        timing: flags.timing ?? false,
        github: flags.github ?? false,
        online: flags.online ?? false,
        disallowInlineWaivers: flags.disallowInlineWaivers ?? false,
        keepFacts: flags.format === 'raw',
        extra: {
          ...(flags.secretsConfig ? { secretsConfig: resolvePath(flags.secretsConfig) } : {}),
          ...(flags.since ? { since: flags.since } : {}),
        },
      });
      const color = flags.color && !flags.output && io.isTTY && io.env.NO_COLOR === undefined;
      const render = reporters[flags.format];
      if (!render) throw new InvalidArgumentError(`unknown format ${flags.format}`);
      const text = render(result, { color });
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

  return { program, exitCode: () => exitCode };
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
