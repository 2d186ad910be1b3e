import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-probes-configured.js';

const deployment = (containerLines: string[]): string =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', ...containerLines.map((line) => `          ${line}`), ''].join('\n');
const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: m\n';

testControl(control, {
  pass: [
    { name: 'both probes', files: { 'deploy.yaml': deployment(['image: web', 'livenessProbe: { httpGet: { path: /live, port: 8080 } }', 'readinessProbe: { httpGet: { path: /ready, port: 8080 } }']) } },
    { name: 'jobs need none', files: { 'deploy.yaml': deployment(['image: web', 'livenessProbe: { tcpSocket: { port: 80 } }', 'readinessProbe: { tcpSocket: { port: 80 } }']), 'job.yaml': JOB } },
  ],
  fail: [
    { name: 'no probes', files: { 'deploy.yaml': deployment(['image: web']) }, findings: [{ line: 10, resource: 'Deployment/shop/web', message: 'no livenessProbe or readinessProbe' }] },
    { name: 'readiness only', files: { 'deploy.yaml': deployment(['image: web', 'readinessProbe: { tcpSocket: { port: 80 } }']) }, findings: [{ message: 'no livenessProbe' }] },
    { name: 'a restarting bare Pod', files: { 'pod.yaml': podManifest() }, findings: [{ line: 7 }] },
  ],
  notApplicable: [
    { name: 'only a Job and a run-once Pod', files: { 'job.yaml': JOB, 'pod.yaml': podManifest({ podLines: ['restartPolicy: OnFailure'] }) } },
  ],
});
