import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Repository } from '../../repo/repository.js';
import { makeFixture, removeFixture } from '../../testing/fixture.js';
import { kubernetesFacts, type KubernetesFacts } from './kubernetes.js';

async function collect(files: Record<string, string>): Promise<{ facts: KubernetesFacts; errors: Repository['errors'] }> {
  const root = makeFixture(files);
  roots.push(root);
  const repo = await Repository.open(root);
  const facts = await kubernetesFacts.collect({ repo, config: {}, options: { github: false, online: false }, facts: () => Promise.reject(new Error('unused')) });
  return { facts, errors: repo.errors };
}
const roots: string[] = [];
after(() => roots.forEach(removeFixture));

describe('kubernetesFacts', () => {
  it('reads multi-document files and Lists with addresses and lines', async () => {
    const { facts } = await collect({
      'k8s/app.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata:\n      name: nightly\n    spec:\n      jobTemplate:\n        spec:\n          template:\n            spec:\n              containers:\n                - name: job\n                  image: job\n',
    });
    assert.deepEqual(facts.resources.map((resource) => [resource.address, resource.line]), [['Service/shop/web', 1], ['CronJob/default/nightly', 10]]);
    assert.deepEqual(facts.workloads.map((workload) => workload.containers.map((container) => [container.name, container.line])), [[['job', 20]]]);
  });

  it('reports Helm templates instead of reading them, and leaves workflows alone', async () => {
    const { facts, errors } = await collect({
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'charts/web/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
      'deploy/raw.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n',
      'deploy/with-if.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  {{- if .Values.labels }}\n  labels: {}\n  {{- end }}\n',
      'deploy/alerts.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  slack.tmpl: |\n    {{ define "slack.title" }}{{ .Labels.alertname }}{{ end }}\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.sha }}\n',
    });
    assert.deepEqual(facts.helmTemplates, ['charts/web/templates/service.yaml', 'deploy/raw.yaml', 'deploy/with-if.yaml']);
    assert.deepEqual(facts.resources.map((resource) => resource.address), ['ConfigMap/default/alerts']);
    assert.equal(errors.filter((error) => /Helm/.test(error.reason)).length, 3);
  });

  it('skips kustomize patches, which are fragments', async () => {
    const { facts } = await collect({
      'overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: replicas.yaml\npatchesStrategicMerge:\n  - limits.yaml\n',
      'overlays/prod/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n',
      'overlays/prod/limits.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
      'base/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    });
    assert.deepEqual(facts.resources.map((resource) => resource.file), ['base/deploy.yaml']);
  });

  it('records malformed manifests and keeps going', async () => {
    const { facts, errors } = await collect({ 'a.yaml': 'apiVersion: v1\nkind: Pod\nspec: [\n', 'b.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n' });
    assert.deepEqual(facts.malformed, ['a.yaml']);
    assert.deepEqual(facts.resources.map((resource) => resource.address), ['Service/default/ok']);
    assert.ok(errors.some((error) => error.file === 'a.yaml' && /malformed YAML/.test(error.reason)));
  });
});

describe('kubernetesFacts redaction', () => {
  it('keeps Secret data and literal credentials in env out of the facts', async () => {
    const { facts } = await collect({
      'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2-is-the-password\n',
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: a\n      env:\n        - name: API_TOKEN\n          value: tok_0123456789abcdefghij\n        - name: LOG_LEVEL\n          value: debug\n',
    });
    const dump = JSON.stringify(facts);
    assert.ok(!dump.includes('hunter2-is-the-password'));
    assert.ok(!dump.includes('tok_0123456789abcdefghij'));
    assert.ok(dump.includes('"value":"debug"'));
  });
});
