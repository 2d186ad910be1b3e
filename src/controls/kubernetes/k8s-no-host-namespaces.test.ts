import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-no-host-namespaces.js';

testControl(control, {
  pass: [
    { name: 'no host namespaces', files: { 'pod.yaml': podManifest() } },
    { name: 'explicitly false', files: { 'pod.yaml': podManifest({ podLines: ['hostNetwork: false', 'hostPID: false'] }) } },
  ],
  fail: [
    {
      name: 'host network and PID, one finding per resource',
      files: { 'pod.yaml': podManifest({ podLines: ['hostPID: true', 'hostNetwork: true'] }) },
      findings: [{ line: 7, resource: 'Pod/default/app', message: 'hostNetwork: true, hostPID: true' }],
    },
    {
      name: 'DaemonSet with hostIPC',
      files: { 'ds.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n  namespace: monitoring\nspec:\n  template:\n    spec:\n      hostIPC: true\n      containers:\n        - name: agent\n          image: agent\n' },
      findings: [{ line: 9, resource: 'DaemonSet/monitoring/agent' }],
    },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n' } }],
  unknown: [{ name: 'templated', files: { 'pod.yaml': podManifest({ podLines: ['hostNetwork: ${HOST_NET}'] }) }, findings: [{ line: 6, outcome: 'unknown' }] }],
  deviated: [
    { name: 'waived on the attribute', files: { 'pod.yaml': podManifest({ podLines: ['# tenet:ignore k8s-no-host-namespaces CNI agent needs the node network', 'hostNetwork: true'] }) }, findings: [{ line: 7, suppressed: { kind: 'inline', reason: 'CNI agent needs the node network', source: 'pod.yaml:6' } }] },
  ],
});
