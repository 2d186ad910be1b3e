import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/fixtures/osv: real advisories, one JSON file per record, laid out like OSV's per-ecosystem exports. */
export const OSV_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/osv');

export function fixtureRecords(): unknown[] {
  return readdirSync(OSV_FIXTURES).flatMap((ecosystem) =>
    readdirSync(path.join(OSV_FIXTURES, ecosystem)).map((file) => JSON.parse(readFileSync(path.join(OSV_FIXTURES, ecosystem, file), 'utf8')) as unknown),
  );
}
