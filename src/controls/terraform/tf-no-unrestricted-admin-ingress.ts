import { defineControl } from '../../engine/control.js';
import { Unknown, terraformFacts, type TfResource } from '../../facts/terraform/terraform.js';
import { INGRESS_TYPES, ingressRules } from '../../facts/terraform/ingress-rules.js';
import { PASS, cannotJudge, fail, outcomeOf, type Verdict } from './judge.js';
import { managed } from '../../facts/terraform/query.js';

function verdictOf(resource: TfResource, sensitive: readonly number[]): Verdict {
  let unknown: Verdict | undefined;
  for (const rule of ingressRules(resource) ?? []) {
    if (rule.worldSources instanceof Unknown) {
      unknown ??= cannotJudge(`the sources of an ingress rule are not known statically: ${rule.worldSources.reason}`, rule.line);
      continue;
    }
    if (rule.worldSources.length === 0) continue;
    if (rule.ports instanceof Unknown) {
      unknown ??= cannotJudge(`an ingress rule open to ${rule.worldSources.join(', ')} has ports not known statically: ${rule.ports.reason}`, rule.line);
      continue;
    }
    const ranges = rule.ports;
    const opened = ranges === 'all' ? ['all ports'] : sensitive.filter((port) => ranges.some((range) => range.from <= port && port <= range.to)).map(String);
    if (opened.length > 0) return fail(`allows ${opened.join(', ')} from ${[...new Set(rule.worldSources)].join(', ')}`, rule.line, `${opened.join(',')}<-${[...new Set(rule.worldSources)].join(',')}`);
  }
  return unknown ?? PASS;
}

export default defineControl({
  meta: {
    id: 'tf-no-unrestricted-admin-ingress',
    title: 'No security group or firewall opens administrative or database ports to the internet',
    domain: 'terraform',
    severity: 'critical',
    rationale: 'SSH, RDP and database ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of exposure.',
    remediation: 'Restrict the source of SSH/RDP/database rules to known CIDRs or security groups, or reach hosts through SSM Session Manager, a bastion or a VPN; never use protocol -1 with 0.0.0.0/0.',
    params: {
      ports: {
        type: 'string[]',
        default: ['22', '23', '3389', '5900', '2375', '2376', '3306', '5432', '1433', '1521', '27017', '6379', '9200', '9300', '5439', '11211', '5984', '9042'],
        description: 'Ports that must never be open to the whole internet',
      },
    },
    facts: ['terraform'],
  },
  async check({ facts, params }) {
    const terraform = await facts(terraformFacts);
    const sensitive = [...new Set(params.ports.map(Number).filter((port) => Number.isInteger(port)))].sort((a, b) => a - b);
    const judged = managed(terraform, ...INGRESS_TYPES)
      .filter((resource) => (ingressRules(resource)?.length ?? 0) > 0)
      .map((resource) => ({ resource, verdict: verdictOf(resource, sensitive) }));
    return outcomeOf('tf-no-unrestricted-admin-ingress', terraform, judged, 'no ingress rules in the Terraform configuration');
  },
});
