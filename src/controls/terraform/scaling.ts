import { Unknown, type TerraformFacts, type TfAttribute, type TfResource } from '../../facts/terraform/terraform.js';
import { PASS, cannotJudge, fail, type Judged, type Verdict } from './judge.js';
import { blocksOf, managed, numberOf, show } from '../../facts/terraform/query.js';

/** Judges a minimum and a maximum: the minimum redundant, the maximum above it. */
function bounds(min: TfAttribute | undefined, max: TfAttribute | undefined, names: [string, string], minimum: number, fallbackLine: number): Verdict {
  if (!min || !max) return fail(`${!min ? names[0] : names[1]} is not set`, fallbackLine, 'bounds-missing');
  const low = numberOf(min.value);
  const high = numberOf(max.value);
  if (low instanceof Unknown) return cannotJudge(`${names[0]} is not known statically: ${low.reason}`, min.line);
  if (high instanceof Unknown) return cannotJudge(`${names[1]} is not known statically: ${high.reason}`, max.line);
  if (low === undefined || low < minimum) return fail(`${names[0]} = ${show(min.value)}: it may run fewer than ${minimum} instance(s)`, min.line, 'min');
  if (high === undefined || high <= low) return fail(`cannot scale: ${names[1]} ${show(max.value)} is not above ${names[0]} ${low}`, max.line, 'max');
  return PASS;
}

/** An Elastic Beanstalk `setting { namespace, name, value }`, as an attribute at the setting's line. */
export function setting(environment: TfResource, namespace: string, name: string): TfAttribute | undefined {
  const block = blocksOf(environment, 'setting').find((candidate) => candidate.attributes.namespace?.value === namespace && candidate.attributes.name?.value === name);
  const value = block?.attributes.value;
  return block && value ? { value: value.value, line: block.line } : undefined;
}

function beanstalk(environment: TfResource, minimum: number): Verdict {
  const type = setting(environment, 'aws:elasticbeanstalk:environment', 'EnvironmentType');
  if (type?.value instanceof Unknown) return cannotJudge(`EnvironmentType is not known statically: ${type.value.reason}`, type.line);
  if (type?.value === 'SingleInstance') return fail('EnvironmentType = "SingleInstance": one instance, never scaled', type.line, 'single-instance');
  return bounds(setting(environment, 'aws:autoscaling:asg', 'MinSize'), setting(environment, 'aws:autoscaling:asg', 'MaxSize'), ['MinSize', 'MaxSize'], minimum, environment.line);
}

/** Terraform autoscaling groups (min_size/max_size) and Elastic Beanstalk environments (LoadBalanced, MinSize/MaxSize). */
export function terraformScaling(terraform: TerraformFacts, minimum: number): Judged[] {
  return [
    ...managed(terraform, 'aws_autoscaling_group').map((resource) => ({ resource, verdict: bounds(resource.attributes.min_size, resource.attributes.max_size, ['min_size', 'max_size'], minimum, resource.line) })),
    ...managed(terraform, 'aws_elastic_beanstalk_environment').map((resource) => ({ resource, verdict: beanstalk(resource, minimum) })),
  ];
}
