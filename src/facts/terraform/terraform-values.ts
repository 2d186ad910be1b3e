import { parseHclTemplate, type HclExpr } from '../../parsers/hcl.js';

/** A value that cannot be known before `terraform apply` (or that tenet does not evaluate), and why. */
export class Unknown {
  constructor(readonly reason: string) {}

  toJSON(): { unknown: string } {
    return { unknown: this.reason };
  }
}

/** A reference to an attribute of a declared resource, e.g. `aws_kms_key.main.arn`: set, value known only at apply. */
export class Ref {
  constructor(
    /** The resource address, module prefix included (`module.db.aws_kms_key.main`). */
    readonly address: string,
    readonly path: readonly string[],
  ) {}

  get text(): string {
    return [this.address, ...this.path].join('.');
  }

  toJSON(): { ref: string } {
    return { ref: this.text };
  }
}

export type Value = null | boolean | number | string | Value[] | ValueObject | Ref | Unknown;
export interface ValueObject {
  [key: string]: Value;
}

export function isObject(value: Value | undefined): value is ValueObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Ref) && !(value instanceof Unknown);
}

export function newObject(): ValueObject {
  // Keys come from the scanned repository: no prototype, so `__proto__` is just a key.
  return Object.create(null) as ValueObject;
}

/** The first Unknown anywhere inside a value (collections included), if any. */
export function findUnknown(value: Value, depth = 0): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (depth > 50) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnknown(item, depth + 1);
      if (found) return found;
    }
  } else if (isObject(value)) {
    for (const item of Object.values(value)) {
      const found = findUnknown(item, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (a instanceof Ref || b instanceof Ref) return a instanceof Ref && b instanceof Ref && a.text === b.text;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => valuesEqual(item, b[index] ?? null));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && valuesEqual(a[key] ?? null, b[key] ?? null));
  }
  return a === b;
}

/** Text of a value inside a string template; references stay visible as `${address.attr}`. */
export function templateText(value: Value): string | Unknown {
  if (value instanceof Unknown) return value;
  if (value instanceof Ref) return `\${${value.text}}`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return new Unknown('null inside a string template');
  return new Unknown('a collection inside a string template');
}

/**
 * Marks a value inside rendered JSON (a policy, say) that is not known statically, so that a reader
 * of the JSON can still judge the rest: `"Resource": var.arn` does not hide `"Action": "*"`.
 */
export const UNKNOWN_IN_JSON = '\u0000unknown:';

export function isUnknownInJson(text: string): boolean {
  return text.startsWith(UNKNOWN_IN_JSON);
}

/** JSON text of a value as `jsonencode` would produce it; references become `${…}` strings, unknowns markers. */
export function jsonText(value: Value): string | Unknown {
  if (value instanceof Unknown) return value;
  return JSON.stringify(jsonData(value));
}

function jsonData(value: Value, depth = 0): unknown {
  if (value instanceof Ref) return `\${${value.text}}`;
  if (value instanceof Unknown) return `${UNKNOWN_IN_JSON}${value.reason}`;
  if (depth > 100) return `${UNKNOWN_IN_JSON}nesting too deep`;
  if (Array.isArray(value)) return value.map((item) => jsonData(item, depth + 1));
  if (isObject(value)) {
    const object: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(object, key, { value: jsonData(item, depth + 1), enumerable: true, writable: true, configurable: true });
    return object;
  }
  return value;
}

