import path from 'node:path';
import { defineCollector } from '../engine/control.js';
import type { PropertyPath } from '../parsers/lines.js';
import { parseJson, type JsonDocument } from '../parsers/json.js';
import type { Repository } from '../repo/repository.js';
import { NOT_SOURCE } from './source-files.js';

/** A place where access is granted by source address alone. */
export interface IpOnlyGate {
  file: string;
  line: number;
  /** `nginx`, `apache` or `resource-policy`. */
  kind: string;
  /** The block or statement: `location /admin`, `<Directory /srv/admin>`, `Statement[0]`. */
  subject: string;
  /** The addresses named (`10.0.0.0/8, 192.168.1.1`), shortened. */
  addresses: string;
}

export interface IpAccessFacts {
  /** nginx and Apache configuration files read. */
  webServerConfigs: number;
  /** JSON policy documents (files, and heredocs in Terraform) that name aws:SourceIp. */
  policyDocuments: number;
  gates: IpOnlyGate[];
}

const APACHE_HINT = /<(?:Directory|Location|Files|VirtualHost)\b|^\s{0,40}(?:Require|AuthType|Order|Allow\s{1,5}from)\b/im;
const NGINX_HINT = /\b(?:server|location|http)\s{0,40}[^{;\n]{0,200}\{|^\s{0,40}(?:allow|deny)\s{1,5}[^;\n]{1,100};/m;
const SOURCE_IP = /aws:(?:Vpc)?SourceIp/i;
const MANIFEST = /(^|\/)(package(-lock)?\.json|composer\.(json|lock)|tsconfig[^/]*\.json)$/;

/**
 * Access decided only by the client's address: nginx `allow`/`deny all` and Apache `Require ip` or
 * `Allow from` blocks with no authentication, and AWS resource policies (JSON files, JSON heredocs in
 * Terraform) that let everyone in from listed addresses. Terraform's own HCL (`jsonencode`, policy
 * documents) is not read here.
 */
export const ipAccessFacts = defineCollector<IpAccessFacts>({
  id: 'ip-access',
  description: 'nginx/Apache blocks and AWS resource policies that grant access by source IP alone',
  collect({ repo }) {
    const facts: IpAccessFacts = { webServerConfigs: 0, policyDocuments: 0, gates: [] };
    for (const { path: file } of repo.files) {
      if (NOT_SOURCE.test(file)) continue;
      const base = path.posix.basename(file);
      if (base === '.htaccess' || /\.(conf|nginx)$/.test(base) || /(^|\/)(sites-(available|enabled)|conf\.d)\//.test(file)) {
        const text = repo.readText(file);
        if (text === undefined) continue;
        if (base === '.htaccess' || APACHE_HINT.test(text)) {
          facts.webServerConfigs++;
          facts.gates.push(...apacheGates(file, text, base === '.htaccess'));
        } else if (NGINX_HINT.test(text)) {
          facts.webServerConfigs++;
          facts.gates.push(...nginxGates(file, text));
        }
      } else if (base.endsWith('.json') && !MANIFEST.test(file)) {
        const text = repo.readText(file);
        if (text === undefined || !SOURCE_IP.test(text)) continue;
        const document = repo.json(file);
        if (!document) continue;
        facts.policyDocuments++;
        facts.gates.push(...policyGates(file, document, 0));
      } else if (base.endsWith('.tf')) {
        const text = repo.readText(file);
        if (text !== undefined && SOURCE_IP.test(text)) facts.policyDocuments += heredocPolicies(repo, file, text, facts.gates);
      }
    }
    return facts;
  },
});

interface Block {
  subject: string;
  line: number;
  parent: Block | undefined;
  addresses: string[];
  allowLine: number;
  denyAll: boolean;
  authenticated: boolean;
  children: Block[];
}

function newBlock(subject: string, line: number, parent: Block | undefined): Block {
  const block: Block = { subject, line, parent, addresses: [], allowLine: 0, denyAll: false, authenticated: false, children: [] };
  parent?.children.push(block);
  return block;
}

/** Blocks that list addresses and refuse everyone else, with no authentication in the block, above it or inside it. */
function gatesOf(root: Block, file: string, kind: string): IpOnlyGate[] {
  const gates: IpOnlyGate[] = [];
  const subtreeAuthenticated = (block: Block): boolean => block.authenticated || block.children.some(subtreeAuthenticated);
  const visit = (block: Block): void => {
    if (block.addresses.length > 0 && block.denyAll && !subtreeAuthenticated(block)) {
      let ancestor = block.parent;
      while (ancestor && !ancestor.authenticated) ancestor = ancestor.parent;
      if (!ancestor) gates.push({ file, line: block.allowLine, kind, subject: block.subject, addresses: shorten(block.addresses) });
    }
    block.children.forEach(visit);
  };
  visit(root);
  return gates;
}

function nginxGates(file: string, text: string): IpOnlyGate[] {
  const root = newBlock('(top level)', 1, undefined);
  let current = root;
  let statement = '';
  let statementLine = 1;
  let line = 1;
  let inComment = false;
  let quote = '';
  for (const character of text) {
    if (character === '\n') {
      line++;
      inComment = false;
    }
    if (inComment) continue;
    if (quote) {
      if (character === quote) quote = '';
      statement += character;
      continue;
    }
    if (character === '#') {
      inComment = true;
      continue;
    }
    if (character === '"' || character === "'") quote = character;
    if (character === '{') {
      current = newBlock(statement.trim().replace(/\s+/g, ' ').slice(0, 80), statementLine, current);
      statement = '';
    } else if (character === '}') {
      current = current.parent ?? root;
      statement = '';
    } else if (character === ';') {
      nginxDirective(current, statement.trim(), statementLine);
      statement = '';
    } else {
      if (statement.trim() === '' && !/\s/.test(character)) statementLine = line;
      if (statement.length < 4000) statement += character;
    }
  }
  return gatesOf(root, file, 'nginx');
}

function nginxDirective(block: Block, statement: string, line: number): void {
  const [name = '', ...args] = statement.split(/\s+/);
  const value = args.join(' ');
  if (name === 'allow' && value !== 'all') {
    if (block.addresses.length === 0) block.allowLine = line;
    block.addresses.push(value);
  } else if (name === 'deny' && value === 'all') block.denyAll = true;
  else if (/^(auth_basic|auth_request|auth_jwt|auth_digest|auth_pam|auth_ldap|ssl_verify_client)$/.test(name) && value !== 'off') block.authenticated = true;
}

function apacheGates(file: string, text: string, isHtaccess: boolean): IpOnlyGate[] {
  const root = newBlock(isHtaccess ? '.htaccess' : '(top level)', 1, undefined);
  let current = root;
  text.split('\n').forEach((raw, index) => {
    const content = raw.trim();
    if (content.length > 2000 || content.startsWith('#') || content === '') return;
    const line = index + 1;
    const open = /^<([A-Za-z]{1,30})(?:\s{1,5}([^>]{0,200}))?>$/.exec(content);
    if (open && !content.startsWith('</')) {
      current = newBlock(`<${open[1] ?? ''}${open[2] ? ` ${open[2]}` : ''}>`, line, current);
      return;
    }
    if (/^<\//.test(content)) {
      // RequireAll/RequireAny only group Require lines: their verdict belongs to the enclosing block.
      const closed = current;
      current = current.parent ?? root;
      if (/^<Require(All|Any)/i.test(closed.subject)) mergeInto(current, closed);
      return;
    }
    const require = /^Require\s{1,5}(not\s{1,5})?(ip|host|forward-dns)\s{1,5}(.{1,400})$/i.exec(content);
    if (require && !require[1]) {
      if (current.addresses.length === 0) current.allowLine = line;
      current.addresses.push(require[3] ?? '');
      current.denyAll = true;
      return;
    }
    const allowFrom = /^Allow\s{1,5}from\s{1,5}(.{1,400})$/i.exec(content);
    if (allowFrom && !/^all$/i.test(allowFrom[1]?.trim() ?? '')) {
      if (current.addresses.length === 0) current.allowLine = line;
      current.addresses.push(allowFrom[1] ?? '');
    } else if (/^Deny\s{1,5}from\s{1,5}all$/i.test(content)) current.denyAll = true;
    else if (/^(AuthType\s|Require\s{1,5}(valid-user|user|group|ldap-|claim|oauth|expr))/i.test(content)) current.authenticated = true;
  });
  return gatesOf(root, file, 'apache');
}

function mergeInto(target: Block, group: Block): void {
  if (group.addresses.length > 0 && target.addresses.length === 0) target.allowLine = group.allowLine;
  target.addresses.push(...group.addresses);
  target.denyAll ||= group.denyAll;
  target.authenticated ||= group.authenticated;
  target.children = target.children.filter((child) => child !== group).concat(group.children);
}

/** Public Allow statements whose only conditions are on the source address. */
function policyGates(file: string, document: Pick<JsonDocument, 'value' | 'lineOf'>, lineOffset: number, label = ''): IpOnlyGate[] {
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
function heredocPolicies(repo: Repository, file: string, text: string, gates: IpOnlyGate[]): number {
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

function shorten(addresses: readonly string[]): string {
  const joined = addresses.join(', ');
  return joined.length > 80 ? `${joined.slice(0, 80)}…` : joined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
