// Packs evaluated through scan(): real controls (license-present, deviations-are-approved) and a
// fake parameterised control, tiny fixture repositories, and the verdicts and exit codes they give.
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { defineControl, evaluated } from '../src/engine/control.js';
import type { Control } from '../src/engine/control.js';
import type { TenetConfig } from '../src/config/types.js';
import type { ScanResult } from '../src/core/result.js';
import { ConfigError } from '../src/config/load.js';
import licensePresent from '../src/controls/docs/license-present.js';
import deviationsAreApproved from '../src/controls/docs/deviations-are-approved.js';
import { scan } from '../src/scan.js';
import { exitCodeFor } from '../src/cli/exit-code.js';
import { DEFAULT_PACK } from '../src/packs/load.js';
import { makeFixture, removeFixture, type FixtureFiles } from '../src/testing/fixture.js';

const now = new Date('2026-06-01T12:00:00Z');
const MIT = 'MIT License\n\nCopyright (c) 2026 Example\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\n';

/** Passes when the repository "has" at least `approvals` approvals (given as a scan option). */
const approvalsFake = defineControl({
  meta: {
    id: 'approvals-fake',
    title: 'Enough approvals',
    domain: 'change-control',
    severity: 'high',
    rationale: 'test',
    remediation: 'test',
    params: { approvals: { type: 'number', default: 1, minimum: 0, description: 'approvals needed' } },
  },
  check({ params, options }) {
    const have = typeof options.have === 'number' ? options.have : 0;
    return evaluated(have >= params.approvals ? [] : [{ message: `${have} approval(s), ${params.approvals} required`, key: 'approvals', file: 'legacy/protect.json' }]);
  },
});

const controls: Control[] = [licensePresent as Control, deviationsAreApproved as Control, approvalsFake as Control];

const PACK = `id: test-pack
title: Test pack
version: 1.0.0
params:
  approvals-fake: { approvals: 2 }
requirements:
  - id: T-1
    section: Licensing
    text: A licence is shipped.
    controls: [license-present]
  - id: T-2
    section: Review
    text: Two approvals.
    controls: [approvals-fake]
  - id: T-3
    section: Review
    text: One approval is enough here.
    controls: [approvals-fake]
    params:
      approvals-fake: { approvals: 1 }
  - id: T-4
    section: Process
    text: Incidents are written down.
    attestation: { evidence: incident record, renewalDays: 365 }
  - id: T-5
    section: Exceptions
    text: Exceptions are approved.
    controls: [deviations-are-approved]
`;

const SECOND_PACK = `id: second-pack
title: Second
version: 1.0.0
requirements:
  - id: S-1
    section: Review
    text: Two approvals as well.
    controls: [approvals-fake]
    params:
      approvals-fake: { approvals: 2 }
`;

const roots: string[] = [];
after(() => roots.forEach(removeFixture));

async function run(files: FixtureFiles, config: TenetConfig = {}, extra: Record<string, unknown> = { have: 1 }, packs?: string[]): Promise<ScanResult> {
  const root = makeFixture({ 'packs/test.yaml': PACK, 'packs/second.yaml': SECOND_PACK, ...files });
  roots.push(root);
  return scan({ path: root, controls, config: { packs: [`${root}/packs/test.yaml`], ...config }, now, extra, ...(packs ? { packs: packs.map((ref) => `${root}/${ref}`) } : {}) });
}

function requirement(result: ScanResult, id: string) {
  const found = result.policies.flatMap((policy) => policy.requirements).find((entry) => entry.id === id);
  assert.ok(found, `no requirement ${id}`);
  return found;
}

