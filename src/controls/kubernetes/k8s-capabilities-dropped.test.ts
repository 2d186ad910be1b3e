import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-capabilities-dropped.js';

const caps = (...lines: string[]): string => podManifest({ containerLines: ['image: a', 'securityContext:', '  capabilities:', ...lines.map((line) => `    ${line}`)] });

testControl(control, {
  pass: [
    { name: 'drops ALL', files: { 'pod.yaml': caps('drop: ["ALL"]') } },
    { name: 'drops all, adds back an allowed capability', files: { 'pod.yaml': caps('drop: [all]', 'add: [NET_BIND_SERVICE]') } },
    { name: 'an allowed capability by parameter', files: { 'pod.yaml': caps('drop: [ALL]', 'add: [CAP_NET_RAW]') }, params: { allowedCapabilities: ['NET_RAW'] } },
  ],
  fail: [
    { name: 'no capabilities section', files: { 'pod.yaml': podManifest() }, findings: [{ line: 7, message: 'does not drop ALL' }] },
    { name: 'drops only some', files: { 'pod.yaml': caps('drop: [NET_RAW]') }, findings: [{ line: 11 }] },
    { name: 'adds SYS_ADMIN', files: { 'pod.yaml': caps('drop: [ALL]', 'add: [SYS_ADMIN, NET_BIND_SERVICE]') }, findings: [{ line: 12, message: 'adds SYS_ADMIN' }] },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'README.md': '' } }],
  unknown: [{ name: 'templated capability', files: { 'pod.yaml': caps('drop: ["${DROP}"]') } , findings: [{ line: 10, outcome: 'unknown' }] }],
});
