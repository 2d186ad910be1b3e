import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-read-only-root-filesystem.js';

testControl(control, {
  pass: [{ name: 'read-only root filesystem', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', 'securityContext:', '  readOnlyRootFilesystem: true'] }) } }],
  fail: [
    { name: 'not set', files: { 'pod.yaml': podManifest() }, findings: [{ line: 7, resource: 'Pod/default/app', message: "container 'app': readOnlyRootFilesystem is not set" }] },
    { name: 'explicitly writable', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', 'securityContext:', '  readOnlyRootFilesystem: false'] }) }, findings: [{ line: 10, message: 'is false' }] },
    { name: 'a pod-level setting does not exist, so it does not count', files: { 'pod.yaml': podManifest({ podLines: ['securityContext:', '  readOnlyRootFilesystem: true'] }) }, findings: [{ line: 9 }] },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' } }],
  unknown: [{ name: 'templated value', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', 'securityContext:', '  readOnlyRootFilesystem: ${READ_ONLY}'] }) }, findings: [{ line: 10, outcome: 'unknown' }] }],
});
