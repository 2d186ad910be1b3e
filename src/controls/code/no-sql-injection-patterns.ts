import { defineControl } from '../../engine/control.js';
import { codeScanFacts } from '../../facts/code/code-scan.js';
import { codeScanOutcome } from './code-scan-outcome.js';

export default defineControl({
  meta: {
    id: 'no-sql-injection-patterns',
    title: 'No SQL built from strings for raw-query APIs',
    domain: 'code',
    severity: 'high',
    rationale: 'SQL assembled by interpolation, formatting or concatenation lets whoever controls a value rewrite the query: read, change or delete any row.',
    remediation: 'Pass values as bound parameters (placeholders such as %s, ?, $1 with an argument list, or tagged templates like sql`…`/Prisma $queryRaw`…`), and choose identifiers from an allow-list.',
    facts: ['code-scan'],
  },
  async check({ facts }) {
    return codeScanOutcome(await facts(codeScanFacts), 'no-sql-injection-patterns', 'first-party source files');
  },
});