describe('packs in a scan', () => {
  it('an automated requirement passes on a repository that meets it and fails on one that does not', async () => {
    const passing = await run({ LICENSE: MIT });
    assert.equal(requirement(passing, 'T-1').status, 'pass');
    const failing = await run({ 'index.js': '' }, {}, { have: 2 });
    assert.equal(requirement(failing, 'T-1').status, 'fail');
    assert.equal(requirement(failing, 'T-1').severity, 'low');
    assert.equal(exitCodeFor(failing, 'low'), 1);
    assert.equal(exitCodeFor(failing, 'medium'), 0);
  });

  it('fills policies[] and summary.requirements', async () => {
    const result = await run({ LICENSE: MIT });
    assert.equal(result.policies.length, 1);
    assert.equal(result.policies[0]?.id, 'test-pack');
    assert.equal(result.policies[0]?.status, 'fail');
    assert.deepEqual(result.summary.requirements, { pass: 2, fail: 1, unknown: 2 });
  });

  it('runs a control once more for each distinct parameter set, and each requirement reads its own', async () => {
    const result = await run({ LICENSE: MIT });
    const runs = result.controls.filter((control) => control.id === 'approvals-fake');
    assert.deepEqual(runs.map((entry) => [entry.variant ?? '', entry.status]), [['', 'pass'], ['approvals=2', 'fail']]);
    assert.equal(requirement(result, 'T-2').status, 'fail');
    assert.deepEqual(requirement(result, 'T-2').results, [{ control: 'approvals-fake', variant: 'approvals=2', status: 'fail' }]);
    assert.equal(requirement(result, 'T-3').status, 'pass');
    assert.equal(exitCodeFor(result, 'high'), 1);
    const enough = await run({ LICENSE: MIT }, {}, { have: 2 });
    assert.equal(requirement(enough, 'T-2').status, 'pass');
  });

  it('two packs asking for the same parameters share one run', async () => {
    const result = await run({ LICENSE: MIT }, {}, { have: 1 }, ['packs/test.yaml', 'packs/second.yaml']);
    assert.equal(result.policies.length, 2);
    assert.equal(result.controls.filter((control) => control.variant === 'approvals=2').length, 1);
    assert.equal(requirement(result, 'S-1').status, 'fail');
  });

  it('--pack takes the place of packs: in the configuration; the default applies when neither chooses', async () => {
    const chosen = await run({}, {}, { have: 1 }, ['packs/second.yaml']);
    assert.deepEqual(chosen.policies.map((policy) => policy.id), ['second-pack']);
    const root = makeFixture({ LICENSE: MIT });
    roots.push(root);
    const byDefault = await scan({ path: root, controls, now });
    assert.deepEqual(byDefault.policies.map((policy) => policy.id), [DEFAULT_PACK]);
  });

  it('reads packs: from .tenet.yml, relative to that file', async () => {
    const root = makeFixture({ LICENSE: MIT, 'ci/.tenet.yml': 'packs: [../packs/second.yaml, human-made]\n', 'packs/second.yaml': SECOND_PACK });
    roots.push(root);
    const result = await scan({ path: root, configFile: `${root}/ci/.tenet.yml`, controls, now, extra: { have: 2 } });
    assert.deepEqual(result.policies.map((policy) => policy.id), ['second-pack', 'human-made']);
    assert.equal(requirement(result, 'S-1').status, 'pass');
  });

  it('attestations for packs: requirements stay valid when --pack chooses other packs', async () => {
    const root = makeFixture({ '.tenet.yml': 'packs: [packs/test.yaml]\nattestations:\n  - { requirement: T-4, statement: s, evidence: e, attestedBy: a, date: 2026-01-01, expires: 2026-12-31 }\n', 'packs/test.yaml': PACK });
    roots.push(root);
    const result = await scan({ path: root, controls, now, packs: ['human-made'] });
    assert.deepEqual(result.policies.map((policy) => policy.id), ['human-made']);
  });

  it('a repository\'s own .tenet.yml cannot make tenet read packs outside it', async () => {
    const outside = makeFixture({ 'pack.yaml': SECOND_PACK });
    roots.push(outside);
    for (const ref of [`${outside}/pack.yaml`, '/dev/zero', 'link/pack.yaml']) {
      const root = makeFixture({ '.tenet.yml': `packs: ["${ref}"]\n` });
      roots.push(root);
      symlinkSync(outside, path.join(root, 'link'));
      await assert.rejects(scan({ path: root, controls, now }), (error: unknown) => error instanceof ConfigError && /must lie inside it/.test(error.problems.join()), ref);
    }
    const root = makeFixture({ '.tenet.yml': 'packs: [p.yaml]\n' });
    roots.push(root);
    assert.deepEqual((await scan({ path: root, controls, now, packs: [`${outside}/pack.yaml`] })).policies.map((policy) => policy.id), ['second-pack'], '--pack is the user\'s own choice');
  });
});

