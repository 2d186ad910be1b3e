import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-rbac-least-privilege.js';

const role = (verbs: string, resources = '["pods"]', kind = 'Role', name = 'reader'): string =>
  ['apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, 'metadata:', `  name: ${name}`, '  namespace: shop', 'rules:', '  - apiGroups: [""]', `    resources: ${resources}`, `    verbs: ${verbs}`, ''].join('\n');
const binding = (role: string, subject: string, name = 'ops'): string =>
  ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRoleBinding', 'metadata:', `  name: ${name}`, 'roleRef:', '  apiGroup: rbac.authorization.k8s.io', '  kind: ClusterRole', `  name: ${role}`, 'subjects:', '  - kind: Group', `    name: ${subject}`, ''].join('\n');
const withAccount = (account: string): string => podManifest({ podLines: [`serviceAccountName: ${account}`] });

testControl(control, {
  pass: [
    { name: 'narrow role, narrow binding, dedicated account', files: { 'rbac.yaml': `${role('["get", "list"]')}---\n${binding('view', 'auditors')}`, 'pod.yaml': withAccount('app') } },
    { name: "the API server's own bindings and roles", files: { 'rbac.yaml': `${binding('cluster-admin', 'system:masters', 'cluster-admin')}---\n${role('["*"]', '["*"]', 'ClusterRole', 'system:controller')}` } },
    { name: 'deprecated serviceAccount field', files: { 'pod.yaml': podManifest({ podLines: ['serviceAccount: app'] }) } },
  ],
  fail: [
    { name: 'wildcard verbs', files: { 'rbac.yaml': role('["*"]') }, findings: [{ line: 9, resource: 'Role/shop/reader', message: 'grants every verb' }] },
    { name: 'wildcard resources in a ClusterRole', files: { 'rbac.yaml': role('["get"]', '["*"]', 'ClusterRole') }, findings: [{ line: 8, message: 'grants every resource' }] },
    { name: 'binding to cluster-admin', files: { 'rbac.yaml': binding('cluster-admin', 'developers') }, findings: [{ line: 8, resource: 'ClusterRoleBinding/default/ops', message: 'binds cluster-admin to developers' }] },
    { name: 'workload without a service account', files: { 'pod.yaml': podManifest() }, findings: [{ line: 1, resource: 'Pod/default/app', message: "pods run as 'default'" }] },
    { name: "workload naming the 'default' account", files: { 'pod.yaml': withAccount('default') }, findings: [{ line: 6, message: "'default' service account" }] },
  ],
  deviated: [
    { name: 'waived inline with a reason', files: { 'rbac.yaml': role('["get"]', '["*"]').replace('    resources:', '    # tenet:ignore k8s-rbac-least-privilege operator needs every resource\n    resources:') } },
  ],
  notApplicable: [{ name: 'no RBAC objects or workloads', files: { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' } }],
  unknown: [{ name: 'service account from a placeholder', files: { 'pod.yaml': withAccount('${SERVICE_ACCOUNT}') }, findings: [{ line: 6, outcome: 'unknown' }] }],
});
