import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-resource-limits-set.js';

const FULL = ['resources:', '  requests: { cpu: 100m, memory: 128Mi }', '  limits: { cpu: 500m, memory: 256Mi }'];

testControl(control, {
  pass: [
    { name: 'requests and limits', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', ...FULL] }) } },
    {
      name: 'ephemeral containers cannot declare resources and are not judged',
      files: { 'pod.yaml': podManifest({ podLines: ['ephemeralContainers:', '  - name: debug', '    image: busybox'], containerLines: ['image: a', ...FULL] }) },
    },
  ],
  fail: [
    { name: 'no resources', files: { 'pod.yaml': podManifest() }, findings: [{ line: 7, message: 'no requests.cpu, requests.memory, limits.cpu, limits.memory' }] },
    { name: 'limits without cpu', files: { 'pod.yaml': podManifest({ containerLines: ['image: a', 'resources:', '  requests: { cpu: 100m, memory: 128Mi }', '  limits: { memory: 256Mi }'] }) }, findings: [{ line: 9, message: 'no limits.cpu' }] },
    {
      name: 'init containers count',
      files: { 'pod.yaml': podManifest({ podLines: ['initContainers:', '  - name: migrate', '    image: m'], containerLines: ['image: a', ...FULL] }) },
      findings: [{ line: 7, message: "init container 'migrate'" }],
    },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'README.md': '' } }],
});
