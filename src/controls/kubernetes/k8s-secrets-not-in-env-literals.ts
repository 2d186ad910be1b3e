import { defineControl } from '../../engine/control.js';
import { isCredentialName, isLiteralCredential, isReference } from '../../facts/secrets/credential-names.js';
import { isObject, kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, containerPath, judgeEachContainer } from './workload-finding.js';

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
    return judgeEachContainer(kube, (workload, container, report) => {
      const env = container.value.env;
      if (!Array.isArray(env)) return;
      env.forEach((variable: unknown, index) => {
        if (!isObject(variable) || typeof variable.name !== 'string' || variable.value === undefined || variable.value === null) return;
        // The collector has already redacted a literal value. `$(VAR)` is Kubernetes' own reference to
        // another variable; `${VAR}` and `$VAR` are filled in by envsubst, leaving a literal in the object.
        const value = String(variable.value);
        const substituted = isReference(value) && !value.trim().startsWith('$(') && isCredentialName(variable.name);
        if (!substituted && !isLiteralCredential(variable.name, value)) return;
        report(containerFinding(ID, workload, container, {
          message: substituted
            ? `env ${variable.name} gets a literal value substituted at deploy time (${value}); use valueFrom.secretKeyRef`
            : `env ${variable.name} has a literal value; use valueFrom.secretKeyRef`,
          path: containerPath(container, 'env', index, 'value'),
          key: variable.name,
          evidence: `${variable.name}=${value}`,
        }));
      });
    });
  },
});
