import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Repository } from '../../repo/repository.js';
import { messageOf } from '../../core/errors.js';
import { redactSecret } from '../../core/redact.js';
import { parseHcl, type HclBlock, type HclBody, type HclExpr } from '../../parsers/hcl.js';
import { bodyFromTerraformJson } from './terraform-json.js';
import { Evaluator, Ref, Unknown, fromJson, isObject, jsonText, newObject, valuesEqual, type Resolver, type Value, type ValueObject } from './terraform-values.js';

export { Ref, Unknown, isObject, type Value, type ValueObject } from './terraform-values.js';

export interface TfAttribute {
  value: Value;
  line: number;
}

export interface TfBody {
  attributes: Record<string, TfAttribute>;
  blocks: TfBlock[];
}

export interface TfBlock extends TfBody {
  type: string;
  line: number;
  /** Set when the block comes from a `dynamic` block whose `for_each` is not known statically. */
  unknown?: string;
}

export interface TfResource extends TfBody {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `TYPE.NAME`, `data.TYPE.NAME`, prefixed `module.NAME.` when reached through a module block. */
  address: string;
  /** The address of the resource block without an instance key (`aws_instance.web`). */
  blockAddress: string;
  /** `module.a.module.b.` or ''. */
  modulePrefix: string;
  file: string;
  line: number;
  /** How many instances `count`/`for_each` make (1 without them), or why that is not known. */
  instances: number | Unknown;
}

export interface TfModuleCall {
  address: string;
  source: string;
  file: string;
  line: number;
  analysed: boolean;
  reason?: string;
}

export interface TerraformFacts {
  /** Terraform files parsed (malformed ones are in the scan's errors). */
  files: string[];
  resources: TfResource[];
  modules: TfModuleCall[];
  /** Text of each Terraform file, for inline waivers (not enumerable: never part of the raw facts output). */
  texts: ReadonlyMap<string, string>;
}

interface ModuleSource {
  dir: string;
  variables: Map<string, { default?: HclExpr; line: number }>;
  locals: Map<string, HclExpr>;
  outputs: Map<string, HclExpr>;
  resources: { block: HclBlock; file: string }[];
  calls: { name: string; block: HclBlock; file: string }[];
}

const MAX_MODULE_DEPTH = 8;
const MAX_INSTANCES = 1000;
const NOT_MODULE_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** Terraform resources of every configuration in the repository, their arguments evaluated statically. */
export const terraformFacts = defineCollector<TerraformFacts>({
  id: 'terraform',
  description: 'Terraform resources (HCL and .tf.json) with arguments evaluated from literals, variables, tfvars, locals and local modules',
  collect({ repo }) {
    return collectTerraform(repo);
  },
});

export function collectTerraform(repo: Repository): TerraformFacts {
  const texts = new Map<string, string>();
  const sources = new Map<string, ModuleSource>();
  const files: string[] = [];
  for (const file of repo.files) {
    if (!/\.tf(\.json)?$/.test(file.path) || file.path.split('/').includes('.terraform')) continue;
    const body = parseFile(repo, file.path, texts);
    if (!body) continue;
    files.push(file.path);
    const dir = path.posix.dirname(file.path);
    let source = sources.get(dir);
    if (!source) {
      source = { dir, variables: new Map(), locals: new Map(), outputs: new Map(), resources: [], calls: [] };
      sources.set(dir, source);
    }
    addToSource(source, body, file.path);
  }

  // File texts serve inline waivers only: not enumerable, so `--format raw` never prints file contents.
  const result: TerraformFacts = { files, resources: [], modules: [], texts };
  Object.defineProperty(result, 'texts', { value: texts, enumerable: false });
  for (const source of rootConfigurations(sources)) {
    const instance = new ModuleInstance(repo, sources, source, '', undefined, readTfvars(repo, source.dir), result, [source.dir]);
    instance.evaluateResources();
  }
  return result;
}

/**
 * Directories evaluated as configurations of their own: those no other directory uses as a local
 * module, plus any left unreached from them (modules that only call each other), so nothing is lost.
 */
