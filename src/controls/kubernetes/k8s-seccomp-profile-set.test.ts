import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-seccomp-profile-set.js';

const ANNOTATED = (value: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: ${value}
    spec:
      containers:
        - name: web
          image: web
`;

testControl(control, {
  pass: [
    { name: 'pod-level RuntimeDefault inherited', files: { 'pod.yaml': podManifest({ podLines: ['securityContext:', '  seccompProfile:', '    type: RuntimeDefault'] }) } },
    { name: 'container-level Localhost', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', 'securityContext:', '  seccompProfile:', '    type: Localhost', '    localhostProfile: profiles/app.json'] }) } },
    { name: 'legacy pod annotation', files: { 'deploy.yaml': ANNOTATED('runtime/default') } },
  ],
  fail: [
    { name: 'no profile', files: { 'pod.yaml': podManifest() }, findings: [{ line: 7, message: 'no seccomp profile' }] },
    {
      name: 'container overrides the pod with Unconfined',
      files: { 'pod.yaml': podManifest({ podLines: ['securityContext:', '  seccompProfile:', '    type: RuntimeDefault'], containerLines: ['image: a', 'securityContext:', '  seccompProfile:', '    type: Unconfined'] }) },
      findings: [{ line: 14, message: 'Unconfined' }],
    },
    { name: 'legacy annotation unconfined', files: { 'deploy.yaml': ANNOTATED('unconfined') }, findings: [{ line: 9, resource: 'Deployment/default/web', message: "container 'web': seccomp annotation" }] },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'a.yaml': 'a: 1\n' } }],
  unknown: [{ name: 'templated type', files: { 'pod.yaml': podManifest({ podLines: ['securityContext:', '  seccompProfile:', '    type: ${SECCOMP}'] }) }, findings: [{ line: 8, outcome: 'unknown' }] }],
});
