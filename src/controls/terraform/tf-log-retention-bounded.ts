import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, outcomeOf, type Verdict } from './judge.js';
import { managed, numberOf, show } from '../../facts/terraform/query.js';

/** Log stores and the argument that sets their retention in days. */
const RETENTION: Record<string, string> = {
  aws_cloudwatch_log_group: 'retention_in_days',
  azurerm_log_analytics_workspace: 'retention_in_days',
  google_logging_project_bucket_config: 'retention_days',
};

function verdictOf(resource: TfResource, attribute: string, minimum: number, maximum: number): Verdict {
  const setting = resource.attributes[attribute];
  if (!setting) return fail(`${attribute} is not set: logs are kept forever (or for the provider default)`, resource.line, `${attribute}-missing`);
  const days = numberOf(setting.value);
  if (days instanceof Unknown) return cannotJudge(`${attribute} is not known statically: ${days.reason}`, setting.line);
  if (days === undefined || days === 0) return fail(`${attribute} = ${show(setting.value)}: logs are kept forever`, setting.line, `${attribute}-forever`);
  if (days < minimum || days > maximum) return fail(`${attribute} = ${days}, outside ${minimum}..${maximum} days`, setting.line, `${attribute}-out-of-bounds`);
  return PASS;
}

export default defineControl({
  meta: {
    id: 'tf-log-retention-bounded',
    title: 'Every log group keeps logs for a finite, bounded retention',
    domain: 'terraform',
    severity: 'low',
    rationale: 'Logs kept forever accumulate personal data and cost; logs kept too briefly are gone before an incident is noticed.',
    remediation: 'Set retention_in_days on every aws_cloudwatch_log_group (and retention on Azure/GCP log stores) to a value within the policy bounds, e.g. 90 or 365.',
    params: {
      minDays: { type: 'number', default: 1, minimum: 1, description: 'Shortest acceptable retention in days' },
      maxDays: { type: 'number', default: 3653, minimum: 1, description: 'Longest acceptable retention in days' },
    },
    facts: ['terraform'],
  },
  async check({ facts, params }) {
    const terraform = await facts(terraformFacts);
    const judged = managed(terraform, ...Object.keys(RETENTION)).map((resource) => ({ resource, verdict: verdictOf(resource, RETENTION[resource.type] ?? '', params.minDays, params.maxDays) }));
    return outcomeOf('tf-log-retention-bounded', terraform, judged, 'no log groups in the Terraform configuration');
  },
});
