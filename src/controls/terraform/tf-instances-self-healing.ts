import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { elasticBeanstalkFacts } from '../../facts/terraform/elastic-beanstalk.js';
import { appFinding, appHealth } from './beanstalk.js';
import { Ref, Unknown, terraformFacts, type TerraformFacts, type TfAttribute, type TfBlock, type TfResource } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, judgedFindings, remoteModulesNote, type Judged, type Verdict } from './judge.js';
import { firstBlock, managed, show } from '../../facts/terraform/query.js';
import { setting } from './scaling.js';

const ID = 'tf-instances-self-healing';

/** One shortfall of an autoscaling group: fails, or cannot be judged. */
interface Problem {
  outcome: 'fail' | 'unknown';
  text: string;
  key: string;
  line?: number;
}

const problem = (text: string, key: string, line?: number): Problem => ({ outcome: 'fail', text, key, line });
const unclear = (text: string, reason: string, line?: number): Problem => ({ outcome: 'unknown', text: `${text} is not known statically: ${reason}`, key: 'unknown', line });

/** The launch template reference: the group's own block or the mixed instances policy's specification. */
function launchTemplate(group: TfResource): TfBlock | undefined {
  const direct = firstBlock(group, 'launch_template');
  if (direct) return direct;
  const mixed = firstBlock(group, 'mixed_instances_policy');
  const template = mixed ? firstBlock(mixed, 'launch_template') : undefined;
  return template ? firstBlock(template, 'launch_template_specification') : undefined;
}

function templateProblem(group: TfResource): Problem | undefined {
  const template = launchTemplate(group);
  if (!template) {
    if (group.attributes.launch_configuration) return problem('runs from a launch configuration, not a launch template', 'launch-configuration', group.attributes.launch_configuration.line);
    return problem('has no launch template', 'no-launch-template');
  }
  if (template.unknown) return unclear('the launch template', template.unknown, template.line);
  const version = template.attributes.version;
  if (!version) return problem('launch template version is not set (it follows $Default)', 'version-missing', template.line);
  const value = version.value;
  if (value instanceof Unknown) return unclear('the launch template version', value.reason, version.line);
  // A reference to latest_version/default_version resolves to a concrete number recorded in the group at apply time.
  if (value instanceof Ref) return /^(latest|default)_version$/.test(value.path[value.path.length - 1] ?? '') ? undefined : unclear('the launch template version', `${value.text} is known only at apply time`, version.line);
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{1,10}$/.test(value))) return undefined;
  return problem(`launch template version = ${show(value)} is not pinned to a version number`, 'version-unpinned', version.line);
}

function healthCheckProblem(group: TfResource): Problem | undefined {
  const type = group.attributes.health_check_type;
  if (!type) return problem('health_check_type is not set (EC2 status checks only: a hung application is never replaced)', 'health-check-missing');
  if (type.value instanceof Unknown) return unclear('health_check_type', type.value.reason, type.line);
  return type.value === 'ELB' ? undefined : problem(`health_check_type = ${show(type.value)}, not "ELB"`, 'health-check-not-elb', type.line);
}

/** Length of a list argument, or why it is not known. */
function listLength(attribute: TfAttribute | undefined): number | Unknown {
  const value = attribute?.value;
  if (value === undefined || value === null) return 0;
  if (Array.isArray(value)) return value.length;
  if (value instanceof Unknown) return value;
  if (value instanceof Ref) return new Unknown(`${value.text} is known only at apply time`);
  return typeof value === 'string' && value !== '' ? 1 : 0;
}

function targetGroupProblem(terraform: TerraformFacts, group: TfResource): Problem | undefined {
  const own = ['target_group_arns', 'load_balancers'].map((name) => listLength(group.attributes[name]));
  if (own.some((length) => typeof length === 'number' && length > 0)) return undefined;
  const attached = managed(terraform, 'aws_autoscaling_attachment', 'aws_autoscaling_traffic_source_attachment').some((attachment) => {
    const target = attachment.attributes.autoscaling_group_name?.value;
    return (target instanceof Ref && target.address === group.blockAddress) || (typeof target === 'string' && target === group.attributes.name?.value);
  });
  if (attached) return undefined;
  const unknown = own.find((length): length is Unknown => length instanceof Unknown);
  if (unknown) return unclear('the target groups', unknown.reason, group.attributes.target_group_arns?.line);
  return problem('is attached to no load balancer target group (no health check replaces failed instances)', 'no-target-group');
}

