/**
 * An HCL2 native-syntax parser that keeps the line of every block, attribute and expression.
 * No npm package parses HCL2 with positions without a native or WASM build step (@cdktf/hcl2json and
 * hcl2-parser convert to plain JSON and drop positions), so this is a small recursive-descent parser
 * of the HCL2 grammar: bodies, blocks, attributes and the full expression language.
 */

export type HclExpr =
  | { kind: 'literal'; value: string | number | boolean | null; line: number }
  | { kind: 'template'; parts: (string | HclExpr)[]; line: number; directive?: boolean }
  | { kind: 'tuple'; items: HclExpr[]; line: number }
  | { kind: 'object'; items: HclObjectItem[]; line: number }
  | { kind: 'variable'; name: string; line: number }
  | { kind: 'attr'; target: HclExpr; name: string; line: number }
  | { kind: 'index'; target: HclExpr; key: HclExpr; line: number }
  | { kind: 'splat'; target: HclExpr; line: number }
  | { kind: 'call'; name: string; args: HclExpr[]; expandLast: boolean; line: number }
  | { kind: 'conditional'; condition: HclExpr; then: HclExpr; otherwise: HclExpr; line: number }
  | { kind: 'unary'; op: '!' | '-'; operand: HclExpr; line: number }
  | { kind: 'binary'; op: string; left: HclExpr; right: HclExpr; line: number }
  | {
      kind: 'for';
      keyVar?: string;
      valueVar: string;
      collection: HclExpr;
      key?: HclExpr;
      value: HclExpr;
      condition?: HclExpr;
      grouped: boolean;
      object: boolean;
      line: number;
    };

export interface HclObjectItem {
  key: HclExpr;
  value: HclExpr;
  line: number;
}

export interface HclAttribute {
  name: string;
  expr: HclExpr;
  line: number;
}

export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
  line: number;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'HclSyntaxError';
  }
}

const MAX_DEPTH = 200;
const BINARY_LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];
const PUNCTUATION = ['<=', '>=', '==', '!=', '&&', '||', '=>', '...', '{', '}', '[', ']', '(', ')', '=', '<', '>', '!', '+', '-', '*', '/', '%', '?', ':', '.', ','];

function isIdentStart(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z_]/.test(ch);
}

function isIdentPart(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_-]/.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Parses one `.tf` file (or a `.tfvars` file, which is a body of attributes). */
export function parseHcl(text: string): HclBody {
  return new Parser(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).parseFile();
}

/** Parses a single expression, e.g. a `${…}` found inside a `.tf.json` string. */
export function parseHclExpression(text: string, line = 1): HclExpr {
  const parser = new Parser(text, line);
  return parser.parseStandaloneExpression();
}

/** Parses the contents of a quoted string as a template (for `.tf.json` strings). */
export function parseHclTemplate(text: string, line = 1): HclExpr {
  const parser = new Parser(text, line);
  return parser.parseStandaloneTemplate();
}

class Parser {
  private pos = 0;
  private line: number;
  /** Inside (), [] and {} of expressions newlines are insignificant. */
  private newlineDepth = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  parseFile(): HclBody {
    const body = this.parseBody(false);
    this.skipSpace(true);
    if (this.pos < this.src.length) this.fail(`unexpected '${this.src[this.pos] ?? ''}'`);
    return body;
  }

  parseStandaloneExpression(): HclExpr {
    this.newlineDepth = 1;
    const expr = this.parseExpression();
    this.skipSpace(true);
    if (this.pos < this.src.length) this.fail(`unexpected '${this.src[this.pos] ?? ''}' after expression`);
    return expr;
  }

  parseStandaloneTemplate(): HclExpr {
    return this.parseTemplate(this.src.length, false, false);
  }

  private fail(message: string): never {
    throw new HclSyntaxError(message, this.line);
  }

