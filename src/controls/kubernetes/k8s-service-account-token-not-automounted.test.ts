import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-service-account-token-not-automounted.js';

const ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\nautomountServiceAccountToken: false\n';

testControl(control, {
  pass: [
    { name: 'pod opts out', files: { 'pod.yaml': podManifest({ podLines: ['automountServiceAccountToken: false'] }) } },
    { name: 'its service account opts out', files: { 'pod.yaml': podManifest({ podLines: ['serviceAccountName: app'] }), 'sa.yaml': ACCOUNT } },
  ],
  fail: [
    { name: 'default account, nothing set', files: { 'pod.yaml': podManifest() }, findings: [{ line: 1, resource: 'Pod/default/app', message: "service account 'default'" }] },
    { name: 'pod opts back in over its account', files: { 'pod.yaml': podManifest({ podLines: ['serviceAccountName: app', 'automountServiceAccountToken: true'] }), 'sa.yaml': ACCOUNT }, findings: [{ line: 7, message: 'automountServiceAccountToken: true' }] },
    { name: 'an account of the same name in another namespace does not count', files: { 'pod.yaml': podManifest({ podLines: ['serviceAccountName: app'] }), 'sa.yaml': ACCOUNT.replace('name: app', 'name: app\n  namespace: other') }, findings: 1 },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'sa.yaml': ACCOUNT } }],
  unknown: [{ name: 'templated value', files: { 'pod.yaml': podManifest({ podLines: ['automountServiceAccountToken: ${AUTOMOUNT}'] }) }, findings: [{ line: 6, outcome: 'unknown' }] }],
});
