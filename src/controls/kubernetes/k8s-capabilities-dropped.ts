import { defineControl } from '../../engine/control.js';
import { isPlaceholder, kubernetesFacts } from '../../facts/kubernetes/kubernetes.js';
import { containerFinding, securitySetting, judgeEachContainer } from './workload-finding.js';

const ID = 'k8s-capabilities-dropped';

export default defineControl({
  meta: {
    id: ID,
    title: 'Every container drops ALL capabilities and adds back nothing dangerous',
    domain: 'kubernetes',
    severity: 'medium',
    rationale: 'The default capability set (NET_RAW, SETUID, CHOWN …) is far more than most applications need, and each one widens what an intruder can do.',
    remediation: 'Set `securityContext.capabilities.drop: ["ALL"]` on each container and add back only what it needs (e.g. NET_BIND_SERVICE).',
    params: {
      allowedCapabilities: { type: 'string[]', default: ['NET_BIND_SERVICE'], description: 'Capabilities a container may add back after dropping ALL.' },
    },
    facts: ['kubernetes'],
  },
  async check({ facts, params }) {
    const kube = await facts(kubernetesFacts);
    const allowed = new Set(params.allowedCapabilities.map(normalise));
    return judgeEachContainer(kube, (workload, container, report) => {
      const capabilities = securitySetting(workload, container, 'capabilities', false);
      const value = capabilities?.value;
      const drop = list(value, 'drop');
      const dynamic = [...drop, ...list(value, 'add')].filter((capability) => isPlaceholder(capability));
      if (dynamic.length > 0 && capabilities) {
        report(containerFinding(ID, workload, container, { message: `capabilities ${dynamic.join(', ')} are known only at deploy time`, path: capabilities.path, key: 'dynamic', outcome: 'unknown' }));
        return;
      }
      const added = list(value, 'add').filter((capability) => !allowed.has(normalise(capability)));
      const problems: string[] = [];
      if (!drop.some((capability) => normalise(capability) === 'ALL')) problems.push('does not drop ALL capabilities');
      if (added.length > 0) problems.push(`adds ${added.join(', ')}`);
      if (problems.length === 0) return;
      const path = capabilities ? [...capabilities.path, added.length > 0 ? 'add' : 'drop'] : undefined;
      report(containerFinding(ID, workload, container, { message: problems.join(' and '), path, key: problems.join(';') }));
    });
  },
});

function list(value: unknown, field: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = (value as Record<string, unknown>)[field];
  return Array.isArray(entries) ? entries.filter((entry): entry is string => typeof entry === 'string') : [];
}

function normalise(capability: string): string {
  return capability.toUpperCase().replace(/^CAP_/, '');
}
