import { defineCollector } from '../collector.js';

export interface BotMergeStep {
  file: string;
  line?: number;
  job: string;
  /** What the step does, e.g. `gh pr merge --auto`. */
  what: string;
}

// Actions whose whole purpose is to merge or approve pull requests without a person.
const MERGING_ACTIONS = [
  'pascalgn/automerge-action',
  'peter-evans/enable-pull-request-automerge',
  'ahmadnassri/action-dependabot-auto-merge',
  'fastify/github-action-merge-dependabot',
  'ridedott/merge-me-action',
  'hmarr/auto-approve-action',
  'cognitedata/auto-approve-dependabot-action',
  'reitermarkus/automerge',
  'plm9606/automerge_actions',
];
const AUTO_MERGE_COMMAND = /\bgh\s+pr\s+merge\b[^\n]{0,500}--auto\b/;
const MERGE_OR_APPROVE_COMMAND = /\bgh\s+pr\s+(?:merge\b|review\b[^\n]{0,300}(?:--approve|\s-a\b))/;
const BOT_CONTEXT = /dependabot|renovate|\[bot\]/i;

/**
 * Steps in GitHub Actions workflows that merge or approve dependency-bot pull requests without a
 * person: `gh pr merge --auto`, the enablePullRequestAutoMerge mutation, auto-merge/auto-approve
 * actions, and `gh pr merge` / `gh pr review --approve` in workflows that read Dependabot metadata or
 * are conditioned on a bot.
 */
export const botMergeWorkflows = defineCollector<BotMergeStep[]>({
  id: 'bot-merge-workflows',
  description: 'GitHub Actions steps that merge or approve dependency-bot pull requests',
  collect({ repo }) {
    const steps: BotMergeStep[] = [];
    for (const { path: file } of repo.glob(['.github/workflows/*.yml', '.github/workflows/*.yaml'])) {
      const text = repo.readText(file);
      for (const document of repo.yaml(file) ?? []) {
        const jobs = record(record(document.value)?.jobs);
        if (!jobs || text === undefined) continue;
        const botWorkflow = text.includes('dependabot/fetch-metadata') || /\bgithub\.(?:actor|triggering_actor)\b[^\n]{0,200}(?:dependabot|renovate)/i.test(text);
        for (const [job, definition] of Object.entries(jobs)) {
          const jobRecord = record(definition);
          const jobForBots = botWorkflow || (typeof jobRecord?.if === 'string' && BOT_CONTEXT.test(jobRecord.if));
          const list = Array.isArray(jobRecord?.steps) ? (jobRecord.steps as unknown[]) : [];
          list.forEach((entry, index) => {
            const step = record(entry);
            if (!step) return;
            const uses = typeof step.uses === 'string' ? step.uses : '';
            const run = typeof step.run === 'string' ? step.run : '';
            const script = typeof record(step.with)?.script === 'string' ? String(record(step.with)?.script) : '';
            const forBots = jobForBots || (typeof step.if === 'string' && BOT_CONTEXT.test(step.if));
            const action = MERGING_ACTIONS.find((name) => uses.toLowerCase().startsWith(`${name}@`) || uses.toLowerCase() === name);
            let what: string | undefined;
            if (action) what = `uses ${action}`;
            else if (AUTO_MERGE_COMMAND.test(run)) what = 'runs gh pr merge --auto';
            else if (/enablePullRequestAutoMerge/.test(run) || /enablePullRequestAutoMerge/.test(script)) what = 'enables auto-merge through the GraphQL API';
            else if (forBots && MERGE_OR_APPROVE_COMMAND.test(run)) what = `runs ${/review/.test(MERGE_OR_APPROVE_COMMAND.exec(run)?.[0] ?? '') ? 'gh pr review --approve' : 'gh pr merge'} on bot pull requests`;
            if (!what) return;
            const key = action ? 'uses' : script && !run ? 'with' : 'run';
            steps.push({ file, job, what, line: document.lineOf(['jobs', job, 'steps', index, key]) });
          });
        }
      }
    }
    return steps;
  },
});

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
