import { defineControl, evaluated, type FindingInput } from '../../engine/control.js';
import { at, isObject, isPlaceholder, kubernetesFacts, type KubeResource } from '../../facts/kubernetes/kubernetes.js';
import { resourceFinding, withoutSubjects } from './workload-finding.js';

const ID = 'k8s-rbac-least-privilege';
const ROLES = new Set(['Role', 'ClusterRole']);
const BINDINGS = new Set(['RoleBinding', 'ClusterRoleBinding']);

export default defineControl({
  meta: {
    id: ID,
    title: 'RBAC grants no wildcards or cluster-admin, and workloads run under their own ServiceAccounts',
    domain: 'kubernetes',
    severity: 'high',
    rationale: 'A wildcard rule grants every current and future verb or resource; a cluster-admin binding hands over the whole cluster; pods sharing the `default` ServiceAccount share whatever anyone ever grants it.',
    remediation: 'List the verbs and resources each Role needs, bind narrower roles than cluster-admin, and give each workload its own ServiceAccount (`serviceAccountName`).',
    facts: ['kubernetes'],
  },
  async check({ facts }) {
    const kube = await facts(kubernetesFacts);
    const roles = kube.resources.filter((resource) => ROLES.has(resource.kind) && !isSystem(resource.name));
    const bindings = kube.resources.filter((resource) => BINDINGS.has(resource.kind));
    if (roles.length === 0 && bindings.length === 0 && kube.workloads.length === 0) return withoutSubjects(kube, 'RBAC object or workload');
    const findings: FindingInput[] = [];
    for (const role of roles) findings.push(...wildcardRules(role));
    for (const binding of bindings) {
      const finding = clusterAdminBinding(binding);
      if (finding) findings.push(finding);
    }
    for (const { resource, podSpec, podSpecPath } of kube.workloads) {
      const field = typeof podSpec.serviceAccountName === 'string' ? 'serviceAccountName' : typeof podSpec.serviceAccount === 'string' ? 'serviceAccount' : undefined;
      const account = field === undefined ? undefined : (podSpec[field] as string);
      const path = field === undefined ? undefined : [...podSpecPath, field];
      if (isPlaceholder(account)) {
        findings.push(resourceFinding(ID, resource, { message: `service account ${account} is known only at deploy time`, path, key: 'dynamic', outcome: 'unknown' }));
      } else if (account === undefined || account === '' || account === 'default') {
        const message = account === undefined ? "names no service account, so its pods run as 'default'" : "runs its pods as the namespace's 'default' service account";
        findings.push(resourceFinding(ID, resource, { message: `${message}; give it a dedicated ServiceAccount`, path, key: 'default-service-account' }));
      }
    }
    return evaluated(findings);
  },
});

/** Roles the API server maintains itself (`system:…`) are not the repository's to narrow. */
function isSystem(name: string): boolean {
  return name.startsWith('system:');
}

function wildcardRules(role: KubeResource): FindingInput[] {
  const rules = at(role.value, ['rules']);
  if (!Array.isArray(rules)) return [];
  const findings: FindingInput[] = [];
  rules.forEach((rule, index) => {
    if (!isObject(rule)) return;
    for (const field of ['verbs', 'resources'] as const) {
      const values = Array.isArray(rule[field]) ? (rule[field] as unknown[]) : [];
      const path = ['rules', index, field];
      if (values.some(isPlaceholder)) {
        findings.push(resourceFinding(ID, role, { message: `rule ${index + 1} has ${field} known only at deploy time`, path, key: `rule:${field}:dynamic`, outcome: 'unknown' }));
      } else if (values.includes('*')) {
        findings.push(resourceFinding(ID, role, { message: `rule ${index + 1} grants every ${field === 'verbs' ? 'verb' : 'resource'} ("*")`, path, key: `rule:${field}:*`, evidence: `${field}: ["*"]` }));
      }
    }
  });
  return findings;
}

/** A binding to cluster-admin, unless the API server's own (`system:` name, or only `system:` subjects). */
function clusterAdminBinding(binding: KubeResource): FindingInput | undefined {
  const role = at(binding.value, ['roleRef', 'name']);
  if (role !== 'cluster-admin' || isSystem(binding.name)) return undefined;
  const subjects = at(binding.value, ['subjects']);
  const names = Array.isArray(subjects) ? subjects.map((subject) => (isObject(subject) && typeof subject.name === 'string' ? subject.name : '?')) : [];
  if (names.length > 0 && names.every(isSystem)) return undefined;
  return resourceFinding(ID, binding, {
    message: `binds cluster-admin to ${names.length > 0 ? names.join(', ') : 'its subjects'}`,
    path: ['roleRef', 'name'],
    key: `cluster-admin:${names.join(',')}`,
  });
}
