import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-no-privilege-escalation.js';

testControl(control, {
  pass: [{ name: 'escalation disabled, not privileged', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', 'securityContext:', '  allowPrivilegeEscalation: false', '  privileged: false'] }) } }],
  fail: [
    { name: 'escalation not disabled', files: { 'pod.yaml': podManifest() }, findings: [{ line: 7, message: 'allowPrivilegeEscalation is not set to false' }] },
    { name: 'privileged even with escalation disabled', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', 'securityContext:', '  allowPrivilegeEscalation: false', '  privileged: true'] }) }, findings: [{ line: 11, message: 'privileged: true' }] },
    { name: 'escalation explicitly allowed', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', 'securityContext:', '  allowPrivilegeEscalation: true'] }) }, findings: [{ line: 10, message: 'is true' }] },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n' } }],
  unknown: [{ name: 'templated value', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', 'securityContext:', '  allowPrivilegeEscalation: "${ALLOW}"'] }) }, findings: [{ line: 10, outcome: 'unknown' }] }],
});
