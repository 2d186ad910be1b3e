import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { makeFixture, removeFixture } from '../testing/fixture.js';
import { parseConfig } from './load.js';
import { writeAttestation, writeDeviation } from './edit.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeFixture));
function configFile(text?: string): string {
  const dir = makeFixture(text === undefined ? {} : { '.tenet.yml': text });
  dirs.push(dir);
  return path.join(dir, '.tenet.yml');
}

const attestation = { requirement: 'HM-12', statement: 'Change management considered', evidence: 'https://wiki.example.com/cm', attestedBy: 'ada', date: '2026-01-01', expires: '2026-12-31' };

describe('editing .tenet.yml', () => {
  it('keeps comments and order while adding entries', () => {
    const file = configFile('# our settings\nexclude: ["vendor/**"] # third-party\n\n# exceptions below\ndeviations:\n  - control: license-present # docs repo\n    reason: docs only\n    approvedBy: cto\n    expires: 2026-12-31\nparams: {}\n');
    writeDeviation(file, { requirement: 'HM-13', reason: 'migration', approvedBy: 'cto', expires: '2026-09-30', paths: ['legacy/**'] });
    writeAttestation(file, attestation);
    const text = readFileSync(file, 'utf8');
    for (const kept of ['# our settings', '# third-party', '# exceptions below', '# docs repo']) assert.ok(text.includes(kept), `${kept} lost:\n${text}`);
    assert.ok(text.indexOf('exclude') < text.indexOf('deviations') && text.indexOf('deviations') < text.indexOf('params') && text.indexOf('params') < text.indexOf('attestations'), text);
    const config = parseConfig(text, file);
    assert.equal(config.deviations?.length, 2);
    assert.equal(config.deviations?.[1]?.requirement, 'HM-13');
    assert.deepEqual(config.deviations?.[1]?.paths, ['legacy/**']);
    assert.equal(config.attestations?.[0]?.expires, '2026-12-31');
  });

  it('renews an attestation of the same requirement in place', () => {
    const file = configFile();
    assert.deepEqual(writeAttestation(file, attestation), { replaced: false });
    writeAttestation(file, { ...attestation, requirement: 'HM-15' });
    assert.deepEqual(writeAttestation(file, { ...attestation, date: '2026-06-01', expires: '2027-05-31' }), { replaced: true });
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    assert.deepEqual(config.attestations?.map((entry) => [entry.requirement, entry.expires]), [['HM-12', '2027-05-31'], ['HM-15', '2026-12-31']]);
  });

  it('creates the file, and turns an empty flow list into a block list', () => {
    const created = configFile();
    writeDeviation(created, { control: 'license-present', reason: 'r' });
    assert.equal(parseConfig(readFileSync(created, 'utf8'), created).deviations?.length, 1);
    const flow = configFile('deviations: []\n');
    writeDeviation(flow, { control: 'license-present', reason: 'r', approvedBy: 'a', expires: '2026-12-31' });
    assert.match(readFileSync(flow, 'utf8'), /^deviations:\n {2}- control: license-present/m);
  });

  it('refuses a file that is not a mapping, and never writes an invalid one', () => {
    const list = configFile('- a\n- b\n');
    assert.throws(() => writeDeviation(list, { control: 'x', reason: 'r' }), /not a mapping/);
    const bad = configFile('exclude: ["vendor/**"]\n');
    assert.throws(() => writeDeviation(bad, { control: 'x', reason: '' }), /reason/);
    assert.equal(readFileSync(bad, 'utf8'), 'exclude: ["vendor/**"]\n');
  });
});
