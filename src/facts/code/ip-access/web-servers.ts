import { shorten, type IpOnlyGate } from './gate.js';

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

/** nginx `allow`/`deny all` blocks with no authentication in, above or below them. */
export function nginxGates(file: string, text: string): IpOnlyGate[] {
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

/** Apache `Require ip`/`Allow from` blocks with no authentication in, above or below them. */
export function apacheGates(file: string, text: string, isHtaccess: boolean): IpOnlyGate[] {
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
