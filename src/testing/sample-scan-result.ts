import type { ScanResult } from '../core/result.js';

/** Repository-controlled text that tries to break out of every report format. */
export const HOSTILE = `<script>alert("x")</script> 'q' & "dq" *bold* [link](javascript:alert(1)) @octocat #1 | pipe\nsecond line\u0001`;
export const HOSTILE_FILE = `src/<script>alert('f')</script> "a"&b.tf`;

/**
 * A hand-made scan result exercising everything reporters must show: two packs with requirements in
 * every status (the second one shaped like the Year of Engineering accreditation), controls with
 * failing, unknown and suppressed findings (each suppression kind), file problems and exceptions.
 */
export function sampleScanResult(): ScanResult {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'tenet', version: '0.1.0' },
    target: {
      path: '/tmp/sample repo',
      commit: '0123456789abcdef0123456789abcdef01234567',
      branch: 'main',
      remotes: [{ name: 'origin', url: 'git@github.com:example/service.git' }],
    },
    startedAt: '2026-11-23T10:00:00.000Z',
    durationMs: 1234,
    policies: [
      {
        id: 'human-made',
        title: 'Secure Engineering Policy',
        status: 'fail',
        requirements: [
          {
            id: 'HM-10',
            section: 'Changes should be controlled, and reviewed',
            text: 'Every change is peer-reviewed.',
            status: 'fail',
            controls: ['reviews-required-before-merge', 'no-secrets-in-tree'],
            // Fields the pack engine adds; reporters read them when present.
            ...{ mode: 'partly-automated', plannedControls: ['merged-changes-reviewed'], results: [{ control: 'reviews-required-before-merge', variant: 'approvals=2', status: 'fail' }, { control: 'no-secrets-in-tree', status: 'fail' }] },
          },
          { id: 'HM-11', section: 'Changes should be controlled, and reviewed', text: 'Changes arrive through pull requests.', status: 'pass', controls: ['changes-arrive-via-pull-requests'] },
          { id: 'HM-12', section: 'Backups', text: 'Backups are restored quarterly.', status: 'attested', controls: [], attestation: { statement: 'Restored in October', evidence: 'https://wiki.example.com/restore', attestedBy: 'ops@example.com', date: '2026-10-01', expires: '2027-01-01' } },
          { id: 'HM-13', section: 'Containers', text: HOSTILE, status: 'deviated', controls: ['dockerfile-runs-as-non-root'], deviation: { reason: 'legacy image drops privileges', approvedBy: 'security@example.com', expires: '2027-03-31' } },
          { id: 'HM-14', section: 'Kubernetes', status: 'not-applicable', controls: ['k8s-read-only-root-filesystem'], reason: 'no Kubernetes manifests' },
          { id: 'HM-15', section: 'Terraform', text: 'Data stores are not public.', status: 'unknown', controls: ['tf-data-stores-not-public'], reason: 'plan-time values' },
          { id: 'HM-16', section: 'Terraform', text: 'Dependencies are free of vulnerabilities.', status: 'error', controls: ['dependencies-free-of-known-vulnerabilities'], reason: 'control crashed' },
        ],
      },
      {
        id: 'year-of-engineering',
        title: 'Security Accreditation of Year of Engineering',
        status: 'fail',
        requirements: [
          { id: 'YOE-22', section: 'Requirements › Confidentiality', text: 'Information is visible only to authorised people.', status: 'fail', controls: ['no-secrets-in-tree'] },
          { id: 'YOE-25', section: 'Requirements › Integrity', text: 'Information is changed only by authorised people.', status: 'pass', controls: ['changes-arrive-via-pull-requests'] },
          { id: 'YOE-28', section: 'Requirements › Availability', text: 'Information stays available.', status: 'unknown', controls: [], reason: 'no attestation' },
          { id: 'YOE-32', section: 'Requirements › Non-repudiation', text: 'Every source change is traceable.', status: 'attested', controls: [], attestation: { statement: 'Commits are signed', evidence: 'javascript:alert(1)', attestedBy: 'lead@example.com', date: '2026-09-01', expires: '2027-09-01' } },
          { id: 'YOE-50', section: 'Technology › Connections', text: 'Connections use HTTPS.', status: 'pass', controls: ['changes-arrive-via-pull-requests'] },
          { id: 'YOE-02', section: 'Security approach', text: 'The approach is written up.', status: 'unknown', controls: [] },
        ],
      },
    ],
    controls: [
      {
        id: 'no-secrets-in-tree',
        title: 'No secrets in the working tree',
        domain: 'secrets',
        severity: 'critical',
        status: 'fail',
        findings: [
          { message: `AWS access key in ${HOSTILE}`, file: HOSTILE_FILE, line: 3, fingerprint: 'fp-secret-1', evidence: 'AKIA…XYZ', outcome: 'fail' },
          { message: 'Token in test fixture', file: 'test/fixtures/token.txt', line: 1, fingerprint: 'fp-secret-2', outcome: 'fail', suppressed: { kind: 'inline', reason: 'test fixture', source: 'test/fixtures/token.txt:1' } },
          { message: 'Key in vendored file', file: 'vendor/key.pem', fingerprint: 'fp-secret-3', outcome: 'fail', suppressed: { kind: 'ignore-file', reason: 'vendored', source: '.tenetignore:2' } },
        ],
      },
      {
        id: 'reviews-required-before-merge',
        title: 'Reviews are required before merge',
        domain: 'change-control',
        severity: 'high',
        status: 'fail',
        findings: [{ message: 'Branch protection requires 0 approvals', fingerprint: 'fp-review-1', outcome: 'fail', properties: { branch: 'main' } }],
        durationMs: 12,
      },
      {
        id: 'reviews-required-before-merge',
        title: 'Reviews are required before merge',
        domain: 'change-control',
        severity: 'high',
        status: 'fail',
        findings: [{ message: 'Branch protection requires 1 approval, the pack asks for 2', fingerprint: 'fp-review-2', outcome: 'fail' }],
        ...{ variant: 'approvals=2', params: { approvals: 2 } },
      },
      { id: 'changes-arrive-via-pull-requests', title: 'Changes arrive via pull requests', domain: 'change-control', severity: 'medium', status: 'pass', findings: [] },
      {
        id: 'dockerfile-runs-as-non-root',
        title: 'Dockerfile runs as non-root',
        domain: 'containers',
        severity: 'high',
        status: 'deviated',
        findings: [
          { message: 'Final stage runs as root', file: 'docker/legacy/Dockerfile', line: 1, resource: 'final', fingerprint: 'fp-docker-1', outcome: 'fail', suppressed: { kind: 'deviation', reason: 'legacy image drops privileges', source: '.tenet.yml#deviations[0]', approvedBy: 'security@example.com', expires: '2027-03-31' } },
        ],
      },
      { id: 'k8s-read-only-root-filesystem', title: 'Kubernetes containers have a read-only root filesystem', domain: 'kubernetes', severity: 'medium', status: 'not-applicable', reason: 'no Kubernetes manifests', findings: [] },
      {
        id: 'tf-data-stores-not-public',
        title: 'Data stores are not public',
        domain: 'terraform',
        severity: 'high',
        status: 'unknown',
        reason: 'publicly_accessible is only known at plan time',
        findings: [{ message: 'publicly_accessible comes from a variable', file: 'infra/main.tf', line: 12, resource: 'module.db.aws_db_instance.main', fingerprint: 'fp-tf-1', outcome: 'unknown' }],
      },
      { id: 'dependencies-free-of-known-vulnerabilities', title: 'Dependencies are free of known vulnerabilities', domain: 'supply-chain', severity: 'high', status: 'error', reason: `TypeError: ${HOSTILE}`, findings: [] },
    ],
    errors: [
      { file: HOSTILE_FILE, reason: 'malformed HCL: unexpected "<"' },
      { reason: 'git history unavailable: shallow clone' },
    ],
    summary: {
      controls: { fail: 3, pass: 1, deviated: 1, 'not-applicable': 1, unknown: 1, error: 1 },
      requirements: { fail: 2, pass: 3, attested: 2, deviated: 1, 'not-applicable': 1, unknown: 3, error: 1 },
    },
    exceptions: [
      { kind: 'deviation', source: 'deviations[0]', target: 'dockerfile-runs-as-non-root', state: 'active', reason: 'legacy image drops privileges', expires: '2027-03-31' },
      { kind: 'deviation', source: 'deviations[1]', target: 'no-secrets-in-tree', state: 'expired', reason: 'old', expires: '2025-01-01' },
      { kind: 'attestation', source: 'attestations[0]', target: 'HM-12', state: 'expiring', reason: 'Restored in October', expires: '2027-01-01' },
    ],
  };
}

/** The same scan without packs: reporters fall back to controls. */
export function sampleControlsOnlyResult(): ScanResult {
  const result = sampleScanResult();
  return { ...result, policies: [], summary: { ...result.summary, requirements: {} } };
}
