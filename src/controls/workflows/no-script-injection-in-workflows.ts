import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { githubWorkflowFacts } from '../../facts/workflows/github-workflows.js';
import { unreadableFindings, workflowFinding, workflowResource } from './workflow-finding.js';

const ID = 'no-script-injection-in-workflows';
const EXPRESSION = /\$\{\{([^}]{0,500})\}\}/g;
const AUTHOR = 'author(?:\\.[A-Za-z_*]{1,20})?';
const ANY_INDEX = '(?:\\[[^\\]]{0,12}\\]|\\.\\*)';
/** Contexts an outsider controls (controls.md, Semantics: Workflows), plus their exact siblings. */
const UNTRUSTED_CONTEXT = new RegExp(
  [
    'github\\.event\\.issue\\.(?:title|body)',
    'github\\.event\\.pull_request\\.(?:title|body|head\\.ref|head\\.label)',
    'github\\.event\\.(?:comment|review|review_comment)\\.body',
    'github\\.event\\.discussion\\.(?:title|body)',
    `github\\.event\\.pages${ANY_INDEX}\\.page_name`,
    `github\\.event\\.commits${ANY_INDEX}\\.(?:message|${AUTHOR})`,
    `github\\.event\\.(?:workflow_run\\.)?head_commit\\.(?:message|${AUTHOR})`,
    'github\\.event\\.workflow_run\\.head_branch',
    'github\\.head_ref',
  ]
    .map((pattern) => `(?:${pattern})`)
    .join('|') + '(?![\\w.])',
);

/** The attacker-controlled contexts the expressions of a script read, each with the script line (0-based) it starts on. */
export function untrustedContexts(script: string): { context: string; lineIndex: number }[] {
  const found: { context: string; lineIndex: number }[] = [];
  for (const match of script.matchAll(EXPRESSION)) {
    const inner = match[1] ?? '';
    const lineIndex = script.slice(0, match.index).split('\n').length - 1;
    for (const hit of inner.matchAll(new RegExp(UNTRUSTED_CONTEXT.source, 'g'))) found.push({ context: hit[0], lineIndex });
  }
  return found;
}

export default defineControl({
  meta: {
    id: ID,
    title: 'No attacker-controlled expression is expanded inside a workflow script',
    domain: 'workflows',
    severity: 'high',
    rationale:
      '`${{ }}` expressions are pasted into `run:` scripts before the shell sees them. An issue title, pull request body, branch name or commit message is chosen by whoever opens it, so `"${{ github.event.issue.title }}"` lets them run commands with the workflow\'s token and secrets.',
    remediation:
      'Pass the value through an environment variable and quote it: `env: { TITLE: ${{ github.event.issue.title }} }` then `run: echo "$TITLE"`. The same applies to `actions/github-script` scripts (read `context.payload` instead).',
    facts: ['github-workflows'],
  },
  async check({ facts }) {
    const { workflows, unreadable } = await facts(githubWorkflowFacts);
    if (workflows.length === 0 && unreadable.length === 0) return notApplicable('no GitHub Actions workflows or actions');
    const findings: FindingInput[] = unreadableFindings(unreadable);
    for (const workflow of workflows) {
      for (const job of workflow.jobs) {
        const subject = job.id === 'runs' ? 'action' : `job ${job.id}`;
        for (const step of job.steps) {
          const scripts = [
            { lines: step.runLines, where: 'run: script', advice: 'pass it through env: and quote "$VAR"' },
            { lines: step.scriptLines, where: 'github-script script', advice: 'read it from context.payload instead' },
          ];
          for (const { lines, where, advice } of scripts) {
            const seen = new Set<string>();
            // Expressions may span lines, so the whole script is searched and each hit mapped back to its line.
            for (const { context, lineIndex } of untrustedContexts(lines.map((line) => line.text).join('\n'))) {
              const line = lines[lineIndex];
              const key = `${context}@${(line?.text ?? '').trim().slice(0, 200)}`;
              if (seen.has(key)) continue;
              seen.add(key);
              findings.push(
                workflowFinding(ID, workflow, {
                  message: `\${{ ${context} }} is expanded into the ${where} of ${subject} step ${step.index}; ${advice}`,
                  line: line?.line ?? step.runLine ?? step.line,
                  resource: workflowResource(workflow, job, step),
                  key,
                  evidence: `\${{ ${context} }}`,
                }),
              );
            }
          }
        }
      }
    }
    return evaluated(findings);
  },
});
