import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-images-pinned.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;

testControl(control, {
  pass: [
    { name: 'digest', files: { 'pod.yaml': podManifest({ containerLines: [`image: ghcr.io/acme/app:1.2.3@${DIGEST}`] }) } },
    { name: 'explicit tag when tags are allowed', files: { 'pod.yaml': podManifest({ containerLines: ['image: ghcr.io/acme/app:1.2.3'] }) }, params: { allowTag: true } },
  ],
  fail: [
    { name: 'latest', files: { 'pod.yaml': podManifest({ containerLines: ['image: nginx:latest'] }) }, findings: [{ line: 8, message: "container 'app': image nginx:latest: it uses the 'latest' tag" }] },
    { name: 'untagged init container', files: { 'pod.yaml': podManifest({ podLines: ['initContainers:', '  - name: wait', '    image: busybox'], containerLines: [`image: app@${DIGEST}`] }) }, findings: [{ line: 8, message: "init container 'wait'" }] },
    { name: 'tag only', files: { 'pod.yaml': podManifest({ containerLines: ['image: redis:7'] }) }, findings: [{ message: "by tag '7'" }] },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n' } }],
  unknown: [
    { name: 'image from a placeholder', files: { 'pod.yaml': podManifest({ containerLines: ['image: $IMAGE'] }) }, findings: [{ line: 8, outcome: 'unknown' }] },
    { name: 'image from a quoted template value', files: { 'pod.yaml': podManifest({ containerLines: ['image: "{{ .Values.image }}"'] }) }, findings: [{ line: 8, outcome: 'unknown' }] },
  ],
});
