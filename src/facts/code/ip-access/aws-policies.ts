import type { PropertyPath } from '../../../parsers/lines.js';
import { parseJson, type JsonDocument } from '../../../parsers/json.js';
import type { Repository } from '../../../repo/repository.js';
import { isRecord, shorten, type IpOnlyGate } from './gate.js';

export const SOURCE_IP = /aws:(?:Vpc)?SourceIp/i;

export function policyGates(file: string, document: Pick<JsonDocument, 'value' | 'lineOf'>, lineOffset: number, label = ''): IpOnlyGate[] {
  const gates: IpOnlyGate[] = [];
  const visit = (value: unknown, at: PropertyPath, depth: number): void => {
    if (depth > 12 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...at, index], depth + 1));
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === 'Statement') {
        const statements = Array.isArray(child) ? child : [child];
        const denyUnlessAddress = statements.some((statement) => isRecord(statement) && statement.Effect === 'Deny' && onlyAddressConditions(statement.Condition));
        statements.forEach((statement, index) => {
          if (!isRecord(statement) || statement.Effect !== 'Allow' || !isPublic(statement.Principal)) return;
          const conditioned = onlyAddressConditions(statement.Condition);
          if (!conditioned && !(statement.Condition === undefined && denyUnlessAddress)) return;
          const where: PropertyPath = Array.isArray(child) ? [...at, key, index] : [...at, key];
          gates.push({ file, line: lineOffset + (document.lineOf(where) ?? 1), kind: 'resource-policy', subject: `${label}${typeof statement.Sid === 'string' ? statement.Sid : `Statement[${index}]`}`, addresses: shorten(addressesIn(conditioned ? statement.Condition : statements)) });
        });
      } else visit(child, [...at, key], depth + 1);
    }
  };
  visit(document.value, [], 0);
  return gates;
}

function isPublic(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isRecord(principal)) return false;
  const aws = principal.AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

/** True when there are conditions and every one tests aws:SourceIp / aws:VpcSourceIp. */
function onlyAddressConditions(condition: unknown): boolean {
  if (!isRecord(condition)) return false;
  const keys = Object.values(condition).flatMap((test) => (isRecord(test) ? Object.keys(test) : ['?']));
  return keys.length > 0 && keys.every((key) => /^aws:(vpc)?sourceip$/i.test(key));
}

function addressesIn(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 8 || found.length > 20) return;
    if (typeof node === 'string' && /^[\d.:a-f/]{3,50}$/i.test(node) && /[.:]/.test(node)) found.push(node);
    else if (Array.isArray(node)) node.forEach((item) => visit(item, depth + 1));
    else if (isRecord(node)) Object.values(node).forEach((item) => visit(item, depth + 1));
  };
  visit(value, 0);
  return found;
}

/** JSON policy heredocs (`policy = <<EOF … EOF`) in a Terraform file; returns how many were read. */
export function heredocPolicies(repo: Repository, file: string, text: string, gates: IpOnlyGate[]): number {
  const lines = text.split('\n');
  // Lines that could close a heredoc, by delimiter, in order: each opener finds its closer without rescanning.
  const closers = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const word = line.trim();
    if (!/^[A-Za-z_]{1,30}$/.test(word)) return;
    const positions = closers.get(word);
    if (positions) positions.push(index);
    else closers.set(word, [index]);
  });
  const consumed = new Map<string, number>();
  let read = 0;
  for (let index = 0; index < lines.length; index++) {
    const open = /<<-?([A-Za-z_]{1,30})\s{0,5}$/.exec(lines[index] ?? '');
    if (!open) continue;
    const start = index;
    const delimiter = open[1] ?? '';
    const positions = closers.get(delimiter) ?? [];
    // Openers come in line order, so closers before this one are never wanted again.
    let next = consumed.get(delimiter) ?? 0;
    while (next < positions.length && (positions[next] ?? 0) <= start) next++;
    consumed.set(delimiter, next);
    const end = positions[next];
    if (end === undefined) continue;
    const body = lines.slice(start + 1, end).join('\n');
    index = end;
    if (!SOURCE_IP.test(body)) continue;
    let document: JsonDocument;
    try {
      document = parseJson(body);
    } catch {
      repo.report(file, `policy heredoc at line ${start + 1} is not plain JSON (interpolations outside strings?): not analysed`);
      continue;
    }
    read++;
    gates.push(...policyGates(file, document, start + 1, 'heredoc: '));
  }
  return read;
}

