import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Ecosystem } from '../core/package-inventory.js';
import { fixtureRecords } from '../testing/osv-fixtures.js';
import { evaluateEvents, matchPackage, mergeMatches } from './match.js';
import { toOsvRecord, type OsvRecord } from './osv.js';
import { SEMVER_ORDER, versionOrder } from './versions/index.js';

const records = fixtureRecords().map((value) => toOsvRecord(value) as OsvRecord);

function vulnerabilities(ecosystem: Ecosystem, name: string, version: string): string[] {
  const verdict = matchPackage(ecosystem, name, version, records);
  return mergeMatches(ecosystem, verdict.matches)
    .map((vuln) => `${vuln.id}${vuln.fixed ? `>${vuln.fixed}` : vuln.hasFix ? '' : '!'}`)
    .sort();
}

/** [ecosystem, package, locked version, expected `id>fixed` (or `id!` when no fix exists)]. */
const CASES: [Ecosystem, string, string, string[]][] = [
  ['npm', 'lodash', '4.17.20', ['GHSA-29mw-wpgm-hmr9>4.17.21', 'GHSA-35jh-r3h4-6jhm>4.17.21']],
  ['npm', 'lodash', '4.17.21', []],
  ['npm', 'lodash', '4.17.18', ['GHSA-29mw-wpgm-hmr9>4.17.21', 'GHSA-35jh-r3h4-6jhm>4.17.21', 'GHSA-p6mc-m468-83gw>4.17.19']],
  ['npm', 'lodash', '4.17.19', ['GHSA-29mw-wpgm-hmr9>4.17.21', 'GHSA-35jh-r3h4-6jhm>4.17.21']],
  ['npm', 'lodash', '3.7.0', ['GHSA-35jh-r3h4-6jhm>4.17.21', 'GHSA-p6mc-m468-83gw>4.17.19']],
  ['npm', 'lodash', '3.6.0', ['GHSA-35jh-r3h4-6jhm>4.17.21']],
  ['npm', 'minimist', '1.2.5', ['GHSA-xvch-5gv4-984h>1.2.6']],
  ['npm', 'minimist', '1.2.6', []],
  ['npm', 'minimist', '1.2.3', ['GHSA-xvch-5gv4-984h>1.2.6']],
  ['npm', 'minimist', '1.0.0', ['GHSA-vh95-rmgr-6w4m>1.2.3', 'GHSA-xvch-5gv4-984h>1.2.6']],
  ['npm', 'minimist', '0.2.3', ['GHSA-xvch-5gv4-984h>0.2.4']],
  ['npm', 'minimist', '0.2.4', []],
  ['npm', 'minimist', '0.2.0', ['GHSA-vh95-rmgr-6w4m>0.2.1', 'GHSA-xvch-5gv4-984h>0.2.4']],
  ['npm', 'node-fetch', '2.6.6', ['GHSA-r683-j2x4-v87g>2.6.7']],
  ['npm', 'node-fetch', '2.6.7', []],
  ['npm', 'node-fetch', '2.6.0', ['GHSA-r683-j2x4-v87g>2.6.7', 'GHSA-w7rc-rwvf-8q5r>2.6.1']],
  ['npm', 'node-fetch', '3.0.0', ['GHSA-r683-j2x4-v87g>3.1.1']],
  ['npm', 'node-fetch', '3.0.0-beta.8', ['GHSA-w7rc-rwvf-8q5r>3.0.0-beta.9']],
  ['npm', 'node-fetch', '3.0.0-beta.9', []],
  ['npm', 'axios', '0.21.0', ['GHSA-42xw-2xvc-qx8m>0.21.1', 'GHSA-jr5f-v2jv-69x6>0.30.0', 'GHSA-wf5p-g6vw-rhxx>0.28.0']],
  ['npm', 'axios', '0.21.1', ['GHSA-jr5f-v2jv-69x6>0.30.0', 'GHSA-wf5p-g6vw-rhxx>0.28.0']],
  ['npm', 'axios', '0.8.0', ['GHSA-42xw-2xvc-qx8m>0.21.1', 'GHSA-jr5f-v2jv-69x6>0.30.0']],
  ['npm', 'axios', '1.6.0', ['GHSA-jr5f-v2jv-69x6>1.8.2']],
  ['npm', 'axios', '1.8.2', []],
  ['npm', 'axios', '0.30.0', []],
  // A pre-release sorts below its release: 1.0.0-alpha.1 is outside [1.0.0, 1.8.2) and above 0.30.0.
  ['npm', 'axios', '1.0.0-alpha.1', []],
  // last_affected is inclusive and names no fix; the withdrawn GHSA-27h2-hvpr-p74q never matches.
  ['npm', 'jsonwebtoken', '8.5.1', ['GHSA-8cf7-32gw-wr33!', 'GHSA-qwph-4952-7xr6>9.0.0']],
  ['npm', 'jsonwebtoken', '9.0.0', []],
  ['PyPI', 'django', '3.2.13', ['GHSA-jh3w-4vvf-mjgr>3.2.20', 'GHSA-p64x-8rxx-wf6q>3.2.14']],
  ['PyPI', 'Django', '3.2.4', ['GHSA-jh3w-4vvf-mjgr>3.2.20', 'GHSA-p64x-8rxx-wf6q>3.2.14', 'GHSA-xpfp-f569-q3p2>3.2.5']],
  ['PyPI', 'django', '3.2.14', ['GHSA-jh3w-4vvf-mjgr>3.2.20']],
  ['PyPI', 'django', '4.0.5', ['GHSA-jh3w-4vvf-mjgr>4.1.10', 'GHSA-p64x-8rxx-wf6q>4.0.6']],
  ['PyPI', 'django', '4.2rc1', ['GHSA-jh3w-4vvf-mjgr>4.2.3']],
  ['PyPI', 'django', '3.2rc1', ['GHSA-jh3w-4vvf-mjgr>3.2.20']],
  ['PyPI', 'django', '4.2.3', []],
  ['PyPI', 'requests', '2.30.0', ['GHSA-9wx4-h78v-vm56>2.32.0', 'GHSA-j8r2-6x86-q33q>2.31.0']],
  ['PyPI', 'Requests', '2.31.0', ['GHSA-9wx4-h78v-vm56>2.32.0']],
  ['PyPI', 'requests', '2.32.0', []],
  ['PyPI', 'requests', '2.2.1', ['GHSA-9wx4-h78v-vm56>2.32.0']],
  ['Go', 'golang.org/x/net', 'v0.16.0', ['GHSA-4374-p667-p6c8>0.17.0']],
  ['Go', 'golang.org/x/net', 'v0.17.0', []],
  ['Go', 'golang.org/x/net', 'v0.3.0', ['GHSA-4374-p667-p6c8>0.17.0', 'GHSA-xrjj-mj9h-534m>0.4.0']],
  ['Go', 'golang.org/x/net', 'v0.0.0-20211209124913-491a49abca63', ['GHSA-4374-p667-p6c8>0.17.0', 'GHSA-xrjj-mj9h-534m>0.4.0']],
  ['crates.io', 'regex', '1.5.4', ['GHSA-m5pq-gvj9-9vr8>1.5.5']],
  ['crates.io', 'regex', '1.5.5', []],
  ['crates.io', 'smallvec', '0.6.13', ['GHSA-43w2-9j62-hq99>0.6.14']],
  ['crates.io', 'smallvec', '0.6.14', []],
  ['crates.io', 'smallvec', '0.6.2', []],
  ['crates.io', 'smallvec', '1.6.0', ['GHSA-43w2-9j62-hq99>1.6.1']],
  ['RubyGems', 'rack', '2.0.9', ['GHSA-wq4h-7r42-5hrr>2.0.9.1']],
  ['RubyGems', 'rack', '2.0.9.1', []],
  ['RubyGems', 'rack', '2.2.3', ['GHSA-wq4h-7r42-5hrr>2.2.3.1']],
  ['RubyGems', 'rack', '2.2.3.1', []],
  ['Packagist', 'guzzlehttp/guzzle', '6.5.5', ['GHSA-cwmx-hcrq-mhc3>6.5.6']],
  ['Packagist', 'GuzzleHttp/Guzzle', '7.4.2', ['GHSA-cwmx-hcrq-mhc3>7.4.3']],
  ['Packagist', 'guzzlehttp/guzzle', 'v7.4.3', []],
  ['Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1', ['GHSA-7rjr-3q55-vv33>2.16.0', 'GHSA-jfh8-c2jp-5v3q>2.15.0']],
  ['Maven', 'org.apache.logging.log4j:log4j-core', '2.15.0', ['GHSA-7rjr-3q55-vv33>2.16.0']],
  ['Maven', 'org.apache.logging.log4j:log4j-core', '2.16.0', []],
  ['Maven', 'org.apache.logging.log4j:log4j-core', '2.0-beta8', []],
  ['Maven', 'org.apache.logging.log4j:log4j-core', '2.0-beta9', ['GHSA-7rjr-3q55-vv33>2.12.2', 'GHSA-jfh8-c2jp-5v3q>2.3.1']],
  ['Maven', 'org.apache.logging.log4j:log4j-core', '2.12.2', []],
  ['Maven', 'com.fasterxml.jackson.core:jackson-databind', '2.12.6', ['GHSA-57j2-w4cx-62h2>2.12.6.1']],
  ['Maven', 'com.fasterxml.jackson.core:jackson-databind', '2.12.6.1', []],
  ['Maven', 'com.fasterxml.jackson.core:jackson-databind', '2.13.2', ['GHSA-57j2-w4cx-62h2>2.13.2.1']],
];