function rootConfigurations(sources: ReadonlyMap<string, ModuleSource>): ModuleSource[] {
  const targets = (source: ModuleSource): string[] =>
    source.calls.map((call) => localModuleDir(source.dir, literalSource(call.block))).filter((dir): dir is string => dir !== undefined && dir !== source.dir && sources.has(dir));
  const called = new Set([...sources.values()].flatMap(targets));
  const roots = [...sources.values()].filter((source) => !called.has(source.dir));
  const reached = new Set<string>();
  const visit = (dir: string): void => {
    if (reached.has(dir)) return;
    reached.add(dir);
    const source = sources.get(dir);
    if (source) targets(source).forEach(visit);
  };
  roots.forEach((root) => visit(root.dir));
  for (const source of sources.values()) {
    if (reached.has(source.dir)) continue;
    roots.push(source);
    visit(source.dir);
  }
  return roots;
}

function parseFile(repo: Repository, file: string, texts: Map<string, string>): HclBody | undefined {
  if (file.endsWith('.json')) {
    const document = repo.json(file);
    if (!document) return undefined;
    try {
      return bodyFromTerraformJson(document);
    } catch (error) {
      repo.report(file, `malformed Terraform JSON: ${messageOf(error)}`);
      return undefined;
    }
  }
  const text = repo.readText(file);
  if (text === undefined) return undefined;
  texts.set(file, text);
  try {
    return parseHcl(text);
  } catch (error) {
    repo.report(file, `malformed HCL: ${messageOf(error)}`);
    return undefined;
  }
}

function addToSource(source: ModuleSource, body: HclBody, file: string): void {
  for (const block of body.blocks) {
    const [first] = block.labels;
    if ((block.type === 'resource' || block.type === 'data') && block.labels.length === 2) {
      source.resources.push({ block, file });
    } else if (block.type === 'variable' && first !== undefined) {
      const fallback = block.body.attributes.find((attribute) => attribute.name === 'default');
      source.variables.set(first, fallback ? { default: fallback.expr, line: block.line } : { line: block.line });
    } else if (block.type === 'locals') {
      for (const attribute of block.body.attributes) source.locals.set(attribute.name, attribute.expr);
    } else if (block.type === 'output' && first !== undefined) {
      const value = block.body.attributes.find((attribute) => attribute.name === 'value');
      if (value) source.outputs.set(first, value.expr);
    } else if (block.type === 'module' && first !== undefined) {
      source.calls.push({ name: first, block, file });
    }
  }
}

function literalSource(block: HclBlock): string | undefined {
  const source = block.body.attributes.find((attribute) => attribute.name === 'source')?.expr;
  if (source?.kind === 'literal' && typeof source.value === 'string') return source.value;
  if (source?.kind === 'template' && source.parts.every((part) => typeof part === 'string')) return source.parts.join('');
  return undefined;
}

/** The repository directory of a local module source (`./modules/x`), or undefined for remote ones. */
function localModuleDir(callerDir: string, source: string | undefined): string | undefined {
  if (source === undefined || !(source.startsWith('./') || source.startsWith('../'))) return undefined;
  const joined = path.posix.normalize(path.posix.join(callerDir, source)).replace(/\/$/, '');
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '' ? '.' : joined;
}

/**
 * Variable values from tfvars files beside a root configuration: terraform.tfvars and *.auto.tfvars
 * always apply; other *.tfvars files (dev.tfvars, prod.tfvars) apply only when chosen at plan time,
 * so a variable they set is known only when every one of them agrees.
 */
function readTfvars(repo: Repository, dir: string): Map<string, Value> {
  const inDir = repo.files.filter((file) => path.posix.dirname(file.path) === dir && /\.tfvars(\.json)?$/.test(file.path));
  const always = inDir.filter((file) => /(^|\/)terraform\.tfvars(\.json)?$|\.auto\.tfvars(\.json)?$/.test(file.path));
  const chosen = inDir.filter((file) => !always.includes(file));
  const values = new Map<string, Value>();
  const ordered = [...always].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : 1));
  for (const file of ordered) for (const [name, value] of tfvarsValues(repo, file.path)) values.set(name, value);
  const choices = new Map<string, { value: Value; files: string[] }[]>();
  for (const file of chosen) {
    for (const [name, value] of tfvarsValues(repo, file.path)) {
      const list = choices.get(name) ?? [];
      const same = list.find((entry) => valuesEqual(entry.value, value));
      if (same) same.files.push(file.path);
      else list.push({ value, files: [file.path] });
      choices.set(name, list);
    }
  }
  for (const [name, list] of choices) {
    const [only] = list;
    if (list.length === 1 && only) values.set(name, only.value);
    else values.set(name, new Unknown(`var.${name} differs between ${list.map((entry) => entry.files.join(', ')).join(' and ')}`));
  }
  return values;
}