function subnetProblem(group: TfResource): Problem | undefined {
  const subnets = group.attributes.vpc_zone_identifier;
  const zones = group.attributes.availability_zones;
  const setting = subnets ?? zones;
  const count = listLength(setting);
  if (count instanceof Unknown) return unclear(subnets ? 'vpc_zone_identifier' : 'availability_zones', count.reason, setting?.line);
  if (count >= 2) return undefined;
  return problem(count === 0 ? 'sets no subnets or availability zones' : 'spans a single subnet: one zone failure takes every instance', 'single-zone', setting?.line);
}

function autoscalingGroup(terraform: TerraformFacts, group: TfResource): Verdict {
  const problems = [templateProblem(group), healthCheckProblem(group), targetGroupProblem(terraform, group), subnetProblem(group)].filter((found): found is Problem => found !== undefined);
  const failing = problems.filter((found) => found.outcome === 'fail');
  if (failing.length > 0) return fail(failing.map((found) => found.text).join('; '), failing[0]?.line, failing.map((found) => found.key).join(','));
  const first = problems[0];
  return first ? cannotJudge(first.text, first.line) : PASS;
}

/** Elastic Beanstalk replaces instances behind its load balancer when the environment is load balanced and has a health check URL. */
function beanstalk(environment: TfResource): Verdict {
  const type = setting(environment, 'aws:elasticbeanstalk:environment', 'EnvironmentType');
  if (type?.value instanceof Unknown) return cannotJudge(`EnvironmentType is not known statically: ${type.value.reason}`, type.line);
  if (type?.value === 'SingleInstance') return fail('EnvironmentType = "SingleInstance": no load balancer health check replaces a failed instance', type.line, 'single-instance');
  const check = setting(environment, 'aws:elasticbeanstalk:environment:process:default', 'HealthCheckPath') ?? setting(environment, 'aws:elasticbeanstalk:application', 'Application Healthcheck URL');
  if (!check) return fail('no health check URL (HealthCheckPath of the default process): a hung application still answers TCP and is never replaced', environment.line, 'no-health-check');
  if (check.value instanceof Unknown) return cannotJudge(`the health check URL is not known statically: ${check.value.reason}`, check.line);
  return PASS;
}

export default defineControl({
  meta: {
    id: ID,
    title: 'Servers heal themselves in autoscaling groups',
    domain: 'terraform',
    severity: 'medium',
    rationale:
      'A hand-built server that dies stays dead until someone notices; an autoscaling group across zones, replacing instances that fail the load balancer health check from a pinned launch template, restores the same server without a person.',
    remediation:
      'Run long-lived servers in aws_autoscaling_group with launch_template { version = <number or aws_launch_template.X.latest_version> }, health_check_type = "ELB", target_group_arns, and vpc_zone_identifier listing subnets in two or more zones; replace standalone aws_instance resources; load-balance Elastic Beanstalk environments with a HealthCheckPath.',
    facts: ['terraform', 'elastic-beanstalk'],
  },
  async check({ facts }) {
    const [terraform, ebextensions] = await Promise.all([facts(terraformFacts), facts(elasticBeanstalkFacts)]);
    const judged: Judged[] = [
      ...managed(terraform, 'aws_instance').map((resource) => ({
        resource,
        verdict: fail('a standalone instance: nothing replaces it when it fails (run it in an autoscaling group)', resource.line, 'standalone-instance'),
      })),
      ...managed(terraform, 'aws_autoscaling_group').map((resource) => ({ resource, verdict: autoscalingGroup(terraform, resource) })),
      ...managed(terraform, 'aws_elastic_beanstalk_environment').map((resource) => ({ resource, verdict: beanstalk(resource) })),
    ];
    if (judged.length === 0 && ebextensions.apps.length === 0) return notApplicable('no EC2 instances, autoscaling groups or Elastic Beanstalk environments (Terraform or .ebextensions)');
    const findings = judgedFindings(ID, terraform, judged);
    for (const app of ebextensions.apps) {
      const problem = appHealth(app);
      if (problem) findings.push(appFinding(ID, app, problem));
    }
    return evaluated(findings, `${judged.length} Terraform resource(s) and ${ebextensions.apps.length} .ebextensions application(s) judged${remoteModulesNote(terraform)}`);
  },
});
