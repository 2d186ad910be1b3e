import { testControl } from '../../testing/control-table.js';
import control from './k8s-disruption-budget-defined.js';

const deployment = (replicas: string, labels = 'app: web'): string =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', `  replicas: ${replicas}`, '  template:', '    metadata:', '      labels:', `        ${labels}`, '    spec:', '      containers:', '        - name: web', '          image: web', ''].join('\n');
const pdb = (budget: string, selector = 'matchLabels: { app: web }'): string =>
  ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: web', 'spec:', `  ${budget}`, '  selector:', `    ${selector}`, ''].join('\n');

testControl(control, {
  pass: [
    { name: 'maxUnavailable 1', files: { 'k8s/web.yaml': deployment('3'), 'k8s/pdb.yaml': pdb('maxUnavailable: 1') } },
    { name: 'minAvailable below the replica count', files: { 'web.yaml': `${deployment('3')}---\n${pdb('minAvailable: 2')}` } },
    { name: 'percentage that leaves room', files: { 'web.yaml': `${deployment('4')}---\n${pdb('minAvailable: "50%"')}` } },
    { name: 'matchExpressions selector', files: { 'web.yaml': `${deployment('2', 'tier: frontend')}---\n${pdb('maxUnavailable: 1', 'matchExpressions: [{ key: tier, operator: In, values: [frontend, edge] }]')}` } },
  ],
  fail: [
    { name: 'no budget', files: { 'web.yaml': deployment('3') }, findings: [{ line: 1, resource: 'Deployment/default/web', message: 'no PodDisruptionBudget' }] },
    { name: 'budget selects other pods', files: { 'web.yaml': `${deployment('3')}---\n${pdb('maxUnavailable: 1', 'matchLabels: { app: api }')}` }, findings: 1 },
    { name: 'minAvailable equals replicas', files: { 'web.yaml': `${deployment('3')}---\n${pdb('minAvailable: 3')}` }, findings: [{ message: 'PodDisruptionBudget/default/web (web.yaml:16) allows no voluntary disruption at 3' }] },
    { name: 'maxUnavailable 0', files: { 'web.yaml': `${deployment('2')}---\n${pdb('maxUnavailable: 0')}` }, findings: 1 },
    { name: 'minAvailable 100%', files: { 'web.yaml': `${deployment('2')}---\n${pdb('minAvailable: "100%"')}` }, findings: 1 },
  ],
  notApplicable: [{ name: 'single-replica workload', files: { 'web.yaml': deployment('1') } }],
  unknown: [{ name: 'replicas from a placeholder', files: { 'web.yaml': `${deployment('${REPLICAS}')}---\n${pdb('minAvailable: 2')}` }, findings: [{ outcome: 'unknown' }] }],
});
