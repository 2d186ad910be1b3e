import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { isPlaceholder, kubernetesFacts, type KubeResource } from '../../facts/kubernetes/kubernetes.js';
import { resourceFinding, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-service-account-token-not-automounted';

export default defineControl({
  meta: {
    id: ID,
    title: 'Pods do not mount a service account token unless they need one',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'Every pod gets an API token by default; an intruder in a pod that never talks to the API server can use it to explore or change the cluster.',
    remediation: 'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount); for pods that call the API, waive this inline with the reason.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    if (kube.workloads.length === 0) return withoutSubjects(kube, 'workload');
    const findings: FindingInput[] = [];
    for (const workload of kube.workloads) {
      const { resource, podSpec } = workload;
      const path = [...workload.podSpecPath, 'automountServiceAccountToken'];
      const own = podSpec.automountServiceAccountToken;
      if (own === false) continue;
      if (isPlaceholder(own)) {
        findings.push(resourceFinding(ID, resource, { message: `automountServiceAccountToken is ${own}, known only at deploy time`, path, key: 'dynamic', outcome: 'unknown' }));
        continue;
      }
      const accountName = typeof podSpec.serviceAccountName === 'string' ? podSpec.serviceAccountName : typeof podSpec.serviceAccount === 'string' ? podSpec.serviceAccount : 'default';
      const account = serviceAccount(kube.resources, resource.namespace, accountName);
      if (own === undefined && account?.value.automountServiceAccountToken === false) continue;
      findings.push(resourceFinding(ID, resource, {
        message: own === true ? 'mounts its service account token (automountServiceAccountToken: true)' : `mounts the token of service account '${accountName}' (neither the pod nor the ServiceAccount sets automountServiceAccountToken: false)`,
        path: own === true ? path : undefined,
        key: accountName,
      }));
    }
    return evaluated(findings);
  },
});

function serviceAccount(resources: readonly KubeResource[], namespace: string, name: string): KubeResource | undefined {
  return resources.find((resource) => resource.kind === 'ServiceAccount' && resource.namespace === namespace && resource.name === name);
}
