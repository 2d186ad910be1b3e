import { testControl } from '../../testing/control-table.js';
import { podManifest } from '../../testing/kube-manifests.js';
import control from './k8s-writable-mounts-limited.js';

const VOLUMES = ['volumes:', '  - name: out', '    emptyDir: {}', '  - name: cache', '    emptyDir: {}', '  - name: config', '    configMap: { name: app }'];
const pod = (mounts: string[], readOnlyRoot = true): string =>
  podManifest({
    podLines: VOLUMES,
    containerLines: ['image: a', 'securityContext:', `  readOnlyRootFilesystem: ${readOnlyRoot}`, 'volumeMounts:', ...mounts.map((mount) => `  - ${mount}`)],
  });

testControl(control, {
  pass: [
    { name: 'one writable mount, the rest read-only', files: { 'pod.yaml': pod(['{ name: out, mountPath: /out }', '{ name: cache, mountPath: /cache, readOnly: true }']) } },
    { name: 'configMap volumes are read-only whatever the mount says', files: { 'pod.yaml': pod(['{ name: out, mountPath: /out }', '{ name: config, mountPath: /etc/app }']) } },
    { name: 'limit raised by parameter', files: { 'pod.yaml': pod(['{ name: out, mountPath: /out }', '{ name: cache, mountPath: /cache }']) }, params: { maxWritableMounts: 2 } },
  ],
  fail: [
    { name: 'two writable mounts', files: { 'pod.yaml': pod(['{ name: out, mountPath: /out }', '{ name: cache, mountPath: /cache }']) }, findings: [{ line: 18, resource: 'Pod/default/app', message: "container 'app': has 2 writable volume mounts (/out, /cache)" }] },
    { name: 'no writable mount allowed', files: { 'pod.yaml': pod(['{ name: out, mountPath: /out }']) }, params: { maxWritableMounts: 0 }, findings: 1 },
  ],
  notApplicable: [
    { name: 'no read-only root filesystem', files: { 'pod.yaml': pod(['{ name: out, mountPath: /out }', '{ name: cache, mountPath: /cache }'], false) } },
    { name: 'no workloads', files: { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' } },
  ],
  unknown: [{ name: 'readOnly from a placeholder', files: { 'pod.yaml': pod(['{ name: out, mountPath: /out }', '{ name: cache, mountPath: /cache, readOnly: "${CACHE_RO}" }']) }, findings: [{ line: 18, outcome: 'unknown' }] }],
});
