import { testControl } from '../../testing/control-table.js';
import control from './workloads-autoscaled.js';

const deployment = (kind = 'Deployment'): string =>
  ['apiVersion: apps/v1', `kind: ${kind}`, 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  replicas: 3', '  template:', '    spec:', '      containers:', '        - name: web', '          image: app', ''].join('\n');
const hpa = (min: string | undefined, max: string, kind = 'Deployment'): string =>
  ['apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', `    kind: ${kind}`, '    name: web', ...(min === undefined ? [] : [`  minReplicas: ${min}`]), `  maxReplicas: ${max}`, ''].join('\n');

testControl(control, {
  pass: [
    { name: 'autoscaled from 2 to 10', files: { 'web.yaml': `${deployment()}---\n${hpa('2', '10')}` } },
    { name: 'a StatefulSet autoscaled', files: { 'db.yaml': `${deployment('StatefulSet')}---\n${hpa('3', '5', 'StatefulSet')}` } },
    { name: 'minimum lowered by parameter', files: { 'web.yaml': `${deployment()}---\n${hpa(undefined, '4')}` }, params: { minReplicas: 1 } },
  ],
  fail: [
    { name: 'no autoscaler, however many replicas', files: { 'web.yaml': deployment() }, findings: [{ line: 1, resource: 'Deployment/shop/web', message: 'no HorizontalPodAutoscaler targets' }] },
    { name: 'minReplicas defaults to 1', files: { 'web.yaml': `${deployment()}---\n${hpa(undefined, '4')}` }, findings: [{ resource: 'HorizontalPodAutoscaler/shop/web', line: 14, message: 'down to 1 replica(s)' }] },
    { name: 'maxReplicas equal to minReplicas', files: { 'web.yaml': `${deployment()}---\n${hpa('3', '3')}` }, findings: [{ line: 25, message: 'maxReplicas 3 is not above minReplicas 3' }] },
  ],
  notApplicable: [{ name: 'only a DaemonSet', files: { 'ds.yaml': deployment('DaemonSet') }, reason: /Terraform autoscaling groups/ }],
  unknown: [{ name: 'bounds from placeholders', files: { 'web.yaml': `${deployment()}---\n${hpa('${MIN}', '10')}` }, findings: [{ line: 24, outcome: 'unknown' }] }],
});