describe('matching real advisories', () => {
  for (const [ecosystem, name, version, expected] of CASES) {
    it(`${ecosystem} ${name}@${version}`, () => assert.deepEqual(vulnerabilities(ecosystem, name, version), expected));
  }
  it('merges aliases into one vulnerability with every id and the highest severity', () => {
    const [vuln] = mergeMatches('PyPI', matchPackage('PyPI', 'requests', '2.30.0', records).matches).filter((v) => v.id === 'GHSA-j8r2-6x86-q33q');
    assert.deepEqual(vuln?.aliases, ['CVE-2023-32681', 'PYSEC-2023-74']);
    assert.equal(vuln?.severity, 'medium');
    assert.equal(vuln?.score, 6.1);
    const go = mergeMatches('Go', matchPackage('Go', 'golang.org/x/net', 'v0.16.0', records).matches);
    assert.deepEqual(go.map((v) => [v.id, v.aliases, v.severity, v.score]), [['GHSA-4374-p667-p6c8', ['CVE-2023-39325', 'GO-2023-2102'], 'high', 7.5]]);
    const unrated = mergeMatches('crates.io', matchPackage('crates.io', 'regex', '1.5.4', records).matches);
    assert.equal(unrated[0]?.severity, 'unknown');
  });
});

describe('OSV range events', () => {
  const semver = SEMVER_ORDER;
  it('applies introduced, fixed, last_affected and limit', () => {
    const events = [{ introduced: '1.0.0' }, { fixed: '1.2.0' }, { introduced: '2.0.0' }, { last_affected: '2.3.0' }];
    assert.deepEqual(evaluateEvents(semver, '0.9.0', events), { affected: false });
    assert.deepEqual(evaluateEvents(semver, '1.0.0', events), { affected: true, fixed: '1.2.0' });
    assert.deepEqual(evaluateEvents(semver, '1.2.0', events), { affected: false });
    assert.deepEqual(evaluateEvents(semver, '2.3.0', events), { affected: true });
    assert.deepEqual(evaluateEvents(semver, '2.3.1', events), { affected: false });
    assert.deepEqual(evaluateEvents(semver, '5.0.0', [{ introduced: '0' }, { limit: '3.0.0' }]), { affected: false });
    assert.deepEqual(evaluateEvents(semver, '2.0.0', [{ introduced: '0' }, { limit: '3.0.0' }]), { affected: true });
  });
  it('sorts events given out of order', () => {
    const events = [{ fixed: '2.0.0' }, { introduced: '1.5.0' }, { fixed: '1.0.0' }, { introduced: '0' }];
    assert.deepEqual(evaluateEvents(semver, '0.5.0', events), { affected: true, fixed: '1.0.0' });
    assert.deepEqual(evaluateEvents(semver, '1.7.0', events), { affected: true, fixed: '2.0.0' });
    assert.deepEqual(evaluateEvents(semver, '1.2.0', events), { affected: false });
  });
  it('says unknown rather than guessing when a bound or the version cannot be read', () => {
    assert.ok('unknown' in evaluateEvents(semver, '1.0.0', [{ introduced: '0' }, { fixed: 'not a version' }]));
    const verdict = matchPackage('PyPI', 'django', 'main-branch', records);
    assert.equal(verdict.matches.length, 0);
    assert.ok(verdict.unjudged.length > 0);
  });
  it('matches listed versions exactly in the ecosystem order', () => {
    const record = toOsvRecord({ id: 'X-1', affected: [{ package: { ecosystem: 'PyPI', name: 'pkg' }, versions: ['1.0'] }] }) as OsvRecord;
    assert.equal(matchPackage('PyPI', 'pkg', '1.0.0', [record]).matches.length, 1);
    assert.equal(matchPackage('PyPI', 'pkg', '1.0.1', [record]).matches.length, 0);
    assert.equal(versionOrder('PyPI').compare('1.0.0', '1.0'), 0);
  });
});