/** Converts JSON data (jsondecode, variable defaults in .tf.json) into values. */
export function fromJson(data: unknown, depth = 0): Value {
  if (depth > 100) return new Unknown('nesting too deep');
  if (data === null || typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean') return data;
  if (Array.isArray(data)) return data.map((item) => fromJson(item, depth + 1));
  if (typeof data === 'object') {
    const object = newObject();
    for (const [key, item] of Object.entries(data as Record<string, unknown>)) object[key] = fromJson(item, depth + 1);
    return object;
  }
  return new Unknown('unsupported JSON value');
}

/** How an evaluation reaches outside the expression: variables, locals, modules, resources, files. */
export interface Resolver {
  variable(name: string): Value;
  local(name: string): Value;
  /** An output of a module block's instance (`key`: its for_each key, if the block iterates). */
  moduleOutput(module: string, output: string, key?: string): Value;
  /** A managed or data resource attribute; `address` already carries the module prefix. */
  resource(address: string, path: string[]): Value;
  /** `path.module`, `path.root`, `path.cwd`. */
  path(kind: string): Value;
  readFile(path: string): string | undefined;
}

type Step = string | number | HclExpr | typeof SPLAT;
const SPLAT = Symbol('splat');
const MAX_ITERATIONS = 10_000;
const MAX_DEPTH = 200;
const MAX_STEPS = 10_000_000;

/** Evaluates expressions statically; anything that depends on apply-time state becomes Unknown. */
export class Evaluator {
  constructor(
    private readonly resolver: Resolver,
    private readonly bindings: ReadonlyMap<string, Value> = new Map(),
    /** Shared by every evaluator derived from this one, so that hostile input cannot recurse or loop without bound. */
    private readonly state: { depth: number; steps: number } = { depth: 0, steps: 0 },
  ) {}

  with(bindings: ReadonlyMap<string, Value>): Evaluator {
    return new Evaluator(this.resolver, new Map([...this.bindings, ...bindings]), this.state);
  }

  evaluate(expr: HclExpr): Value {
    if (++this.state.steps > MAX_STEPS) return new Unknown('evaluation budget exceeded');
    if (++this.state.depth > MAX_DEPTH) {
      this.state.depth--;
      return new Unknown('expression nested too deeply');
    }
    try {
      return this.evaluateInner(expr);
    } finally {
      this.state.depth--;
    }
  }

  private evaluateInner(expr: HclExpr): Value {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return this.template(expr);
      case 'tuple':
        return expr.items.map((item) => this.evaluate(item));
      case 'object': {
        const object = newObject();
        for (const item of expr.items) {
          const key = this.evaluate(item.key);
          if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') {
            return key instanceof Unknown ? key : new Unknown('an object key that is not a string');
          }
          object[String(key)] = this.evaluate(item.value);
        }
        return object;
      }
      case 'variable':
      case 'attr':
      case 'index':
      case 'splat':
        return this.traversal(expr);
      case 'call':
        return this.call(expr);
      case 'conditional': {
        const condition = this.evaluate(expr.condition);
        if (typeof condition === 'boolean') return this.evaluate(condition ? expr.then : expr.otherwise);
        const then = this.evaluate(expr.then);
        const otherwise = this.evaluate(expr.otherwise);
        if (valuesEqual(then, otherwise)) return then;
        return new Unknown(`a condition that is not known statically${condition instanceof Unknown ? ` (${condition.reason})` : ''}`);
      }
      case 'unary': {
        const operand = this.evaluate(expr.operand);
        if (expr.op === '!' && typeof operand === 'boolean') return !operand;
        if (expr.op === '-' && typeof operand === 'number') return -operand;
        return operand instanceof Unknown ? operand : new Unknown(`operator ${expr.op} on a value not known statically`);
      }
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right);
      case 'for':
        return this.forExpression(expr);
    }
  }

  private template(expr: Extract<HclExpr, { kind: 'template' }>): Value {
    if (expr.directive) return new Unknown('a string template with %{} directives');
    const [only] = expr.parts;
    if (expr.parts.length === 1 && only !== undefined && typeof only !== 'string') return this.evaluate(only);
    let text = '';
    for (const part of expr.parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const piece = templateText(this.evaluate(part));
      if (piece instanceof Unknown) return piece;
      text += piece;
    }
    return text;
  }

  private binary(op: string, leftExpr: HclExpr, rightExpr: HclExpr): Value {
    const left = this.evaluate(leftExpr);
    if (op === '&&' && left === false) return false;
    if (op === '||' && left === true) return true;
    const right = this.evaluate(rightExpr);
    if (op === '&&' || op === '||') {
      if (typeof left === 'boolean' && typeof right === 'boolean') return op === '&&' ? left && right : left || right;
      if (op === '&&' && right === false) return false;
      if (op === '||' && right === true) return true;
      return unknownOf(left, right, op);
    }
    if (op === '==' || op === '!=') {
      if (findUnknown(left) || findUnknown(right) || left instanceof Ref || right instanceof Ref) return unknownOf(left, right, op);
      const equal = valuesEqual(left, right);
      return op === '==' ? equal : !equal;
    }
    const a = typeof left === 'string' && /^-?\d+(\.\d+)?$/.test(left) ? Number(left) : left;
    const b = typeof right === 'string' && /^-?\d+(\.\d+)?$/.test(right) ? Number(right) : right;
    if (typeof a !== 'number' || typeof b !== 'number') return unknownOf(left, right, op);
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return b === 0 ? new Unknown('division by zero') : a / b;
      case '%':
        return b === 0 ? new Unknown('division by zero') : a % b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '<=':
        return a <= b;
      case '>=':
        return a >= b;
      default:
        return new Unknown(`operator ${op}`);
    }
  }

  private forExpression(expr: Extract<HclExpr, { kind: 'for' }>): Value {
    const collection = this.evaluate(expr.collection);
    let entries: [Value, Value][];
    if (Array.isArray(collection)) entries = collection.map((item, index) => [index, item]);
    else if (isObject(collection)) entries = Object.entries(collection);
    else return collection instanceof Unknown ? collection : new Unknown('a for expression over a value not known statically');
    if (entries.length > MAX_ITERATIONS) return new Unknown('a for expression over too many items');
    const list: Value[] = [];
    const object = newObject();
    for (const [key, value] of entries) {
      const bound = new Map<string, Value>([[expr.valueVar, value]]);
      if (expr.keyVar !== undefined) bound.set(expr.keyVar, key);
      const inner = this.with(bound);
      if (expr.condition) {
        const keep = inner.evaluate(expr.condition);
        if (keep === false) continue;
        if (keep !== true) return keep instanceof Unknown ? keep : new Unknown('a for-expression condition that is not a boolean');
      }
      const item = inner.evaluate(expr.value);
      if (!expr.object || !expr.key) {
        list.push(item);
        continue;
      }
      const itemKey = inner.evaluate(expr.key);
      if (typeof itemKey !== 'string' && typeof itemKey !== 'number') return itemKey instanceof Unknown ? itemKey : new Unknown('a for-expression key that is not a string');
      const name = String(itemKey);
      if (expr.grouped) {
        const group = object[name];
        object[name] = Array.isArray(group) ? [...group, item] : [item];
      } else {
        object[name] = item;
      }
    }
    return expr.object ? object : list;
  }

  private traversal(expr: HclExpr): Value {
    const steps: Step[] = [];
    let root: HclExpr = expr;
    for (;;) {
      if (root.kind === 'attr') steps.unshift(root.name);
      else if (root.kind === 'index') steps.unshift(root.key.kind === 'literal' && typeof root.key.value === 'number' ? root.key.value : root.key);
      else if (root.kind === 'splat') steps.unshift(SPLAT);
      else break;
      root = root.target;
    }
    if (root.kind !== 'variable') return this.apply(this.evaluate(root), steps);
    const name = root.name;
    const bound = this.bindings.get(name);
    if (bound !== undefined) return this.apply(bound, steps);
    const [first, second] = steps;
    switch (name) {
      case 'var':
        return typeof first === 'string' ? this.apply(this.resolver.variable(first), steps.slice(1)) : new Unknown('a malformed var reference');
      case 'local':
        return typeof first === 'string' ? this.apply(this.resolver.local(first), steps.slice(1)) : new Unknown('a malformed local reference');
      case 'module':
        if (typeof first !== 'string') return new Unknown('a malformed module reference');
        if (typeof second === 'string') return this.apply(this.resolver.moduleOutput(first, second), steps.slice(2));
        if (second !== undefined && second !== SPLAT && typeof steps[2] === 'string') {
          const key = typeof second === 'object' ? this.evaluate(second) : second;
          if (key instanceof Unknown) return key;
          return this.apply(this.resolver.moduleOutput(first, steps[2], String(key)), steps.slice(3));
        }
        return new Unknown(`module.${first} as a whole is not evaluated`);
      case 'path':
        return typeof first === 'string' ? this.resolver.path(first) : new Unknown('a malformed path reference');
      case 'count':
      case 'each':
        return new Unknown(`${name}.* outside a resource that sets ${name === 'count' ? 'count' : 'for_each'}`);
      case 'terraform':
        return new Unknown('terraform.workspace is chosen at apply time');
      case 'self':
        return new Unknown('self references are not evaluated');
      case 'data': {
        if (typeof first !== 'string' || typeof second !== 'string') return new Unknown('a malformed data reference');
        return this.resourceReference(`data.${first}.${second}`, steps.slice(2));
      }
      default:
        if (typeof first !== 'string') return new Unknown(`${name} is not known statically`);
        return this.resourceReference(`${name}.${first}`, steps.slice(1));
    }
  }

  private resourceReference(address: string, steps: Step[]): Value {
    const rest = [...steps];
    // An instance key right after the name (`aws_kms_key.main[0]`, `x.y["a"]`) picks an instance of the same resource.
    while (rest.length > 0 && (typeof rest[0] === 'number' || rest[0] === SPLAT || (typeof rest[0] === 'object' && rest[0] !== null))) rest.shift();
    const path: string[] = [];
    for (const step of rest) {
      if (typeof step === 'string') path.push(step);
      else if (typeof step === 'number') path.push(String(step));
      else path.push('*');
    }
    return this.resolver.resource(address, path);
  }

  private apply(start: Value, steps: readonly Step[]): Value {
    let value = start;
    for (let index = 0; index < steps.length; index++) {
      const step = steps[index];
      if (step === undefined) break;
      if (value instanceof Unknown) return value;
      if (step === SPLAT) {
        const rest = steps.slice(index + 1);
        if (value instanceof Ref) return new Ref(value.address, [...value.path, '*', ...rest.map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : '*'))]);
        if (value === null) return [];
        const items = Array.isArray(value) ? value : [value];
        return items.map((item) => this.apply(item, rest));
      }
      let key: Value = typeof step === 'object' ? this.evaluate(step) : step;
      if (key instanceof Unknown) return key;
      if (value instanceof Ref) {
        value = new Ref(value.address, [...value.path, typeof key === 'string' || typeof key === 'number' ? String(key) : '*']);
        continue;
      }
      if (Array.isArray(value)) {
        if (typeof key === 'string' && /^\d+$/.test(key)) key = Number(key);
        if (typeof key !== 'number') return new Unknown(`attribute ${String(key)} of a list`);
        const item = value[key];
        if (item === undefined) return new Unknown(`index ${key} out of range`);
        value = item;
      } else if (isObject(value)) {
        const name = String(key);
        if (!(name in value)) return new Unknown(`no key "${name}"`);
        value = value[name] ?? null;
      } else {
        return new Unknown(`attribute ${String(key)} of a ${value === null ? 'null' : typeof value}`);
      }
    }
    return value;
  }

  /** `templatefile(path, vars)`: the file is a string template evaluated with `vars` in scope. */
  private templateFile([path, vars]: Value[]): Value {
    if (typeof path !== 'string') return path instanceof Unknown ? path : new Unknown('templatefile() of a path not known statically');
    const text = this.resolver.readFile(path);
    if (text === undefined) return new Unknown(`templatefile("${path}") is not in the repository`);
    let template: HclExpr;
    try {
      template = parseHclTemplate(text);
    } catch {
      return new Unknown(`templatefile("${path}") is not a valid template`);
    }
    const bindings = new Map<string, Value>(isObject(vars ?? null) ? Object.entries(vars as ValueObject) : []);
    return this.with(bindings).evaluate(template);
  }

  private call(expr: Extract<HclExpr, { kind: 'call' }>): Value {
    if (expr.name === 'try' || expr.name === 'coalesce') {
      for (const arg of expr.args) {
        const value = this.evaluate(arg);
        if (value instanceof Unknown) return value;
        if (expr.name === 'try' || (value !== null && value !== '')) return value;
      }
      return new Unknown(`${expr.name}() with no usable argument`);
    }
    if (expr.name === 'can') return new Unknown('can() is not evaluated');
    let args = expr.args.map((arg) => this.evaluate(arg));
    if (expr.name === 'templatefile') return this.templateFile(args);
    if (expr.expandLast) {
      const last = args[args.length - 1];
      if (!Array.isArray(last)) return new Unknown(`expanded arguments of ${expr.name}() not known statically`);
      args = [...args.slice(0, -1), ...last];
    }
    const fn = FUNCTIONS[expr.name];
    if (!fn) return new Unknown(`function ${expr.name}() is not evaluated`);
    return fn(args, this.resolver);
  }
}

