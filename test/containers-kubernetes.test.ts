import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { controls as containerControls } from '../src/controls/containers/index.js';
import { controls as kubernetesControls } from '../src/controls/kubernetes/index.js';
import type { ScanResult } from '../src/core/result.js';
import { scan } from '../src/scan.js';
import { makeFixture, removeFixture, type FixtureFiles } from '../src/testing/fixture.js';

// dist/test/… at run time; the fixtures stay in the source tree.
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

function readTree(dir: string, prefix = ''): FixtureFiles {
  const files: FixtureFiles = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, readTree(path.join(dir, entry.name), relative));
    else files[relative] = readFileSync(path.join(dir, entry.name));
  }
  return files;
}

async function scanFixture(name: string, extra: FixtureFiles = {}): Promise<ScanResult> {
  const root = makeFixture({ ...readTree(path.join(FIXTURES, name)), ...extra });
  try {
    return await scan({ path: root, controls: [...containerControls, ...kubernetesControls] });
  } finally {
    removeFixture(root);
  }
}

/** `control file:line resource` for every finding, sorted. */
function findingsOf(result: ScanResult): string[] {
  return result.controls.flatMap((control) => control.findings.map((finding) => `${control.id} ${finding.file ?? ''}:${finding.line ?? ''} ${finding.resource ?? ''} ${finding.outcome}`)).sort();
}

const KUBERNETES_FAILING = [
  'k8s-runs-as-non-root k8s/report.yaml:14 CronJob/shop/nightly-report fail',
  'k8s-runs-as-non-root k8s/web.yaml:22 Deployment/shop/web fail',
  'k8s-runs-as-non-root k8s/web.yaml:24 Deployment/shop/web fail',
  'k8s-read-only-root-filesystem k8s/report.yaml:14 CronJob/shop/nightly-report fail',
  'k8s-read-only-root-filesystem k8s/web.yaml:18 Deployment/shop/web fail',
  'k8s-read-only-root-filesystem k8s/web.yaml:24 Deployment/shop/web fail',
  'k8s-no-privilege-escalation k8s/report.yaml:14 CronJob/shop/nightly-report fail',
  'k8s-no-privilege-escalation k8s/web.yaml:18 Deployment/shop/web fail',
  'k8s-no-privilege-escalation k8s/web.yaml:34 Deployment/shop/web fail',
  'k8s-capabilities-dropped k8s/report.yaml:14 CronJob/shop/nightly-report fail',
  'k8s-capabilities-dropped k8s/web.yaml:18 Deployment/shop/web fail',
  'k8s-capabilities-dropped k8s/web.yaml:24 Deployment/shop/web fail',
  'k8s-seccomp-profile-set k8s/report.yaml:14 CronJob/shop/nightly-report fail',
  'k8s-seccomp-profile-set k8s/web.yaml:18 Deployment/shop/web fail',
  'k8s-seccomp-profile-set k8s/web.yaml:24 Deployment/shop/web fail',
  'k8s-no-host-namespaces k8s/web.yaml:16 Deployment/shop/web fail',
  'k8s-no-host-path-mounts k8s/web.yaml:40 Deployment/shop/web fail',
  'k8s-resource-limits-set k8s/report.yaml:14 CronJob/shop/nightly-report fail',
  'k8s-resource-limits-set k8s/web.yaml:18 Deployment/shop/web fail',
  'k8s-resource-limits-set k8s/web.yaml:24 Deployment/shop/web fail',
  'k8s-probes-configured k8s/web.yaml:24 Deployment/shop/web fail',
  'k8s-multiple-replicas k8s/web.yaml:7 Deployment/shop/web fail',
  'k8s-disruption-budget-defined k8s/web.yaml:1 Deployment/shop/web fail',
  'k8s-images-pinned k8s/report.yaml:15 CronJob/shop/nightly-report fail',
  'k8s-images-pinned k8s/web.yaml:19 Deployment/shop/web fail',
  'k8s-images-pinned k8s/web.yaml:25 Deployment/shop/web fail',
  'k8s-secrets-not-in-env-literals k8s/web.yaml:32 Deployment/shop/web fail',
  'k8s-service-account-token-not-automounted k8s/report.yaml:1 CronJob/shop/nightly-report fail',
  'k8s-service-account-token-not-automounted k8s/web.yaml:1 Deployment/shop/web fail',
  'k8s-rbac-least-privilege k8s/rbac.yaml:8 ClusterRole/default/deployer fail',
  'k8s-rbac-least-privilege k8s/rbac.yaml:17 ClusterRoleBinding/default/ci-admin fail',
  'k8s-rbac-least-privilege k8s/report.yaml:1 CronJob/shop/nightly-report fail',
  'k8s-rbac-least-privilege k8s/web.yaml:1 Deployment/shop/web fail',
  'k8s-default-deny-network-policy k8s/report.yaml:1 CronJob/shop/nightly-report fail',
  'workloads-autoscaled k8s/web.yaml:55 HorizontalPodAutoscaler/shop/web fail',
  'base-images-from-trusted-sources k8s/report.yaml:15 CronJob/shop/nightly-report fail',
  'base-images-from-trusted-sources k8s/web.yaml:19 Deployment/shop/web fail',
  'base-images-from-trusted-sources k8s/web.yaml:25 Deployment/shop/web fail',
].sort();

