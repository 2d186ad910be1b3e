import { testControl } from '../../testing/control-table.js';
import control from './services-isolated-per-container.js';

const pod = (containers: string[], init: string[] = []): string =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: app', '  namespace: shop', 'spec:', ...(init.length > 0 ? ['  initContainers:', ...init.map((line) => `    ${line}`)] : []), '  containers:', ...containers.map((line) => `    ${line}`), ''].join('\n');

testControl(control, {
  pass: [
    { name: 'one application container with a migration init container', files: { 'pod.yaml': pod(['- { name: web, image: shop/web }'], ['- { name: migrate, image: shop/web }']) } },
    { name: 'mesh proxy and log shipper sidecars', files: { 'pod.yaml': pod(['- { name: web, image: shop/web }', '- { name: istio-proxy, image: docker.io/istio/proxyv2 }', '- { name: logs, image: fluent/fluent-bit:3.0 }']) } },
    { name: 'a Dockerfile running one process', files: { Dockerfile: 'FROM debian\nCMD ["/app/server"]\n' } },
    { name: 'sidecar allowed by a prefix pattern', files: { 'pod.yaml': pod(['- { name: web, image: shop/web }', '- { name: otel-collector, image: otel/opentelemetry-collector }']) }, params: { allowedSidecars: ['otel-*'] } },
  ],
  fail: [
    { name: 'two application containers', files: { 'pod.yaml': pod(['- { name: web, image: shop/web }', '- { name: worker, image: shop/worker }']) }, findings: [{ line: 9, resource: 'Pod/shop/app', message: "container 'worker': is a second application container beside 'web'" }] },
    { name: 'a native sidecar that is an application', files: { 'pod.yaml': pod(['- { name: web, image: shop/web }'], ['- { name: cms, image: shop/cms, restartPolicy: Always }']) }, findings: [{ line: 8, message: "init container 'cms'" }] },
    { name: 'supervisord as the container command', files: { 'pod.yaml': pod(['- name: web', '  image: shop/web', '  command: ["/usr/bin/supervisord", "-n"]']) }, findings: [{ line: 10, message: 'supervisord' }] },
    { name: 'a Dockerfile starting supervisord', files: { Dockerfile: 'FROM debian\nRUN apt-get update && apt-get install -y supervisor nginx\nCMD supervisord -c /etc/supervisor.conf\n' }, findings: [{ line: 2, resource: '0', message: 'installs a process supervisor (supervisor)' }, { line: 3, message: 'starts the process supervisor supervisord' }] },
    { name: 'an s6-overlay entrypoint', files: { Dockerfile: 'FROM ubuntu AS runtime\nENTRYPOINT ["/command/s6-svscan", "/etc/services.d"]\n' }, findings: [{ line: 2, resource: 'runtime' }] },
  ],
  deviated: [{ name: 'waived inline', files: { 'pod.yaml': pod(['- { name: web, image: shop/web }', '# tenet:ignore services-isolated-per-container legacy pair, split tracked in JIRA-12', '- { name: worker, image: shop/worker }']) } }],
  notApplicable: [{ name: 'nothing that runs', files: { 'README.md': '# hi\n' } }],
  unknown: [{ name: 'only a Helm template', files: { 'chart/Chart.yaml': 'name: c\n', 'chart/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n' } }],
});
