import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { ciFacts, type CiCommand, type CiJob } from '../../facts/ci/ci.js';
import { programsOf } from '../../facts/ci/commands.js';
import { typescriptUsageFacts } from '../../facts/ci/typescript-usage.js';
import { blindSpots, jobAddress } from './ci-jobs.js';

const TYPE_CHECKERS = new Set(['tsc', 'vue-tsc', 'tsgo', 'tsc-files', 'svelte-check', 'deno']);

export default defineControl({
  meta: {
    id: 'typescript-used',
    title: 'JavaScript code is written in TypeScript and type-checked in CI',
    domain: 'ci',
    severity: 'low',
    rationale: 'Type checking catches whole classes of defects (wrong shapes, missing null checks, misspelt properties) before they run, but only for code written in TypeScript and only where tsc actually runs.',
    remediation: 'Add tsconfig.json and the `typescript` dev dependency, write new code as .ts/.tsx and migrate the rest, and run `tsc --noEmit` (or a build that runs tsc) in CI or in the lint/test script CI runs.',
    params: {
      minimumShare: { type: 'number', default: 0.8, description: 'Share of first-party JS/TS source files (0–1) that must be .ts/.tsx/.mts/.cts.' },
    },
    facts: ['typescript-usage', 'ci'],
  },
  async check({ facts, params }) {
    const usage = await facts(typescriptUsageFacts);
    const total = usage.typescriptFiles + usage.javascriptFiles;
    if (total === 0) return notApplicable('no first-party JavaScript or TypeScript source');
    const findings: FindingInput[] = [];
    if (usage.tsconfigs.length === 0) findings.push({ message: 'no tsconfig.json configures the TypeScript compiler', file: usage.manifest, key: 'no-tsconfig' });
    if (usage.typescriptDeclaredIn === undefined) findings.push({ message: 'no package.json declares the `typescript` dependency', file: usage.manifest, key: 'no-typescript-dependency' });
    const share = usage.typescriptFiles / total;
    if (share < params.minimumShare) {
      findings.push({
        message: `only ${Math.round(share * 100)}% of ${total} JS/TS source files are TypeScript (minimum ${Math.round(params.minimumShare * 100)}%); JavaScript e.g. ${usage.javascriptExamples.slice(0, 3).join(', ')}`,
        file: usage.javascriptExamples[0],
        key: 'share',
      });
    }
    const ci = await facts(ciFacts);
    const checking = ci.jobs.map((job) => ({ job, command: typeCheck(job) })).find((entry) => entry.command !== undefined);
    if (!checking) {
      const blind = blindSpots(ci);
      findings.push({
        message: ci.systems.length === 0 ? 'no CI configuration found, so nothing runs the TypeScript type checker' : 'no CI job runs tsc (directly or through the scripts it calls)',
        file: ci.systems[0]?.files[0] ?? usage.manifest,
        key: 'no-type-check',
        ...(blind ? { outcome: 'unknown' as const, evidence: blind.slice(0, 200) } : {}),
      });
    }
    const reason = checking?.command ? `${usage.typescriptFiles} of ${total} JS/TS files are TypeScript; ${jobAddress(checking.job)} runs \`${checking.command.text.slice(0, 80)}\`${checking.command.via ? ` (${checking.command.via})` : ''}` : undefined;
    return evaluated(findings, findings.length === 0 ? reason : undefined);
  },
});

/** The first command of a job (scripts followed) that runs the TypeScript type checker. */
function typeCheck(job: CiJob): CiCommand | undefined {
  return job.commands.find((command) => programsOf(command.text).some((program) => TYPE_CHECKERS.has(program)) && !/\bdeno\s+(run|fmt|lint)\b/.test(command.text));
}