function unknownOf(left: Value, right: Value, op: string): Unknown {
  if (left instanceof Unknown) return left;
  if (right instanceof Unknown) return right;
  return new Unknown(`operator ${op} on values not known statically`);
}

type Fn = (args: Value[], resolver: Resolver) => Value;

function strings(args: Value[], name: string): string[] | Unknown {
  const out: string[] = [];
  for (const arg of args) {
    if (arg instanceof Unknown) return arg;
    if (typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean') out.push(String(arg));
    else return new Unknown(`${name}() of a value not known statically`);
  }
  return out;
}

function lists(args: Value[], name: string): Value[][] | Unknown {
  const out: Value[][] = [];
  for (const arg of args) {
    if (Array.isArray(arg)) out.push(arg);
    else return arg instanceof Unknown ? arg : new Unknown(`${name}() of a value not known statically`);
  }
  return out;
}

const stringFn =
  (name: string, apply: (values: string[]) => Value): Fn =>
  (args) => {
    const values = strings(args, name);
    return values instanceof Unknown ? values : apply(values);
  };

const FUNCTIONS: Record<string, Fn> = {
  jsonencode: ([value]) => (value === undefined ? new Unknown('jsonencode() without argument') : jsonText(value)),
  jsondecode: ([value]) => {
    if (typeof value !== 'string') return value instanceof Unknown ? value : new Unknown('jsondecode() of a value not known statically');
    try {
      return fromJson(JSON.parse(value));
    } catch {
      return new Unknown('jsondecode() of malformed JSON');
    }
  },
  file: ([value], resolver) => {
    if (typeof value !== 'string') return value instanceof Unknown ? value : new Unknown('file() of a path not known statically');
    return resolver.readFile(value) ?? new Unknown(`file("${value}") is not in the repository`);
  },
  concat: (args) => {
    const all = lists(args, 'concat');
    return all instanceof Unknown ? all : all.flat();
  },
  flatten: ([value]) => {
    if (!Array.isArray(value)) return value instanceof Unknown ? value : new Unknown('flatten() of a value not known statically');
    const out: Value[] = [];
    const visit = (items: Value[], depth: number): void => {
      for (const item of items) {
        if (Array.isArray(item) && depth < 20) visit(item, depth + 1);
        else out.push(item);
      }
    };
    visit(value, 0);
    return out;
  },
  merge: (args) => {
    const object = newObject();
    for (const arg of args) {
      if (arg === null) continue;
      if (!isObject(arg)) return arg instanceof Unknown ? arg : new Unknown('merge() of a value not known statically');
      Object.assign(object, arg);
    }
    return object;
  },
  lookup: ([map, key, fallback]) => {
    if (!isObject(map)) return map instanceof Unknown ? map : new Unknown('lookup() in a value not known statically');
    if (typeof key !== 'string') return key instanceof Unknown ? key : new Unknown('lookup() of a key not known statically');
    if (key in map) return map[key] ?? null;
    return fallback ?? new Unknown(`lookup() of missing key "${key}"`);
  },
  element: ([list, index]) => {
    if (!Array.isArray(list) || typeof index !== 'number' || list.length === 0) return new Unknown('element() not known statically');
    return list[index % list.length] ?? null;
  },
  length: ([value]) => {
    if (Array.isArray(value) || typeof value === 'string') return value.length;
    if (isObject(value)) return Object.keys(value).length;
    return value instanceof Unknown ? value : new Unknown('length() of a value not known statically');
  },
  contains: ([list, item]) => {
    if (!Array.isArray(list) || item === undefined || findUnknown(list) || findUnknown(item)) return new Unknown('contains() not known statically');
    return list.some((entry) => valuesEqual(entry, item));
  },
  keys: ([map]) => (isObject(map) ? Object.keys(map).sort() : new Unknown('keys() not known statically')),
  values: ([map]) => (isObject(map) ? Object.keys(map).sort().map((key) => map[key] ?? null) : new Unknown('values() not known statically')),
  tolist: ([value]) => value ?? null,
  toset: ([value]) => (Array.isArray(value) ? value.filter((item, index) => value.findIndex((other) => valuesEqual(other, item)) === index) : (value ?? null)),
  tomap: ([value]) => value ?? null,
  distinct: ([value]) => (Array.isArray(value) ? value.filter((item, index) => value.findIndex((other) => valuesEqual(other, item)) === index) : new Unknown('distinct() not known statically')),
  compact: ([value]) => (Array.isArray(value) ? value.filter((item) => item !== null && item !== '') : new Unknown('compact() not known statically')),
  tostring: ([value]) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : (value ?? null)),
  tonumber: ([value]) => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : new Unknown('tonumber() not known statically')),
  tobool: ([value]) => (typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : new Unknown('tobool() not known statically')),
  lower: stringFn('lower', ([text = '']) => text.toLowerCase()),
  upper: stringFn('upper', ([text = '']) => text.toUpperCase()),
  trimspace: stringFn('trimspace', ([text = '']) => text.trim()),
  join: ([separator, list]) => {
    if (typeof separator !== 'string' || !Array.isArray(list)) return new Unknown('join() not known statically');
    const parts = strings(list, 'join');
    return parts instanceof Unknown ? parts : parts.join(separator);
  },
  split: stringFn('split', ([separator = '', text = '']) => text.split(separator)),
  replace: stringFn('replace', ([text = '', search = '', replacement = '']) => (search.startsWith('/') ? new Unknown('replace() with a regular expression') : text.split(search).join(replacement))),
  format: stringFn('format', ([pattern = '', ...rest]) => {
    let index = 0;
    const out = pattern.replace(/%%|%[sdvtq]/g, (token) => (token === '%%' ? '%' : (rest[index++] ?? '')));
    return out;
  }),
  one: ([list]) => (Array.isArray(list) && list.length <= 1 ? (list[0] ?? null) : new Unknown('one() not known statically')),
  slice: ([list, start, end]) => (Array.isArray(list) && typeof start === 'number' && typeof end === 'number' ? list.slice(start, end) : new Unknown('slice() not known statically')),
  zipmap: ([keys, values]) => {
    if (!Array.isArray(keys) || !Array.isArray(values)) return new Unknown('zipmap() not known statically');
    const object = newObject();
    for (const [index, key] of keys.entries()) {
      if (typeof key !== 'string') return new Unknown('zipmap() with keys not known statically');
      object[key] = values[index] ?? null;
    }
    return object;
  },
  range: (args) => {
    if (!args.every((arg) => typeof arg === 'number')) return new Unknown('range() not known statically');
    const [a = 0, b, step = 1] = args as number[];
    const [start, end] = b === undefined ? [0, a] : [a, b];
    if (step === 0 || Math.abs((end - start) / step) > MAX_ITERATIONS) return new Unknown('range() too large');
    const out: number[] = [];
    for (let value = start; step > 0 ? value < end : value > end; value += step) out.push(value);
    return out;
  },
  coalescelist: (args) => args.find((arg) => Array.isArray(arg) && arg.length > 0) ?? new Unknown('coalescelist() not known statically'),
  reverse: ([list]) => (Array.isArray(list) ? [...list].reverse() : new Unknown('reverse() not known statically')),
  sort: ([list]) => {
    const items = Array.isArray(list) ? strings(list, 'sort') : new Unknown('sort() not known statically');
    return items instanceof Unknown ? items : items.sort();
  },
  startswith: stringFn('startswith', ([text = '', prefix = '']) => text.startsWith(prefix)),
  endswith: stringFn('endswith', ([text = '', suffix = '']) => text.endsWith(suffix)),
  strcontains: stringFn('strcontains', ([text = '', part = '']) => text.includes(part)),
  trimprefix: stringFn('trimprefix', ([text = '', prefix = '']) => (text.startsWith(prefix) ? text.slice(prefix.length) : text)),
  trimsuffix: stringFn('trimsuffix', ([text = '', suffix = '']) => (suffix && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text)),
  chomp: stringFn('chomp', ([text = '']) => {
    let end = text.length;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return text.slice(0, end);
  }),
  alltrue: ([list]) => (Array.isArray(list) && list.every((item) => typeof item === 'boolean' || item === 'true' || item === 'false') ? list.every((item) => item === true || item === 'true') : new Unknown('alltrue() not known statically')),
  anytrue: ([list]) => (Array.isArray(list) && list.every((item) => typeof item === 'boolean' || item === 'true' || item === 'false') ? list.some((item) => item === true || item === 'true') : new Unknown('anytrue() not known statically')),
  min: (args) => (args.every((arg) => typeof arg === 'number') ? Math.min(...(args as number[])) : new Unknown('min() not known statically')),
  max: (args) => (args.every((arg) => typeof arg === 'number') ? Math.max(...(args as number[])) : new Unknown('max() not known statically')),
};
