import { testControl } from '../../testing/control-table.js';
import control from './k8s-runs-as-non-root.js';

const POD_LEVEL = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      initContainers:
        - name: migrate
          image: api
      containers:
        - name: api
          image: api
`;

const MIXED = `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  initContainers:
    - name: setup
      image: busybox
      securityContext:
        runAsUser: 0
  containers:
    - name: app
      image: app
      securityContext:
        runAsNonRoot: true
    - name: sidecar
      image: proxy
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  jobTemplate:
    spec:
      template:
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: report
              image: report
              securityContext:
                runAsNonRoot: false
`;

testControl(control, {
  pass: [
    { name: 'pod-level runAsNonRoot inherited by init and app containers', files: { 'k8s/api.yaml': POD_LEVEL } },
    {
      name: 'container-level non-zero runAsUser',
      files: { 'pod.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: a\n      securityContext:\n        runAsUser: 10001\n' },
    },
    { name: 'a List of workloads', files: { 'list.yaml': `apiVersion: v1\nkind: List\nitems:\n${POD_LEVEL.replace(/^/gm, '  ').replace(/^ {2}apiVersion/, '- apiVersion').trimEnd()}\n` } },
  ],
  fail: [
    {
      name: 'root init container, unset sidecar, container overriding the pod, one finding per container',
      files: { 'k8s/all.yaml': MIXED },
      findings: [
        { resource: 'Pod/default/debug', line: 10, message: "init container 'setup': runs as root" },
        { resource: 'Pod/default/debug', line: 16, message: "container 'sidecar'" },
        { resource: 'CronJob/default/report', line: 34, message: "container 'report': runAsNonRoot is false" },
      ],
    },
    {
      name: 'ephemeral containers count',
      files: { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: a\n  ephemeralContainers:\n    - name: debugger\n      image: busybox\n      securityContext:\n        runAsUser: 0\n' },
      findings: [{ line: 15, message: "ephemeral container 'debugger'" }],
    },
  ],
  notApplicable: [
    { name: 'no workloads', files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports: [{port: 80}]\n' } },
    { name: 'YAML that is not Kubernetes', files: { '.github/workflows/ci.yml': 'on: push\njobs: {}\n' } },
  ],
  unknown: [
    {
      name: 'user from an envsubst placeholder',
      files: { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsUser: ${APP_UID}\n  containers:\n    - name: a\n      image: a\n' },
      findings: [{ line: 7, outcome: 'unknown' }],
    },
    {
      name: 'only a Helm chart',
      files: { 'chart/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n', 'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n' },
      reason: /Helm/,
    },
    { name: 'only a malformed manifest', files: { 'bad.yaml': 'apiVersion: v1\nkind: Pod\nspec: [unclosed\n' }, reason: /malformed/ },
  ],
  deviated: [
    {
      name: 'waived above the resource',
      files: { 'pod.yaml': '# tenet:ignore k8s-runs-as-non-root vendor image needs root to bind port 80\napiVersion: v1\nkind: Pod\nmetadata:\n  name: legacy\nspec:\n  containers:\n    - name: a\n      image: a\n' },
      findings: [{ line: 8, suppressed: { kind: 'inline', reason: 'vendor image needs root to bind port 80', source: 'pod.yaml:1' } }],
    },
  ],
});
