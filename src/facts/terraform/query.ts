import { Ref, Unknown, isObject, type TerraformFacts, type TfAttribute, type TfBlock, type TfBody, type TfResource, type Value } from './terraform.js';

/** Queries over the Terraform model that every Terraform judgement needs: resources by type, nested blocks, literal values. */

export function managed(facts: TerraformFacts, ...types: string[]): TfResource[] {
  const wanted = new Set(types);
  return facts.resources.filter((resource) => resource.mode === 'managed' && wanted.has(resource.type));
}

/** Nested blocks of a type, including the attributes-as-blocks form (`ingress = [{ … }]`). */
export function blocksOf(body: TfBody, type: string): TfBlock[] {
  const blocks = body.blocks.filter((block) => block.type === type);
  const attribute = body.attributes[type];
  if (attribute && Array.isArray(attribute.value)) {
    for (const item of attribute.value) {
      if (!isObject(item)) continue;
      const attributes: Record<string, TfAttribute> = Object.create(null) as Record<string, TfAttribute>;
      for (const [key, value] of Object.entries(item)) attributes[key] = { value, line: attribute.line };
      blocks.push({ type, line: attribute.line, attributes, blocks: [] });
    }
  } else if (attribute?.value instanceof Unknown) {
    blocks.push({ type, line: attribute.line, attributes: {}, blocks: [], unknown: attribute.value.reason });
  }
  return blocks;
}

export function firstBlock(body: TfBody, type: string): TfBlock | undefined {
  return blocksOf(body, type)[0];
}

/** Short display of a value for messages. */
export function show(value: Value): string {
  if (value instanceof Unknown) return `(unknown: ${value.reason})`;
  if (value instanceof Ref) return value.text;
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export type Truth = true | false | Unknown;

/** A boolean setting: true/false (also as strings), or Unknown when not known statically. */
export function truth(value: Value | undefined): Truth {
  if (value === true || value === 'true') return true;
  if (value === undefined || value === null || value === false || value === 'false') return false;
  if (value instanceof Unknown) return value;
  if (value instanceof Ref) return new Unknown(`${value.text} is known only at apply time`);
  return false;
}

/** The number a setting holds, or Unknown. */
export function numberOf(value: Value | undefined): number | undefined | Unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value);
  if (value instanceof Unknown) return value;
  if (value instanceof Ref) return new Unknown(`${value.text} is known only at apply time`);
  return new Unknown(`not a number: ${show(value)}`);
}

/** `aws_kms_key.main` from `module.a.aws_kms_key.main`; `data.aws_kms_alias.x` keeps its `data.`. */
export function typeOfAddress(address: string): string {
  const local = address.replace(/^(module\.[^.]+\.)+/, '');
  const parts = local.split('.');
  return parts[0] === 'data' ? `data.${parts[1] ?? ''}` : (parts[0] ?? '');
}

const addressIndex = new WeakMap<TerraformFacts, Map<string, TfResource>>();

export function findResource(facts: TerraformFacts, address: string): TfResource | undefined {
  let index = addressIndex.get(facts);
  if (!index) {
    index = new Map();
    for (const resource of facts.resources) {
      if (!index.has(resource.blockAddress)) index.set(resource.blockAddress, resource);
      index.set(resource.address, resource);
    }
    addressIndex.set(facts, index);
  }
  return index.get(address);
}

/** Resources whose `attribute` refers to `target` (by address) or names it literally. */
export function referencing(resources: readonly TfResource[], attribute: string, target: TfResource, literalNames: readonly Value[] = []): TfResource[] {
  return resources.filter((resource) => {
    const value = resource.attributes[attribute]?.value;
    if (value instanceof Ref) return value.address === target.blockAddress;
    return typeof value === 'string' && literalNames.includes(value);
  });
}
