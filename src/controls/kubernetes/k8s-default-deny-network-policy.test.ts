import { testControl } from '../../testing/control-table.js';
import control from './k8s-default-deny-network-policy.js';

const deployment = (namespace = 'shop'): string =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', `  namespace: ${namespace}`, 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', '          image: app', ''].join('\n');
const policy = (lines: string[], namespace = 'shop'): string =>
  ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: default-deny', `  namespace: ${namespace}`, 'spec:', ...lines.map((line) => `  ${line}`), ''].join('\n');
const denyAll = policy(['podSelector: {}', 'policyTypes: [Ingress, Egress]']);

testControl(control, {
  pass: [
    { name: 'default deny for both directions', files: { 'web.yaml': deployment(), 'netpol.yaml': denyAll } },
    { name: 'an omitted podSelector selects every pod', files: { 'web.yaml': deployment(), 'netpol.yaml': policy(['policyTypes: [Ingress, Egress]']) } },
    { name: 'two policies, one per direction, with narrow exceptions', files: { 'web.yaml': deployment(), 'netpol.yaml': `${policy(['podSelector: {}', 'ingress:', '  - from:', '      - podSelector: { matchLabels: { app: lb } }'])}---\n${policy(['podSelector:', '  matchLabels: {}', 'policyTypes: [Egress]'])}` } },
  ],
  fail: [
    { name: 'a policy selecting by label only leaves other pods open', files: { 'web.yaml': deployment(), 'netpol.yaml': policy(['podSelector:', '  matchLabels: { tier: db }', 'policyTypes: [Ingress, Egress]']) }, findings: 1 },
    { name: 'no policy at all', files: { 'web.yaml': deployment() }, findings: [{ line: 1, resource: 'Deployment/shop/web', message: "namespace 'shop' (1 workload(s)) has no default-deny NetworkPolicy for Ingress and Egress" }] },
    { name: 'ingress only (policyTypes absent)', files: { 'web.yaml': deployment(), 'netpol.yaml': policy(['podSelector: {}']) }, findings: [{ resource: 'NetworkPolicy/shop/default-deny', message: 'for Egress' }] },
    { name: 'an allow-all egress rule is not a deny', files: { 'web.yaml': deployment(), 'netpol.yaml': policy(['podSelector: {}', 'policyTypes: [Ingress, Egress]', 'egress:', '  - {}']) }, findings: [{ line: 8, message: 'for Egress' }] },
    { name: 'a policy selecting some pods only', files: { 'web.yaml': deployment(), 'netpol.yaml': policy(['podSelector: { matchLabels: { app: web } }', 'policyTypes: [Ingress, Egress]']) }, findings: [{ line: 1, resource: 'Deployment/shop/web' }] },
    { name: 'a policy in another namespace', files: { 'web.yaml': deployment(), 'netpol.yaml': policy(['podSelector: {}', 'policyTypes: [Ingress, Egress]'], 'other') }, findings: 1 },
  ],
  deviated: [{ name: 'waived on the workload', files: { 'web.yaml': `# tenet:ignore k8s-default-deny-network-policy the mesh enforces mTLS authorisation\n${deployment()}` } }],
  notApplicable: [{ name: 'no workloads', files: { 'netpol.yaml': denyAll } }],
  unknown: [{ name: 'namespace from a placeholder', files: { 'web.yaml': deployment('${NAMESPACE}') }, findings: [{ outcome: 'unknown' }] }],
});