function rank(file: string): number {
  return /terraform\.tfvars(\.json)?$/.test(file) ? 0 : 1;
}

function tfvarsValues(repo: Repository, file: string): Map<string, Value> {
  const values = new Map<string, Value>();
  if (file.endsWith('.json')) {
    const document = repo.json(file);
    if (document && isObject(fromJson(document.value))) {
      for (const [name, value] of Object.entries(fromJson(document.value) as ValueObject)) values.set(name, value);
    }
    return values;
  }
  const text = repo.readText(file);
  if (text === undefined) return values;
  let body: HclBody;
  try {
    body = parseHcl(text);
  } catch (error) {
    repo.report(file, `malformed tfvars: ${messageOf(error)}`);
    return values;
  }
  const constants = new Evaluator(constantResolver);
  for (const attribute of body.attributes) values.set(attribute.name, constants.evaluate(attribute.expr));
  return values;
}

const constantResolver: Resolver = {
  variable: (name) => new Unknown(`var.${name} in a constant`),
  local: (name) => new Unknown(`local.${name} in a constant`),
  moduleOutput: (module) => new Unknown(`module.${module} in a constant`),
  resource: (address) => new Unknown(`${address} in a constant`),
  path: () => new Unknown('path in a constant'),
  readFile: () => undefined,
};

interface ChildInstance {
  /** The for_each key, when the module block iterates. */
  key?: string;
  instance: ModuleInstance;
}

function staticEntries(collection: Value): [string, Value][] | undefined {
  const entries = Array.isArray(collection)
    ? collection.map((item): [string, Value] => [typeof item === 'string' ? item : JSON.stringify(item), item])
    : isObject(collection)
      ? Object.entries(collection)
      : undefined;
  return entries && entries.length <= MAX_INSTANCES ? entries : undefined;
}

function eachObject(key: Value, value: Value): ValueObject {
  const each = newObject();
  each.key = key;
  each.value = value;
  return each;
}

/** One use of a module directory: the root configuration, or a local module block with its arguments. */
class ModuleInstance implements Resolver {
  private readonly variableCache = new Map<string, Value>();
  private readonly localCache = new Map<string, Value>();
  private readonly children = new Map<string, ChildInstance[] | Unknown>();
  private readonly evaluator: Evaluator;

  constructor(
    private readonly repo: Repository,
    private readonly sources: ReadonlyMap<string, ModuleSource>,
    private readonly source: ModuleSource,
    private readonly prefix: string,
    /** Arguments of the module block that calls this instance, evaluated in the caller. */
    private readonly args: ((name: string) => Value | undefined) | undefined,
    private readonly tfvars: ReadonlyMap<string, Value>,
    private readonly out: TerraformFacts,
    private readonly stack: readonly string[],
  ) {
    this.evaluator = new Evaluator(this);
  }

  variable(name: string): Value {
    const cached = this.variableCache.get(name);
    if (cached !== undefined) return cached;
    this.variableCache.set(name, new Unknown(`var.${name} refers to itself`));
    const value = this.resolveVariable(name);
    this.variableCache.set(name, value);
    return value;
  }

  private resolveVariable(name: string): Value {
    const declared = this.source.variables.get(name);
    const given = this.args?.(name);
    if (given !== undefined) return given;
    const fromTfvars = this.args ? undefined : this.tfvars.get(name);
    if (fromTfvars !== undefined) return fromTfvars;
    if (!declared) return new Unknown(`var.${name} is not declared`);
    if (!declared.default) return new Unknown(`var.${name} has no default and no value in a .tfvars file`);
    return new Evaluator(constantResolver).evaluate(declared.default);
  }

  local(name: string): Value {
    const cached = this.localCache.get(name);
    if (cached !== undefined) return cached;
    const expr = this.source.locals.get(name);
    if (!expr) return new Unknown(`local.${name} is not declared`);
    this.localCache.set(name, new Unknown(`local.${name} refers to itself`));
    const value = this.evaluator.evaluate(expr);
    this.localCache.set(name, value);
    return value;
  }

