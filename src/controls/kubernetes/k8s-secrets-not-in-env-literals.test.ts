import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-secrets-not-in-env-literals.js';

const env = (...lines: string[]): string => podManifest({ containerLines: ['image: a', 'env:', ...lines.map((line) => `  ${line}`)] });

testControl(control, {
  pass: [
    {
      name: 'secretKeyRef, references and harmless names',
      files: { 'pod.yaml': env('- name: DB_PASSWORD', '  valueFrom: { secretKeyRef: { name: db, key: password } }', '- name: LOG_LEVEL', '  value: info', '- name: API_TOKEN', '  value: $(TOKEN_FROM_SECRET)', '- name: PASSWORD_FILE', '  value: /run/secrets/db') },
    },
  ],
  fail: [
    {
      name: 'literal credential, redacted',
      files: { 'pod.yaml': env('- name: STRIPE_API_KEY', '  value: sk_live_0123456789abcdef') },
      findings: [{ line: 11, message: "container 'app': env STRIPE_API_KEY has a literal value", evidence: 'STRIPE_API_KEY=sk_l********' }],
    },
    { name: 'a URL with a password', files: { 'pod.yaml': env('- name: DATABASE_URL', '  value: postgres://app:s3cret-pw@db:5432/app') }, findings: [{ line: 11, evidence: 'DATABASE_URL=postgres://app:***@db:5432/app' }] },
    { name: 'envsubst placeholder becomes a literal at deploy time', files: { 'pod.yaml': env('- name: DB_PASSWORD', '  value: ${DB_PASSWORD}') }, findings: [{ line: 11, message: 'substituted at deploy time' }] },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'x.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n' } }],
});