const CONTAINERS_FAILING = [
  'dockerfile-runs-as-non-root Dockerfile:13 runtime fail',
  'dockerfile-base-image-pinned Dockerfile:3 deps fail',
  'dockerfile-base-image-pinned Dockerfile:13 runtime fail',
  'dockerfile-base-image-minimal Dockerfile:13 runtime fail',
  'dockerfile-healthcheck-defined Dockerfile:13 runtime fail',
  'dockerfile-no-secrets-in-build Dockerfile:5 deps fail',
  'dockerfile-no-secrets-in-build Dockerfile:6 deps fail',
  'dockerfile-no-secrets-in-build Dockerfile:18 runtime fail',
  'dockerfile-no-secrets-in-build Dockerfile:20 runtime fail',
  'dockerfile-no-remote-add Dockerfile:14 runtime fail',
  'dockerfile-no-ssh-exposed Dockerfile:15 runtime fail',
  'dockerfile-no-ssh-exposed Dockerfile:21 runtime fail',
  'install-commands-use-trusted-sources Dockerfile:23 runtime fail',
  'no-verification-bypass-in-installs Dockerfile:23 runtime fail',
].sort();

function statusesOf(result: ScanResult, domain: string): Record<string, string> {
  return Object.fromEntries(result.controls.filter((control) => control.domain === domain).map((control) => [control.id, control.status]));
}

function allPass(domain: 'containers' | 'kubernetes'): Record<string, string> {
  const controls = domain === 'containers' ? containerControls : kubernetesControls;
  return Object.fromEntries(controls.map((control) => [control.meta.id, 'pass']));
}

describe('Kubernetes app fixture', () => {
  it('the failing variant yields exactly one finding per offending resource and container, with lines', async () => {
    const result = await scanFixture('kubernetes/failing');
    assert.deepEqual(findingsOf(result), KUBERNETES_FAILING);
    assert.deepEqual(result.errors, []);
  });

  it('the fixed variant passes every Kubernetes control', async () => {
    const result = await scanFixture('kubernetes/fixed');
    assert.deepEqual(statusesOf(result, 'kubernetes'), allPass('kubernetes'));
    assert.deepEqual(findingsOf(result), []);
  });

  it('a malformed manifest is an error, and the rest of the scan completes', async () => {
    const result = await scanFixture('kubernetes/failing', { 'k8s/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata: {unclosed\n' });
    // The unread file could hold the missing NetworkPolicy, so that finding can no longer be judged.
    const expected = KUBERNETES_FAILING.map((finding) => (finding.startsWith('k8s-default-deny-network-policy') ? finding.replace(/fail$/, 'unknown') : finding));
    assert.deepEqual(findingsOf(result), expected);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]?.file, 'k8s/broken.yaml');
    assert.match(result.errors[0]?.reason ?? '', /malformed YAML/);
  });
});

describe('multi-stage Dockerfile fixture', () => {
  it('the failing variant yields exactly the expected findings, with stages and lines', async () => {
    const result = await scanFixture('containers/failing');
    assert.deepEqual(findingsOf(result), CONTAINERS_FAILING);
    assert.deepEqual(result.errors, []);
  });

  it('the fixed variant passes every containers control', async () => {
    const result = await scanFixture('containers/fixed');
    assert.deepEqual(statusesOf(result, 'containers'), allPass('containers'));
    assert.deepEqual(findingsOf(result), []);
  });

  it('a malformed Dockerfile is an error, and the rest of the scan completes', async () => {
    const result = await scanFixture('containers/failing', { 'tools/Dockerfile': 'RUN echo "no FROM"\n' });
    assert.deepEqual(findingsOf(result), CONTAINERS_FAILING);
    assert.deepEqual(result.errors, [{ file: 'tools/Dockerfile', reason: 'malformed Dockerfile: line 1: RUN before the first FROM' }]);
  });
});