describe('attestations and deviations in a scan', () => {
  const attestation = { requirement: 'T-4', statement: 'we keep records', evidence: 'https://example.com/incidents', attestedBy: 'ada', date: '2026-01-01', expires: '2026-12-31' };
  const deviation = { requirement: 'T-2', reason: 'second reviewer joins in July', approvedBy: 'cto', expires: '2026-09-30' };

  it('an attestation makes its requirement attested; an expired one leaves it unknown and is listed', async () => {
    assert.equal(requirement(await run({ LICENSE: MIT }), 'T-4').status, 'unknown');
    const attested = await run({ LICENSE: MIT }, { attestations: [attestation] });
    assert.equal(requirement(attested, 'T-4').status, 'attested');
    assert.equal(attested.exceptions?.[0]?.state, 'active');
    const expired = await run({ LICENSE: MIT }, { attestations: [{ ...attestation, expires: '2026-05-01' }] });
    assert.equal(requirement(expired, 'T-4').status, 'unknown');
    assert.match(requirement(expired, 'T-4').reason ?? '', /expired on 2026-05-01/);
    assert.equal(expired.exceptions?.[0]?.state, 'expired');
  });

  it('a requirement deviation accepts its failure, and the exit code follows', async () => {
    const result = await run({ LICENSE: MIT }, { deviations: [deviation] });
    assert.equal(requirement(result, 'T-2').status, 'deviated');
    assert.equal(requirement(result, 'T-5').status, 'pass');
    assert.equal(exitCodeFor(result, 'high'), 0, 'the variant run fails only for the deviated requirement');
  });

  it('an expired deviation counts for nothing', async () => {
    const result = await run({ LICENSE: MIT }, { deviations: [{ ...deviation, expires: '2026-05-31' }] });
    assert.equal(requirement(result, 'T-2').status, 'fail');
    assert.equal(exitCodeFor(result, 'high'), 1);
    assert.equal(result.exceptions?.[0]?.state, 'expired');
  });

  it('an unapproved deviation counts for nothing and fails deviations-are-approved', async () => {
    const { approvedBy: _approvedBy, ...unapproved } = deviation;
    const result = await run({ LICENSE: MIT }, { deviations: [unapproved] });
    assert.equal(requirement(result, 'T-2').status, 'fail');
    assert.equal(requirement(result, 'T-5').status, 'fail');
    assert.equal(result.exceptions?.[0]?.state, 'invalid');
  });

  it('a deviation expiring within the warning window is flagged', async () => {
    const result = await run({ LICENSE: MIT }, { deviations: [{ ...deviation, expires: '2026-06-10' }] });
    assert.equal(requirement(result, 'T-2').status, 'deviated');
    assert.match(requirement(result, 'T-2').reason ?? '', /expires soon/);
    assert.equal(result.exceptions?.[0]?.state, 'expiring');
  });

  it('a control deviation covers every run of the control', async () => {
    const result = await run({ LICENSE: MIT }, { deviations: [{ control: 'approvals-fake', reason: 'x', approvedBy: 'cto', expires: '2026-09-30', paths: ['legacy/**'] }] });
    assert.equal(result.controls.find((control) => control.variant)?.status, 'deviated');
    assert.equal(requirement(result, 'T-2').status, 'deviated');
  });

  it('names that match no requirement, unknown controls and bad parameters are configuration errors', async () => {
    await assert.rejects(run({}, { attestations: [{ ...attestation, requirement: 'T-99' }] }), (error: unknown) => error instanceof ConfigError && /unknown requirement 'T-99'/.test(error.problems.join()));
    const badPack = PACK.replace('controls: [license-present]', 'controls: [licence-present]').replace('{ approvals: 2 }', '{ approvals: two }');
    await assert.rejects(run({ 'packs/test.yaml': badPack }), (error: unknown) => {
      const problems = error instanceof ConfigError ? error.problems.join('\n') : '';
      return /unknown control 'licence-present'/.test(problems) && /params\.approvals-fake\.approvals: must be a number/.test(problems);
    });
  });
});