  private advance(count: number): void {
    for (let i = 0; i < count && this.pos < this.src.length; i++) {
      if (this.src[this.pos] === '\n') this.line++;
      this.pos++;
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('nesting too deep');
  }

  private leave(): void {
    this.depth--;
  }

  /** Skips blanks and comments; newlines too when asked or inside bracketed expressions. */
  private skipSpace(newlines = this.newlineDepth > 0): void {
    const src = this.src;
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        this.pos++;
      } else if (ch === '\n') {
        if (!newlines) return;
        this.advance(1);
      } else if (ch === '#' || (ch === '/' && src[this.pos + 1] === '/')) {
        const end = src.indexOf('\n', this.pos);
        this.pos = end === -1 ? src.length : end;
      } else if (ch === '/' && src[this.pos + 1] === '*') {
        const end = src.indexOf('*/', this.pos + 2);
        if (end === -1) this.fail('unterminated comment');
        const comment = src.slice(this.pos, end + 2);
        if (comment.includes('\n') && !newlines) {
          // A multi-line comment ends the line it starts on, like a newline would.
          this.advance(comment.lastIndexOf('\n'));
          return;
        }
        this.advance(comment.length);
      } else {
        return;
      }
    }
  }

  private peekPunct(): string | undefined {
    this.skipSpace();
    for (const punct of PUNCTUATION) {
      if (this.src.startsWith(punct, this.pos)) return punct;
    }
    return undefined;
  }

  private accept(punct: string): boolean {
    if (this.peekPunct() === punct) {
      this.advance(punct.length);
      return true;
    }
    return false;
  }

  private expect(punct: string): void {
    if (!this.accept(punct)) this.fail(`expected '${punct}' but found '${this.src.slice(this.pos, this.pos + 10).split('\n')[0] ?? ''}'`);
  }

  private readIdent(): string | undefined {
    this.skipSpace();
    if (!isIdentStart(this.src[this.pos])) return undefined;
    const start = this.pos;
    while (isIdentPart(this.src[this.pos])) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private peekIdent(): string | undefined {
    const saved = this.pos;
    const ident = this.readIdent();
    this.pos = saved;
    return ident;
  }

  private parseBody(inBlock: boolean): HclBody {
    const body: HclBody = { attributes: [], blocks: [] };
    const saved = this.newlineDepth;
    this.newlineDepth = 0;
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.src.length) {
        if (inBlock) this.fail("unclosed block: expected '}'");
        break;
      }
      if (this.src[this.pos] === '}') {
        if (!inBlock) this.fail("unexpected '}'");
        break;
      }
      const line = this.line;
      const name = this.readIdent();
      if (name === undefined) this.fail(`expected an attribute or block name but found '${this.src[this.pos] ?? ''}'`);
      this.skipSpace(false);
      if (this.src[this.pos] === '=' && this.src[this.pos + 1] !== '=') {
        this.advance(1);
        const expr = this.parseExpression();
        body.attributes.push({ name, expr, line });
        this.endOfItem();
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skipSpace(false);
        const ch = this.src[this.pos];
        if (ch === '"') {
          const label = this.parseTemplate(this.src.length, true, false);
          if (label.kind !== 'template' || label.parts.some((part) => typeof part !== 'string')) this.fail('block labels must be literal strings');
          labels.push(label.parts.join(''));
        } else if (isIdentStart(ch)) {
          labels.push(this.readIdent() ?? '');
        } else {
          break;
        }
      }
      this.expect('{');
      this.enter();
      const blockBody = this.parseBody(true);
      this.leave();
      this.expect('}');
      body.blocks.push({ type: name, labels, body: blockBody, line });
      this.endOfItem();
    }
    this.newlineDepth = saved;
    return body;
  }

  /** An attribute or block ends at a newline, a closing brace or the end of the file. */
  private endOfItem(): void {
    this.skipSpace(false);
    const ch = this.src[this.pos];
    if (ch === undefined || ch === '}') return;
    if (ch === '\n') {
      this.advance(1);
      return;
    }
    this.fail(`expected a newline but found '${ch}'`);
  }

  parseExpression(): HclExpr {
    this.enter();
    const condition = this.parseBinary(0);
    let result = condition;
    if (this.accept('?')) {
      const then = this.parseExpression();
      this.expect(':');
      const otherwise = this.parseExpression();
      result = { kind: 'conditional', condition, then, otherwise, line: condition.line };
    }
    this.leave();
    return result;
  }

  private parseBinary(level: number): HclExpr {
    const ops = BINARY_LEVELS[level];
    if (!ops) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const punct = this.peekPunct();
      if (punct === undefined || !ops.includes(punct)) return left;
      this.advance(punct.length);
      const right = this.parseBinary(level + 1);
      left = { kind: 'binary', op: punct, left, right, line: left.line };
    }
  }

  private parseUnary(): HclExpr {
    const punct = this.peekPunct();
    if (punct === '!' || punct === '-') {
      const line = this.line;
      this.advance(1);
      this.enter();
      const operand = this.parseUnary();
      this.leave();
      return { kind: 'unary', op: punct, operand, line };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(target: HclExpr): HclExpr {
    let expr = target;
    for (;;) {
      this.skipSpace();
      const ch = this.src[this.pos];
      if (ch === '.' && this.src[this.pos + 1] !== '.') {
        this.advance(1);
        if (this.src[this.pos] === '*') {
          this.advance(1);
          expr = { kind: 'splat', target: expr, line: expr.line };
          continue;
        }
        if (isDigit(this.src[this.pos])) {
          const start = this.pos;
          while (isDigit(this.src[this.pos])) this.pos++;
          expr = { kind: 'index', target: expr, key: { kind: 'literal', value: Number(this.src.slice(start, this.pos)), line: this.line }, line: expr.line };
          continue;
        }
        const name = this.readIdent();
        if (name === undefined) this.fail("expected an attribute name after '.'");
        expr = { kind: 'attr', target: expr, name, line: expr.line };
      } else if (ch === '[') {
        this.advance(1);
        this.newlineDepth++;
        this.skipSpace();
        if (this.src[this.pos] === '*') {
          this.advance(1);
          this.expect(']');
          this.newlineDepth--;
          expr = { kind: 'splat', target: expr, line: expr.line };
          continue;
        }
        const key = this.parseExpression();
        this.expect(']');
        this.newlineDepth--;
        expr = { kind: 'index', target: expr, key, line: expr.line };
      } else {
        return expr;
      }
    }
  }

  private parsePrimary(): HclExpr {
    this.skipSpace();
    const line = this.line;
    const ch = this.src[this.pos];
    if (ch === undefined) this.fail('unexpected end of file in an expression');
    if (ch === '\n') this.fail('unexpected end of line in an expression');
    if (isDigit(ch)) return this.parseNumber();
    if (ch === '"') return this.parseTemplate(this.src.length, true, false);
    if (ch === '<' && this.src[this.pos + 1] === '<') return this.parseHeredoc();
    if (ch === '(') {
      this.advance(1);
      this.newlineDepth++;
      const inner = this.parseExpression();
      this.expect(')');
      this.newlineDepth--;
      return inner;
    }
    if (ch === '[') return this.parseTuple();
    if (ch === '{') return this.parseObject();
    const name = this.readIdent();
    if (name === undefined) this.fail(`unexpected '${ch}' in an expression`);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', line };
    if (name === 'null') return { kind: 'literal', value: null, line };
    this.skipSpace(false);
    if (this.src[this.pos] === ':' && this.src[this.pos + 1] === ':') {
      // Provider-defined functions: provider::NAME::function(...)
      let qualified = name;
      while (this.src.startsWith('::', this.pos)) {
        this.pos += 2;
        qualified += `::${this.readIdent() ?? this.fail('expected a function name')}`;
      }
      return this.parseCall(qualified, line);
    }
    if (this.src[this.pos] === '(') return this.parseCall(name, line);
    return { kind: 'variable', name, line };
  }

  private parseCall(name: string, line: number): HclExpr {
    this.expect('(');
    this.newlineDepth++;
    const args: HclExpr[] = [];
    let expandLast = false;
    while (this.peekPunct() !== ')') {
      args.push(this.parseExpression());
      if (this.accept('...')) expandLast = true;
      if (!this.accept(',')) break;
    }
    this.expect(')');
    this.newlineDepth--;
    return { kind: 'call', name, args, expandLast, line };
  }

  private parseNumber(): HclExpr {
    const line = this.line;
    const start = this.pos;
    while (isDigit(this.src[this.pos])) this.pos++;
    if (this.src[this.pos] === '.' && isDigit(this.src[this.pos + 1])) {
      this.pos++;
      while (isDigit(this.src[this.pos])) this.pos++;
    }
    if (this.src[this.pos] === 'e' || this.src[this.pos] === 'E') {
      const save = this.pos;
      this.pos++;
      if (this.src[this.pos] === '+' || this.src[this.pos] === '-') this.pos++;
      if (!isDigit(this.src[this.pos])) this.pos = save;
      while (isDigit(this.src[this.pos])) this.pos++;
    }
    return { kind: 'literal', value: Number(this.src.slice(start, this.pos)), line };
  }

  private isForKeyword(): boolean {
    const saved = { pos: this.pos, line: this.line };
    const word = this.readIdent();
    let result = false;
    if (word === 'for') {
      const next = this.readIdent();
      this.skipSpace();
      result = next !== undefined && (this.src.startsWith('in', this.pos) || this.src[this.pos] === ',');
    }
    this.pos = saved.pos;
    this.line = saved.line;
    return result;
  }

  private parseFor(object: boolean, line: number): HclExpr {
    this.readIdent(); // for
    const first = this.readIdent() ?? this.fail('expected a variable name after for');
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.accept(',')) {
      keyVar = first;
      valueVar = this.readIdent() ?? this.fail('expected a second variable name');
    }
    if (this.readIdent() !== 'in') this.fail("expected 'in' in a for expression");
    const collection = this.parseExpression();
    this.expect(':');
    let key: HclExpr | undefined;
    let value = this.parseExpression();
    if (object) {
      this.expect('=>');
      key = value;
      value = this.parseExpression();
    }
    const grouped = this.accept('...');
    let condition: HclExpr | undefined;
    if (this.peekIdent() === 'if') {
      this.readIdent();
      condition = this.parseExpression();
    }
    this.expect(object ? '}' : ']');
    const expr: HclExpr = { kind: 'for', valueVar, collection, value, grouped, object, line };
    if (keyVar !== undefined) expr.keyVar = keyVar;
    if (key) expr.key = key;
    if (condition) expr.condition = condition;
    return expr;
  }

  private parseTuple(): HclExpr {
    const line = this.line;
    this.advance(1);
    this.newlineDepth++;
    this.skipSpace();
    let result: HclExpr;
    if (this.isForKeyword()) {
      result = this.parseFor(false, line);
    } else {
      const items: HclExpr[] = [];
      while (this.peekPunct() !== ']') {
        items.push(this.parseExpression());
        if (!this.accept(',')) break;
      }
      this.expect(']');
      result = { kind: 'tuple', items, line };
    }
    this.newlineDepth--;
    return result;
  }

  private parseObject(): HclExpr {
    const line = this.line;
    this.advance(1);
    this.newlineDepth++;
    this.skipSpace();
    if (this.isForKeyword()) {
      const result = this.parseFor(true, line);
      this.newlineDepth--;
      return result;
    }
    const items: HclObjectItem[] = [];
    for (;;) {
      this.skipSpace();
      if (this.src[this.pos] === '}') break;
      const itemLine = this.line;
      const key = this.parseExpression();
      const separator = this.peekPunct();
      if (separator !== '=' && separator !== ':') this.fail("expected '=' or ':' after an object key");
      this.advance(1);
      const value = this.parseExpression();
      items.push({ key: key.kind === 'variable' ? { kind: 'literal', value: key.name, line: key.line } : key, value, line: itemLine });
      this.accept(',');
    }
    this.expect('}');
    this.newlineDepth--;
    return { kind: 'object', items, line };
  }

  private parseHeredoc(): HclExpr {
    const line = this.line;
    this.advance(2);
    const indented = this.src[this.pos] === '-';
    if (indented) this.pos++;
    const marker = this.readIdent() ?? this.fail('expected a heredoc marker');
    const eol = this.src.indexOf('\n', this.pos);
    if (eol === -1) this.fail('unterminated heredoc');
    this.pos = eol;
    this.advance(1);
    const contentStart = this.pos;
    let lineStart = contentStart;
    let contentEnd = -1;
    let after = -1;
    while (lineStart <= this.src.length) {
      const next = this.src.indexOf('\n', lineStart);
      const lineEnd = next === -1 ? this.src.length : next;
      if (this.src.slice(lineStart, lineEnd).trim() === marker) {
        contentEnd = lineStart;
        after = lineEnd;
        break;
      }
      if (next === -1) break;
      lineStart = next + 1;
    }
    if (contentEnd === -1) this.fail(`unterminated heredoc (no closing ${marker})`);
    const template = this.parseTemplate(contentEnd, false, true);
    this.advance(after - this.pos);
    if (indented && template.kind === 'template') stripIndent(template);
    return { ...template, line };
  }

  /** A quoted string (quoted = true, starting at `"`) or heredoc content up to `end`. */
  private parseTemplate(end: number, quoted: boolean, heredoc: boolean): HclExpr {
    const line = this.line;
    if (quoted) this.advance(1);
    const parts: (string | HclExpr)[] = [];
    let directive = false;
    let literal = '';
    const src = this.src;
    for (;;) {
      if (this.pos >= end) {
        if (quoted) this.fail('unterminated string');
        break;
      }
      const ch = src[this.pos] ?? '';
      if (quoted && ch === '"') {
        this.advance(1);
        break;
      }
      if (quoted && ch === '\n') this.fail('newline in a quoted string');
      if ((ch === '$' || ch === '%') && src[this.pos + 1] === ch && src[this.pos + 2] === '{') {
        literal += `${ch}{`;
        this.advance(3);
      } else if (ch === '$' && src[this.pos + 1] === '{') {
        this.advance(2);
        if (src[this.pos] === '~') this.pos++;
        if (literal) parts.push(literal);
        literal = '';
        this.newlineDepth++;
        const saved = this.depth;
        parts.push(this.parseExpression());
        this.depth = saved;
        this.skipSpace();
        if (src[this.pos] === '~') this.pos++;
        this.expect('}');
        this.newlineDepth--;
      } else if (ch === '%' && src[this.pos + 1] === '{') {
        const close = src.indexOf('}', this.pos);
        if (close === -1 || close >= end) this.fail('unterminated template directive');
        directive = true;
        this.advance(close + 1 - this.pos);
      } else if (quoted && ch === '\\') {
        literal += this.readEscape();
      } else {
        literal += ch;
        this.advance(1);
      }
      if (heredoc && this.pos > end) break;
    }
    if (literal || parts.length === 0) parts.push(literal);
    const template: HclExpr = { kind: 'template', parts, line };
    if (directive) template.directive = true;
    return template;
  }

  private readEscape(): string {
    const next = this.src[this.pos + 1];
    this.advance(2);
    switch (next) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U': {
        const length = next === 'u' ? 4 : 8;
        const hex = this.src.slice(this.pos, this.pos + length);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) this.fail('invalid unicode escape');
        this.pos += length;
        const code = Number.parseInt(hex, 16);
        if (code > 0x10ffff) this.fail('invalid unicode escape');
        return String.fromCodePoint(code);
      }
      default:
        this.fail(`invalid escape '\\${next ?? ''}'`);
    }
  }
}

/** `<<-` heredocs drop the indentation common to every line. */
function stripIndent(template: { parts: (string | HclExpr)[] }): void {
  const text = template.parts.map((part) => (typeof part === 'string' ? part : '\u0000')).join('');
  const indents = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const strip = indents.length ? Math.min(...indents) : 0;
  if (strip === 0) return;
  let atLineStart = true;
  template.parts = template.parts.map((part) => {
    if (typeof part !== 'string') {
      atLineStart = false;
      return part;
    }
    const lines = part.split('\n');
    const stripped = lines.map((line, index) => ((index > 0 || atLineStart) ? line.slice(Math.min(strip, /^[ \t]*/.exec(line)?.[0].length ?? 0)) : line));
    atLineStart = part.endsWith('\n');
    return stripped.join('\n');
  });
}
