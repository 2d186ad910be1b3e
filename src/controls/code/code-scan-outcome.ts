import { evaluated, notApplicable, type ControlOutcome, type FindingInput } from '../../engine/control.js';
import type { CodeHit, CodeScanFacts } from '../../facts/code/code-scan.js';

/** A code-scan hit as a finding: file, line, short evidence, and the matched text as its stable key. */
export function hitFinding(hit: CodeHit, message = hit.message): FindingInput {
  const finding: FindingInput = { message, file: hit.file, line: hit.line, evidence: hit.evidence, key: hit.key, properties: { rule: hit.rule } };
  if (hit.suppressed) finding.suppressed = hit.suppressed;
  return finding;
}

/** The outcome of a control that reports every hit of its rule set: not applicable when no file was in scope. */
export function codeScanOutcome(facts: CodeScanFacts, controlId: string, scope: string): ControlOutcome {
  const result = facts[controlId];
  if (!result || result.filesExamined === 0) return notApplicable(`no ${scope} to examine`);
  return evaluated(result.hits.map((hit) => hitFinding(hit)), `${result.filesExamined} ${scope} examined`);
}
