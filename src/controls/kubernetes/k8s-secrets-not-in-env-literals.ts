import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { isLiteralCredential } from '../../facts/credential-names.js';
import { isObject, kubernetesFacts } from '../../facts/kubernetes.js';
import { containerFinding, containerPath, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-secrets-not-in-env-literals';

export default defineControl({
  meta: {
    id: ID,
    title: 'No credential-like environment variable has a literal value',
    domain: 'kubernetes',
    severity: 'high',
    rationale: 'A credential written into a manifest is in the repository, its history and every copy of the object (kubectl get -o yaml), readable by anyone who can read the workload.',
    remediation: 'Take the value from a Secret: `valueFrom.secretKeyRef` (or `envFrom.secretRef`), filled by a secret manager or sealed-secrets, never a literal `value`.',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    if (kube.workloads.length === 0) return withoutSubjects(kube, 'workload');
    const findings: FindingInput[] = [];
    for (const workload of kube.workloads) {
      for (const container of workload.containers) {
        const env = container.value.env;
        if (!Array.isArray(env)) continue;
        env.forEach((variable: unknown, index) => {
          if (!isObject(variable) || typeof variable.name !== 'string' || variable.value === undefined || variable.value === null) return;
          // The collector has already redacted the value; it is still a literal.
          const value = String(variable.value);
          if (!isLiteralCredential(variable.name, value)) return;
          findings.push(containerFinding(ID, workload, container, {
            message: `env ${variable.name} has a literal value; use valueFrom.secretKeyRef`,
            path: containerPath(container, 'env', index, 'value'),
            key: variable.name,
            evidence: `${variable.name}=${value}`,
          }));
        });
      }
    }
    return evaluated(findings);
  },
});
