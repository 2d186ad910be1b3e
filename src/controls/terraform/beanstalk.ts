import type { FindingInput } from '../../engine/control.js';
import type { BeanstalkApp, BeanstalkSetting } from '../../facts/terraform/elastic-beanstalk.js';

/** What is wrong with one `.ebextensions` application, at the setting concerned when there is one. */
export interface AppProblem {
  outcome: 'fail' | 'unknown';
  message: string;
  key: string;
  at?: BeanstalkSetting;
}

export function appFinding(controlId: string, app: BeanstalkApp, problem: AppProblem): FindingInput {
  const file = problem.at?.file ?? app.files[0] ?? app.address;
  const line = problem.at?.line ?? 1;
  const finding: FindingInput = { message: `${app.address}: ${problem.message}`, file, line, resource: app.address, key: problem.key, outcome: problem.outcome };
  const waiver = app.waiver(controlId, file, line);
  if (waiver) finding.suppressed = waiver;
  return finding;
}

function count(setting: BeanstalkSetting | undefined): number | undefined | 'unknown' {
  const value = setting?.value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value);
  return 'unknown';
}

/** SingleInstance environments fail; load-balanced ones need MinSize >= minimum and a higher MaxSize. */
export function appScaling(app: BeanstalkApp, minimum: number): AppProblem | undefined {
  const type = app.setting('aws:elasticbeanstalk:environment', 'EnvironmentType');
  if (type?.value === 'SingleInstance') return { outcome: 'fail', message: 'EnvironmentType is SingleInstance: one instance, never scaled', key: 'single-instance', at: type };
  const min = app.setting('aws:autoscaling:asg', 'MinSize');
  const max = app.setting('aws:autoscaling:asg', 'MaxSize');
  const low = count(min);
  const high = count(max);
  if (low === 'unknown' || high === 'unknown') return { outcome: 'unknown', message: 'MinSize/MaxSize are not literal numbers', key: 'dynamic', at: low === 'unknown' ? min : max };
  if (low === undefined || high === undefined) return { outcome: 'fail', message: `${low === undefined ? 'MinSize' : 'MaxSize'} is not set in aws:autoscaling:asg`, key: 'bounds-missing', at: min ?? max };
  if (low < minimum) return { outcome: 'fail', message: `MinSize ${low}: the environment may run fewer than ${minimum} instance(s)`, key: 'min', at: min };
  if (high <= low) return { outcome: 'fail', message: `cannot scale: MaxSize ${high} is not above MinSize ${low}`, key: 'max', at: max };
  return undefined;
}

/** Instances are replaced on failed health checks only when load balanced with a health check URL. */
export function appHealth(app: BeanstalkApp): AppProblem | undefined {
  const type = app.setting('aws:elasticbeanstalk:environment', 'EnvironmentType');
  if (type?.value === 'SingleInstance') return { outcome: 'fail', message: 'EnvironmentType is SingleInstance: no load balancer health check replaces a failed instance', key: 'single-instance', at: type };
  const check = app.setting('aws:elasticbeanstalk:environment:process:default', 'HealthCheckPath') ?? app.setting('aws:elasticbeanstalk:application', 'Application Healthcheck URL');
  if (!check || check.value === '' || check.value === null) return { outcome: 'fail', message: 'no HealthCheckPath (aws:elasticbeanstalk:environment:process:default): a hung application is never replaced', key: 'no-health-check' };
  return undefined;
}
