import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { renderSarif } from './sarif.js';
import { sampleControlsOnlyResult, sampleScanResult, HOSTILE_FILE } from '../testing/sample-scan-result.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// The OASIS SARIF 2.1.0 schema (draft-07), kept in the repository so that the test stands alone.
const schemaPath = path.join(repoRoot, 'test', 'schemas', 'sarif-2.1.0.json');

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; help: { text: string }; properties: { requirements: string[]; 'security-severity': string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      kind: string;
      level: string;
      partialFingerprints: Record<string, string>;
      locations?: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } }; logicalLocations?: { fullyQualifiedName: string }[] }[];
      suppressions?: { kind: string; justification: string }[];
    }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[]; toolConfigurationNotifications: { message: { text: string } }[] }[];
    versionControlProvenance?: { repositoryUri: string; revisionId: string }[];
  }[];
}

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}

test('the SARIF log validates against the official 2.1.0 schema, with and without packs', () => {
  const validate = validator();
  for (const result of [sampleScanResult(), sampleControlsOnlyResult()]) {
    const log: unknown = JSON.parse(renderSarif(result, { describe: () => ({ rationale: 'Why it matters.', remediation: 'Fix it.' }) }));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  }
});

test('one rule per control, with help text and the requirement ids it serves', () => {
  const log = JSON.parse(renderSarif(sampleScanResult(), { describe: (id) => (id === 'no-secrets-in-tree' ? { rationale: 'Leaked keys are used within minutes.', remediation: 'Rotate the key.' } : undefined) })) as SarifLog;
  const rules = log.runs[0]!.tool.driver.rules;
  assert.deepEqual(rules.map((rule) => rule.id), [...new Set(sampleScanResult().controls.map((control) => control.id))], 'one rule per control, variants included');
  const secrets = rules.find((rule) => rule.id === 'no-secrets-in-tree')!;
  assert.deepEqual(secrets.properties.requirements, ['HM-10', 'YOE-22']);
  assert.match(secrets.help.text, /Leaked keys.*\n\nRemediation: Rotate the key\.\n\nServes: HM-10, YOE-22/s);
  assert.equal(secrets.properties['security-severity'], '9.5');
});

test('one result per finding: location, logical location, fingerprint, level and suppressions', () => {
  const log = JSON.parse(renderSarif(sampleScanResult())) as SarifLog;
  const run = log.runs[0]!;
  assert.equal(run.results.length, 7);
  const [leak, inline, ignoreFile] = run.results.filter((result) => result.ruleId === 'no-secrets-in-tree');
  assert.equal(leak!.level, 'error');
  assert.equal(leak!.kind, 'fail');
  assert.equal(leak!.partialFingerprints['tenet/v1'], 'fp-secret-1');
  assert.equal(decodeURIComponent(leak!.locations![0]!.physicalLocation!.artifactLocation.uri), HOSTILE_FILE);
  assert.doesNotMatch(leak!.locations![0]!.physicalLocation!.artifactLocation.uri, /[<>"' #]/);
  assert.equal(leak!.locations![0]!.physicalLocation!.region!.startLine, 3);
  assert.equal(leak!.suppressions, undefined);
  assert.equal(inline!.suppressions![0]!.kind, 'inSource');
  assert.equal(ignoreFile!.suppressions![0]!.kind, 'external');
  const deviated = run.results.find((result) => result.ruleId === 'dockerfile-runs-as-non-root')!;
  assert.deepEqual(deviated.suppressions![0], {
    kind: 'external',
    status: 'accepted',
    justification: 'legacy image drops privileges',
    properties: { source: '.tenet.yml#deviations[0]', tenetKind: 'deviation', approvedBy: 'security@example.com', expires: '2027-03-31' },
  });
  const undecided = run.results.find((result) => result.ruleId === 'tf-data-stores-not-public')!;
  assert.equal(undecided.kind, 'review');
  assert.equal(undecided.level, 'none');
  assert.equal(undecided.locations![0]!.logicalLocations![0]!.fullyQualifiedName, 'module.db.aws_db_instance.main');
  const [review, variant] = run.results.filter((result) => result.ruleId === 'reviews-required-before-merge');
  assert.equal(variant!.ruleIndex, review!.ruleIndex);
  assert.deepEqual((variant as { properties?: unknown }).properties, { variant: 'approvals=2' });
  assert.deepEqual(review!.locations, [{ physicalLocation: { artifactLocation: { uri: '.', uriBaseId: '%SRCROOT%' } } }], 'repository-wide findings point at the root');
  for (const result of run.results) {
    assert.match(result.locations![0]!.physicalLocation!.artifactLocation.uri, /^[A-Za-z0-9\-._~%!$&()*+,;=:@/]+$/, 'a valid URI reference');
  }
  assert.equal(run.tool.driver.rules[review!.ruleIndex]!.id, 'reviews-required-before-merge');
});

test('errors, unevaluated controls and expired exceptions become notifications', () => {
  const run = (JSON.parse(renderSarif(sampleScanResult())) as SarifLog).runs[0]!;
  const invocation = run.invocations[0]!;
  assert.equal(invocation.executionSuccessful, false);
  const texts = invocation.toolExecutionNotifications.map((note) => `${note.level} ${note.message.text}`);
  assert.ok(texts.some((text) => text.startsWith('error dependencies-free-of-known-vulnerabilities error: TypeError')));
  assert.ok(texts.some((text) => text.startsWith('note tf-data-stores-not-public unknown')));
  assert.ok(texts.includes('warning git history unavailable: shallow clone'));
  assert.match(invocation.toolConfigurationNotifications[0]!.message.text, /deviations\[1\].*expired/);
  assert.deepEqual(run.versionControlProvenance, [{ repositoryUri: 'https://github.com/example/service', revisionId: '0123456789abcdef0123456789abcdef01234567', branch: 'main' }]);
});
