import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Ajv, type AnySchemaObject } from 'ajv';
import { scan } from '../scan.js';
import control from '../controls/supply-chain/dependencies-free-of-known-vulnerabilities.js';
import { packageInventory } from '../facts/supply-chain/inventory.js';
import { makeFixture, removeFixture } from '../testing/fixture.js';
import { OSV_FIXTURES } from '../testing/osv-fixtures.js';
import { renderCycloneDx } from './cyclonedx.js';

const schemaDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')), 'res/schema');
const loadSchema = (name: string, id?: string): AnySchemaObject => {
  const schema = JSON.parse(readFileSync(path.join(schemaDir, name), 'utf8')) as AnySchemaObject;
  return id ? { ...schema, $id: id } : schema;
};

/** The official CycloneDX 1.5 schema (with the SPDX and JSF schemas it references). */
function validator(): (value: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  ajv.addSchema(loadSchema('spdx.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json'));
  ajv.addSchema(loadSchema('jsf-0.82.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json'));
  const validate = ajv.compile(loadSchema('bom-1.5.SNAPSHOT.schema.json'));
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
}

const cacheDir = mkdtempSync(path.join(tmpdir(), 'tenet-sbom-cache-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

const FILES = {
  'package-lock.json': JSON.stringify(
    {
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { '@babel/core': '7.0.0', express: '4.17.1' }, devDependencies: { mkdirp: '0.5.5' } },
        'node_modules/@babel/core': { version: '7.0.0', integrity: 'sha512-kLz40VFtMqoS9mUpDurL3hPfJBx+tC6VzW/e0qO5Gf3LXJx14ZnJR0USSxOn6ZPYoF/yAizuMh3QRV+C1T4SsA==' },
        'node_modules/express': { version: '4.17.1', dependencies: { lodash: '^4.17.20' } },
        'node_modules/lodash': { version: '4.17.20', integrity: 'sha1-tEf2ZwoEVbv+7dETku/zMOoJdUg=' },
        'node_modules/mkdirp': { version: '0.5.5', dev: true, dependencies: { minimist: '^1.2.5' } },
        'node_modules/minimist': { version: '1.2.5', dev: true },
      },
    },
    null,
    2,
  ),
  'pom.xml': '<project><dependencies><dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.14.1</version></dependency></dependencies></project>',
};

describe('CycloneDX SBOM', () => {
  const validate = validator();
  it('describes the inventory and its vulnerabilities, valid against the 1.5 schema', async () => {
    const root = makeFixture(FILES);
    try {
      const result = await scan({ path: root, controls: [control], keepFacts: true, collect: [packageInventory], extra: { osvDb: OSV_FIXTURES, cacheDir } });
      const bom = JSON.parse(renderCycloneDx(result)) as {
        components: { purl: string; group?: string; name: string; scope: string; hashes?: { alg: string; content: string }[] }[];
        dependencies: { ref: string; dependsOn: string[] }[];
        vulnerabilities: { id: string; references?: { id: string }[]; ratings: { score?: number; severity: string; method?: string }[]; affects: { ref: string }[]; recommendation?: string }[];
      };
      assert.deepEqual(validate(bom), []);
      assert.deepEqual(bom.components.map((component) => `${component.purl} ${component.scope}`), [
        'pkg:npm/%40babel/core@7.0.0 required',
        'pkg:npm/express@4.17.1 required',
        'pkg:npm/lodash@4.17.20 required',
        'pkg:npm/mkdirp@0.5.5 optional',
        'pkg:npm/minimist@1.2.5 optional',
        'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 required',
      ]);
      assert.equal(bom.components[0]?.group, '@babel');
      assert.deepEqual(bom.components[2]?.hashes, [{ alg: 'SHA-1', content: 'b447f6670a0455bbfeedd11392eff330ea097548' }]);
      assert.deepEqual(bom.dependencies.find((dependency) => dependency.ref === 'root')?.dependsOn, [
        'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        'pkg:npm/%40babel/core@7.0.0',
        'pkg:npm/express@4.17.1',
        'pkg:npm/mkdirp@0.5.5',
      ]);
      assert.deepEqual(bom.dependencies.find((dependency) => dependency.ref === 'pkg:npm/express@4.17.1')?.dependsOn, ['pkg:npm/lodash@4.17.20']);
      assert.deepEqual(bom.vulnerabilities.map((vulnerability) => vulnerability.id).sort(), [
        'GHSA-29mw-wpgm-hmr9',
        'GHSA-35jh-r3h4-6jhm',
        'GHSA-7rjr-3q55-vv33',
        'GHSA-jfh8-c2jp-5v3q',
        'GHSA-xvch-5gv4-984h',
      ]);
      const log4shell = bom.vulnerabilities.find((vulnerability) => vulnerability.id === 'GHSA-jfh8-c2jp-5v3q');
      assert.deepEqual(log4shell?.references?.map((reference) => reference.id), ['CVE-2021-44228']);
      assert.deepEqual(log4shell?.ratings, [{ score: 10, severity: 'critical', method: 'CVSSv31', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' }]);
      assert.deepEqual(log4shell?.affects, [{ ref: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1', versions: [{ version: '2.14.1', status: 'affected' }] }]);
      assert.equal(log4shell?.recommendation, 'Upgrade to 2.15.0 or later.');
    } finally {
      removeFixture(root);
    }
  });
  it('is a valid SBOM without a vulnerabilities section when no advisories were checked', async () => {
    const root = makeFixture(FILES);
    try {
      const result = await scan({ path: root, controls: [control], keepFacts: true, collect: [packageInventory] });
      const bom = JSON.parse(renderCycloneDx(result)) as Record<string, unknown>;
      assert.deepEqual(validate(bom), []);
      assert.equal((bom.components as unknown[]).length, 6);
      assert.equal(bom.vulnerabilities, undefined);
    } finally {
      removeFixture(root);
    }
  });
});
