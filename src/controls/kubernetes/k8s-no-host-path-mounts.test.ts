import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-no-host-path-mounts.js';

const volumes = (...paths: string[]): string[] => ['volumes:', ...paths.flatMap((hostPath, index) => [`  - name: v${index}`, '    hostPath:', `      path: ${hostPath}`])];

testControl(control, {
  pass: [
    { name: 'emptyDir and configMap only', files: { 'pod.yaml': podManifest({ podLines: ['volumes:', '  - name: tmp', '    emptyDir: {}', '  - name: cfg', '    configMap:', '      name: cfg'] }) } },
    { name: 'allowed path and beneath it', files: { 'pod.yaml': podManifest({ podLines: volumes('/var/log', '/var/log/pods') }) }, params: { allowedPaths: ['/var/log/'] } },
  ],
  fail: [
    {
      name: 'one finding per hostPath volume',
      files: { 'pod.yaml': podManifest({ podLines: volumes('/var/run/docker.sock', '/etc') }) },
      findings: [
        { line: 8, message: "volume 'v0' mounts the host path /var/run/docker.sock" },
        { line: 11, message: "volume 'v1'" },
      ],
    },
    { name: 'a path that climbs out of the allowed one', files: { 'pod.yaml': podManifest({ podLines: volumes('/var/log/../../etc') }) }, params: { allowedPaths: ['/var/log'] }, findings: 1 },
  ],
  notApplicable: [{ name: 'no workloads', files: { 'x.yml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n' } }],
  unknown: [{ name: 'templated path', files: { 'pod.yaml': podManifest({ podLines: volumes('${DATA_DIR}') }) }, findings: [{ outcome: 'unknown' }] }],
});
