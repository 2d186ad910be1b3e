import { defineControl, evaluated, notApplicable, type FindingInput } from '../../engine/control.js';
import { codeScanFacts } from '../../facts/code/code-scan.js';
import { dataDumpFacts } from '../../facts/code/data-dumps.js';
import { hitFinding } from './code-scan-outcome.js';

const ID = 'no-customer-data-in-repo';
const DUMP_MESSAGES = {
  'database-dump': 'a database dump is committed',
  backup: 'a .bak backup file is committed',
  'sqlite-database': 'a SQLite database file is committed',
} as const;

export default defineControl({
  meta: {
    id: ID,
    title: 'No customer data in the repository',
    domain: 'code',
    severity: 'high',
    rationale: 'Dumps, backups and fixtures copied from production put personal data wherever the repository goes: every clone, fork, CI cache and laptop.',
    remediation: 'Delete dumps and backups from the tree (and from history), and write fixtures and seeds with synthetic values: addresses at example.com/.test/.invalid, the card networks\' test numbers, phone numbers from ranges reserved for fiction.',
    facts: ['code-scan', 'data-dumps'],
  },
  async check({ facts }) {
    const scan = (await facts(codeScanFacts))[ID];
    const { dumps, dataFiles } = await facts(dataDumpFacts);
    if (dataFiles === 0 && dumps.length === 0) return notApplicable('no data files, fixtures, seeds or dumps in the repository');
    const findings: FindingInput[] = dumps.map((dump) => ({ message: `${DUMP_MESSAGES[dump.kind]}: it may hold production records`, file: dump.file, key: dump.kind, properties: { rule: dump.kind } }));
    findings.push(...(scan?.hits ?? []).map((hit) => hitFinding(hit)));
    return evaluated(findings, `${dataFiles} data files examined`);
  },
});