  moduleOutput(module: string, output: string, key?: string): Value {
    const instances = this.instancesOf(module);
    if (instances instanceof Unknown) return instances;
    const chosen = instances.filter((candidate) => candidate.key === key);
    const [only] = chosen;
    if (!only || chosen.length > 1) return new Unknown(key === undefined ? `module.${module} has no single instance` : `module.${module}["${key}"] is not an instance`);
    const expr = only.instance.source.outputs.get(output);
    return expr ? only.instance.evaluator.evaluate(expr) : new Unknown(`module.${module} has no output ${output}`);
  }

  resource(address: string, attributePath: string[]): Value {
    const full = `${this.prefix}${address}`;
    if (address.startsWith('data.aws_iam_policy_document.') && attributePath[0] === 'json') return this.policyDocument(address);
    return new Ref(full, attributePath);
  }

  path(kind: string): Value {
    if (kind === 'module') return this.source.dir;
    if (kind === 'root' || kind === 'cwd') return this.stack[0] ?? '.';
    return new Unknown(`path.${kind}`);
  }

  readFile(file: string): string | undefined {
    const base = this.stack[0] ?? '.';
    const resolved = path.posix.normalize(file.startsWith('/') ? file : path.posix.join(base, file));
    if (resolved.startsWith('../') || resolved === '..' || resolved.startsWith('/')) return undefined;
    return this.repo.has(resolved) ? this.repo.readText(resolved) : undefined;
  }

  /**
   * The instances a module block makes: none for `count = 0` or an empty `for_each`, one per key of a
   * static `for_each` (`module.NAME["key"].`), otherwise one (with `count.index`/`each` unknown).
   */
  private instancesOf(name: string): ChildInstance[] | Unknown {
    const existing = this.children.get(name);
    if (existing) return existing;
    const instances = this.makeInstances(name);
    this.children.set(name, instances);
    return instances;
  }

  private makeInstances(name: string): ChildInstance[] | Unknown {
    const call = this.source.calls.find((candidate) => candidate.name === name);
    if (!call) return new Unknown(`module.${name} is not declared`);
    const source = literalSource(call.block);
    const dir = localModuleDir(this.source.dir, source);
    const target = dir === undefined ? undefined : this.sources.get(dir);
    if (!target) return new Unknown(`module.${name} (${source ?? 'source not literal'}) is ${dir === undefined ? 'remote and not analysed' : 'not in the repository'}`);
    if (this.stack.length >= MAX_MODULE_DEPTH || this.stack.includes(target.dir)) return new Unknown(`module.${name} nests too deeply or calls itself`);
    const argExprs = new Map(call.block.body.attributes.filter((attribute) => !NOT_MODULE_ARGUMENTS.has(attribute.name)).map((attribute) => [attribute.name, attribute.expr]));
    const make = (prefix: string, bindings: Map<string, Value>, key?: string): ChildInstance => {
      const evaluator = this.evaluator.with(bindings);
      const args = (variable: string): Value | undefined => {
        const expr = argExprs.get(variable);
        return expr ? evaluator.evaluate(expr) : undefined;
      };
      return { key, instance: new ModuleInstance(this.repo, this.sources, target, prefix, args, new Map(), this.out, [...this.stack, target.dir]) };
    };
    const base = `${this.prefix}module.${name}`;
    const forEach = call.block.body.attributes.find((attribute) => attribute.name === 'for_each');
    const entries = forEach ? staticEntries(this.evaluator.evaluate(forEach.expr)) : undefined;
    if (entries) return entries.map(([key, value]) => make(`${base}[${JSON.stringify(key)}].`, new Map([['each', eachObject(key, value)]]), key));
    const { instances, bindings } = this.iterationBindings(call.block.body, base);
    return instances === 0 ? [] : [make(`${base}.`, bindings)];
  }

  /** Evaluates this instance's resources and then those of its local modules, into the facts. */
  evaluateResources(): void {
    for (const { block, file } of this.source.resources) this.evaluateResource(block, file);
    for (const call of this.source.calls) {
      const source = literalSource(call.block) ?? '';
      const address = `${this.prefix}module.${call.name}`;
      const instances = this.instancesOf(call.name);
      if (instances instanceof Unknown) {
        if (this.iterationBindings(call.block.body, address).instances === 0) continue;
        this.out.modules.push({ address, source, file: call.file, line: call.block.line, analysed: false, reason: instances.reason });
        continue;
      }
      for (const { key, instance } of instances) {
        this.out.modules.push({ address: key === undefined ? address : `${address}[${JSON.stringify(key)}]`, source, file: call.file, line: call.block.line, analysed: true });
        instance.evaluateResources();
      }
    }
  }

