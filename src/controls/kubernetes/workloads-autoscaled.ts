import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { at, kubernetesFacts, type KubeResource } from '../../facts/kubernetes/kubernetes.js';
import { terraformFacts } from '../../facts/terraform/terraform.js';
import { judgedFindings } from '../terraform/judge.js';
import { terraformScaling } from '../terraform/scaling.js';
import { elasticBeanstalkFacts } from '../../facts/terraform/elastic-beanstalk.js';
import { appFinding, appScaling } from '../terraform/beanstalk.js';
import { indexAutoscalers } from './scaling.js';
import { resourceFinding, withoutSubjects } from './workload-finding.js';

const ID = 'workloads-autoscaled';
const SCALABLE = new Set(['Deployment', 'StatefulSet']);

/**
 * HorizontalPodAutoscalers (and KEDA) for Kubernetes workloads, and min/max bounds of Terraform
 * aws_autoscaling_group and Elastic Beanstalk (Terraform environments and `.ebextensions`).
 */
export default defineControl({
  meta: {
    id: ID,
    title: 'Workloads scale horizontally between a redundant minimum and a higher maximum',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'A service built to run as N instances survives the loss of one and absorbs load by adding more; a fixed replica count is capacity planning done once and never again.',
    remediation: 'Target each Deployment and StatefulSet with a HorizontalPodAutoscaler whose `minReplicas` is at least the minimum and whose `maxReplicas` is higher; give each aws_autoscaling_group a min_size of at least the minimum and a higher max_size, and each Elastic Beanstalk environment EnvironmentType LoadBalanced with MinSize and MaxSize likewise.',
    params: {
      minReplicas: { type: 'number', default: 2, minimum: 1, description: "The lowest acceptable autoscaler minimum (HPA `minReplicas`, autoscaling group `min_size`)." },
    },
    facts: ['kubernetes', 'terraform', 'elastic-beanstalk'],
  },
  async check({ facts, params }) {
    const [kube, terraform, beanstalk] = await Promise.all([facts(kubernetesFacts), facts(terraformFacts), facts(elasticBeanstalkFacts)]);
    const workloads = kube.workloads.filter((workload) => SCALABLE.has(workload.resource.kind));
    const scaled = terraformScaling(terraform, params.minReplicas);
    if (workloads.length === 0 && scaled.length === 0 && beanstalk.apps.length === 0) return withoutSubjects(kube, 'Deployment or StatefulSet (and no Terraform aws_autoscaling_group, aws_elastic_beanstalk_environment or .ebextensions)');
    const tfFindings = judgedFindings(ID, terraform, scaled);
    for (const app of beanstalk.apps) {
      const problem = appScaling(app, params.minReplicas);
      if (problem) tfFindings.push(appFinding(ID, app, problem));
    }
    const autoscalers = indexAutoscalers(kube.resources);
    const scaledObjects = indexScaledObjects(kube.resources);
    const findings: FindingInput[] = [];
    for (const { resource } of workloads) {
      const target = `${resource.namespace}/${resource.kind}/${resource.name}`;
      const hpa = autoscalers.get(target);
      const keda = scaledObjects.get(target);
      const autoscaler = hpa ?? keda;
      if (!autoscaler) {
        findings.push(resourceFinding(ID, resource, { message: `no HorizontalPodAutoscaler (or KEDA ScaledObject) targets ${resource.kind} '${resource.name}' in namespace '${resource.namespace}'`, key: 'no-autoscaler' }));
        continue;
      }
      // KEDA's own fields and defaults (0 and 100); it drives an HPA it creates itself.
      const [minField, maxField, minDefault, maxDefault] = hpa ? ['minReplicas', 'maxReplicas', 1, undefined] : ['minReplicaCount', 'maxReplicaCount', 0, 100];
      const min = at(autoscaler.value, ['spec', minField]) ?? minDefault;
      const max = at(autoscaler.value, ['spec', maxField]) ?? maxDefault;
      if (typeof min !== 'number' || typeof max !== 'number') {
        findings.push(resourceFinding(ID, autoscaler, { message: `replica bounds of the autoscaler for ${resource.address} are known only at deploy time`, path: ['spec', typeof min !== 'number' ? minField : maxField], key: 'dynamic', outcome: 'unknown' }));
      } else if (min < params.minReplicas) {
        findings.push(resourceFinding(ID, autoscaler, { message: `scales ${resource.address} down to ${min} replica(s); ${minField} must be at least ${params.minReplicas}`, path: ['spec', minField], key: 'min' }));
      } else if (max <= min) {
        findings.push(resourceFinding(ID, autoscaler, { message: `cannot scale ${resource.address}: ${maxField} ${max} is not above ${minField} ${min}`, path: ['spec', maxField], key: 'max' }));
      }
    }
    return evaluated([...findings, ...tfFindings]);
  },
});

/** KEDA ScaledObjects by the workload they scale (`scaleTargetRef.kind` defaults to Deployment). */
function indexScaledObjects(resources: readonly KubeResource[]): Map<string, KubeResource> {
  const index = new Map<string, KubeResource>();
  for (const resource of resources) {
    if (resource.kind !== 'ScaledObject' || !resource.apiVersion.startsWith('keda.sh/')) continue;
    const kind = at(resource.value, ['spec', 'scaleTargetRef', 'kind']) ?? 'Deployment';
    const name = at(resource.value, ['spec', 'scaleTargetRef', 'name']);
    if (typeof kind === 'string' && typeof name === 'string') index.set(`${resource.namespace}/${kind}/${name}`, resource);
  }
  return index;
}
