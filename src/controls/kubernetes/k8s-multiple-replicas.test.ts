import { testControl } from '../../testing/control-table.js';
import control from './k8s-multiple-replicas.js';

const deployment = (name: string, replicas?: string, kind = 'Deployment'): string =>
  [`apiVersion: apps/v1`, `kind: ${kind}`, 'metadata:', `  name: ${name}`, '  namespace: shop', 'spec:', ...(replicas === undefined ? [] : [`  replicas: ${replicas}`]), '  template:', '    spec:', '      containers:', `        - name: ${name}`, '          image: app', ''].join('\n');
const hpa = (target: string, min?: number, namespace = 'shop'): string =>
  ['apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', `  name: ${target}`, `  namespace: ${namespace}`, 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', `    name: ${target}`, ...(min === undefined ? [] : [`  minReplicas: ${min}`]), '  maxReplicas: 10', ''].join('\n');

testControl(control, {
  pass: [
    { name: 'three replicas', files: { 'web.yaml': deployment('web', '3') } },
    { name: 'autoscaled with minReplicas 2 and no replicas field', files: { 'web.yaml': `${deployment('web')}---\n${hpa('web', 2)}` } },
    { name: 'minimum lowered by parameter', files: { 'web.yaml': deployment('web', '1') }, params: { minReplicas: 1 } },
  ],
  fail: [
    { name: 'replicas absent (defaults to 1)', files: { 'web.yaml': deployment('web') }, findings: [{ line: 1, resource: 'Deployment/shop/web', message: 'runs 1 replica(s)' }] },
    { name: 'StatefulSet with one replica', files: { 'db.yaml': deployment('db', '1', 'StatefulSet') }, findings: [{ line: 7, resource: 'StatefulSet/shop/db' }] },
    { name: 'autoscaler allows one replica', files: { 'web.yaml': `${deployment('web', '3')}---\n${hpa('web')}` }, findings: [{ line: 7, message: 'autoscaled by HorizontalPodAutoscaler/shop/web down to 1' }] },
    { name: 'an autoscaler in another namespace does not count', files: { 'web.yaml': `${deployment('web')}---\n${hpa('web', 3, 'other')}` }, findings: 1 },
  ],
  notApplicable: [{ name: 'only a DaemonSet', files: { 'ds.yaml': deployment('agent', undefined, 'DaemonSet') } }],
  unknown: [{ name: 'replicas from a placeholder', files: { 'web.yaml': deployment('web', '${REPLICAS}') }, findings: [{ line: 7, outcome: 'unknown' }] }],
});