  private evaluateResource(block: HclBlock, file: string): void {
    const [type = '', name = ''] = block.labels;
    const mode = block.type === 'data' ? 'data' : 'managed';
    const blockAddress = `${this.prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const forEach = block.body.attributes.find((attribute) => attribute.name === 'for_each');
    if (forEach) {
      const collection = this.evaluator.evaluate(forEach.expr);
      const entries = staticEntries(collection);
      if (entries) {
        for (const [key, value] of entries) this.pushResource(block, file, { mode, type, name, blockAddress, address: `${blockAddress}[${JSON.stringify(key)}]`, instances: 1 }, new Map([['each', eachObject(key, value)]]));
        return;
      }
      const reason = collection instanceof Unknown ? collection.reason : 'for_each is not known statically';
      const each = newObject();
      each.key = new Unknown(`each.key (${reason})`);
      each.value = new Unknown(`each.value (${reason})`);
      this.pushResource(block, file, { mode, type, name, blockAddress, address: blockAddress, instances: new Unknown(reason) }, new Map([['each', each]]));
      return;
    }
    const { instances, bindings } = this.iterationBindings(block.body, blockAddress);
    if (instances === 0) return;
    this.pushResource(block, file, { mode, type, name, blockAddress, address: blockAddress, instances }, bindings);
  }

  /** `count` of a resource or module block: how many instances, and what `count.index` is inside. */
  private iterationBindings(body: HclBody, address: string): { instances: number | Unknown; bindings: Map<string, Value> } {
    const countAttribute = body.attributes.find((attribute) => attribute.name === 'count');
    const bindings = new Map<string, Value>();
    const forEach = body.attributes.find((attribute) => attribute.name === 'for_each');
    if (forEach) {
      const each = newObject();
      each.key = new Unknown(`each.key of ${address}`);
      each.value = new Unknown(`each.value of ${address}`);
      bindings.set('each', each);
      const collection = this.evaluator.evaluate(forEach.expr);
      const size = Array.isArray(collection) ? collection.length : isObject(collection) ? Object.keys(collection).length : new Unknown('for_each is not known statically');
      return { instances: size, bindings };
    }
    if (!countAttribute) return { instances: 1, bindings };
    const count = this.evaluator.evaluate(countAttribute.expr);
    const index = newObject();
    index.index = new Unknown(`count.index of ${address} varies per instance`);
    bindings.set('count', index);
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return { instances: count, bindings };
    if (typeof count === 'boolean') return { instances: count ? 1 : 0, bindings };
    return { instances: new Unknown(`count of ${address}: ${count instanceof Unknown ? count.reason : 'not a number'}`), bindings };
  }

  private pushResource(
    block: HclBlock,
    file: string,
    identity: Pick<TfResource, 'mode' | 'type' | 'name' | 'address' | 'blockAddress' | 'instances'>,
    bindings: Map<string, Value>,
  ): void {
    const body = evaluateBody(block.body, this.evaluator.with(bindings), 0);
    this.out.resources.push({ ...identity, modulePrefix: this.prefix, file, line: block.line, ...body });
  }

  /** `data.aws_iam_policy_document.X.json`: the policy JSON the data source renders from its statements. */
  private policyDocument(address: string): Value {
    const name = address.slice('data.aws_iam_policy_document.'.length);
    const found = this.source.resources.find(({ block }) => block.type === 'data' && block.labels[0] === 'aws_iam_policy_document' && block.labels[1] === name);
    if (!found) return new Unknown(`${this.prefix}${address} is not declared`);
    const body = evaluateBody(found.block.body, this.evaluator, 0);
    for (const key of ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json']) {
      if (body.attributes[key]) return new Unknown(`${this.prefix}${address} merges other documents (${key})`);
    }
    const statements: Value[] = [];
    for (const statement of body.blocks.filter((candidate) => candidate.type === 'statement')) {
      if (statement.unknown) return new Unknown(statement.unknown);
      const rendered = newObject();
      const get = (key: string): Value | undefined => statement.attributes[key]?.value;
      const sid = get('sid');
      if (sid !== undefined) rendered.Sid = sid;
      rendered.Effect = get('effect') ?? 'Allow';
      for (const [from, to] of [
        ['actions', 'Action'],
        ['not_actions', 'NotAction'],
        ['resources', 'Resource'],
        ['not_resources', 'NotResource'],
      ] as const) {
        const value = get(from);
        if (value !== undefined) rendered[to] = value;
      }
      for (const principals of statement.blocks.filter((candidate) => candidate.type === 'principals' || candidate.type === 'not_principals')) {
        const key = principals.type === 'principals' ? 'Principal' : 'NotPrincipal';
        const type = principals.attributes.type?.value;
        const identifiers = principals.attributes.identifiers?.value;
        if (typeof type !== 'string') return new Unknown(`${address}: principal type not known statically`);
        const existing = rendered[key];
        const object = isObject(existing) ? existing : newObject();
        object[type] = identifiers ?? null;
        rendered[key] = object;
      }
      const conditions = statement.blocks.filter((candidate) => candidate.type === 'condition');
      if (conditions.length > 0) {
        const condition = newObject();
        for (const entry of conditions) {
          const test = entry.attributes.test?.value;
          const variable = entry.attributes.variable?.value;
          if (typeof test !== 'string' || typeof variable !== 'string') return new Unknown(`${address}: condition not known statically`);
          const byTest = isObject(condition[test]) ? (condition[test] as ValueObject) : newObject();
          byTest[variable] = entry.attributes.values?.value ?? null;
          condition[test] = byTest;
        }
        rendered.Condition = condition;
      }
      statements.push(rendered);
    }
    const document = newObject();
    document.Version = body.attributes.version?.value ?? '2012-10-17';
    document.Statement = statements;
    return jsonText(document);
  }
}

const SKIPPED_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection', 'precondition', 'postcondition']);

/** Arguments that hold credentials: their literal values are redacted before they reach the facts. */
const SECRET_ARGUMENT = /password|secret|token|private_key|access_key|credential/i;

function evaluateBody(body: HclBody, evaluator: Evaluator, depth: number): TfBody {
  const attributes: Record<string, TfAttribute> = Object.create(null) as Record<string, TfAttribute>;
  for (const attribute of body.attributes) {
    const value = evaluator.evaluate(attribute.expr);
    attributes[attribute.name] = { value: typeof value === 'string' && SECRET_ARGUMENT.test(attribute.name) ? redactSecret(value) : value, line: attribute.line };
  }
  const blocks: TfBlock[] = [];
  if (depth > 20) return { attributes, blocks };
  for (const block of body.blocks) {
    if (SKIPPED_BLOCKS.has(block.type)) continue;
    if (block.type === 'dynamic') {
      blocks.push(...expandDynamic(block, evaluator, depth));
      continue;
    }
    blocks.push({ type: block.type, line: block.line, ...evaluateBody(block.body, evaluator, depth + 1) });
  }
  return { attributes, blocks };
}

function expandDynamic(block: HclBlock, evaluator: Evaluator, depth: number): TfBlock[] {
  const type = block.labels[0] ?? '';
  const content = block.body.blocks.find((candidate) => candidate.type === 'content');
  if (!content) return [];
  const iteratorExpr = block.body.attributes.find((attribute) => attribute.name === 'iterator')?.expr;
  const iterator = iteratorExpr?.kind === 'variable' ? iteratorExpr.name : type;
  const forEachExpr = block.body.attributes.find((attribute) => attribute.name === 'for_each')?.expr;
  const collection = forEachExpr ? evaluator.evaluate(forEachExpr) : new Unknown('dynamic block without for_each');
  const entries: [Value, Value][] | undefined = Array.isArray(collection) ? collection.map((item, index) => [index, item]) : isObject(collection) ? Object.entries(collection) : undefined;
  const bind = (key: Value, value: Value): Evaluator => {
    const item = newObject();
    item.key = key;
    item.value = value;
    return evaluator.with(new Map([[iterator, item]]));
  };
  if (entries && entries.length <= MAX_INSTANCES) {
    return entries.map(([key, value]) => ({ type, line: content.line, ...evaluateBody(content.body, bind(key, value), depth + 1) }));
  }
  const reason = `dynamic "${type}" iterates over a value not known statically${collection instanceof Unknown ? ` (${collection.reason})` : ''}`;
  return [{ type, line: block.line, unknown: reason, ...evaluateBody(content.body, bind(new Unknown(reason), new Unknown(reason)), depth + 1) }];
}
