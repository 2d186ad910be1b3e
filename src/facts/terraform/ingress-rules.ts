import { Ref, Unknown, type TfBody, type TfResource, type Value } from './terraform.js';
import { blocksOf, numberOf, truth } from './query.js';

/** One ingress permission in a normalised form, whatever resource declared it. */
export interface IngressRule {
  /** Port ranges it opens (inclusive); `all` for every port, empty for ICMP-like protocols. */
  ports: { from: number; to: number }[] | 'all' | Unknown;
  /** Sources open to the whole internet (`0.0.0.0/0`, `::/0`, `*`, `Internet`), or Unknown. */
  worldSources: string[] | Unknown;
  line: number;
}

const WORLD = new Set(['0.0.0.0/0', '::/0', '*', 'internet', 'any', '0.0.0.0']);

function worldIn(values: (Value | undefined)[]): string[] | Unknown {
  const open: string[] = [];
  for (const value of values) {
    if (value === undefined || value === null) continue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item instanceof Unknown) return item;
      if (typeof item === 'string' && WORLD.has(item.toLowerCase())) open.push(item);
    }
  }
  return open;
}

function awsPorts(protocol: Value | undefined, from: Value | undefined, to: Value | undefined): IngressRule['ports'] {
  if (protocol instanceof Unknown) return protocol;
  if (protocol instanceof Ref) return new Unknown(`protocol comes from ${protocol.text}`);
  const name = String(protocol ?? '').toLowerCase();
  if (name === '-1' || name === 'all') return 'all';
  if (!['tcp', 'udp', '6', '17'].includes(name)) return [];
  const low = numberOf(from);
  const high = numberOf(to);
  if (low instanceof Unknown) return low;
  if (high instanceof Unknown) return high;
  if (low === undefined || high === undefined) return new Unknown('from_port/to_port not set');
  return [{ from: low, to: high }];
}

function awsRule(body: TfBody, line: number, v4: string, v6: string, protocolName: string): IngressRule {
  const cidrLine = body.attributes[v4]?.line ?? body.attributes[v6]?.line ?? line;
  return {
    ports: awsPorts(body.attributes[protocolName]?.value, body.attributes.from_port?.value, body.attributes.to_port?.value),
    worldSources: worldIn([body.attributes[v4]?.value, body.attributes[v6]?.value]),
    line: cidrLine,
  };
}

/** Azure `destination_port_range(s)`: `*`, `22`, `1000-2000`. */
function azurePorts(values: (Value | undefined)[]): IngressRule['ports'] {
  const ranges: { from: number; to: number }[] = [];
  for (const value of values) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item instanceof Unknown) return item;
      const text = String(item);
      if (text === '*') return 'all';
      const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
      if (!match) return new Unknown(`port range ${text}`);
      ranges.push({ from: Number(match[1]), to: Number(match[2] ?? match[1]) });
    }
  }
  return ranges;
}

function azureRule(body: TfBody, line: number): IngressRule | undefined {
  const direction = body.attributes.direction?.value;
  const access = body.attributes.access?.value;
  if (direction instanceof Unknown || access instanceof Unknown) return { ports: direction instanceof Unknown ? direction : (access as Unknown), worldSources: [], line };
  if (String(direction).toLowerCase() !== 'inbound' || String(access).toLowerCase() !== 'allow') return undefined;
  const protocol = body.attributes.protocol?.value;
  const ports = typeof protocol === 'string' && ['icmp', 'ah', 'esp'].includes(protocol.toLowerCase()) ? [] : azurePorts([body.attributes.destination_port_range?.value, body.attributes.destination_port_ranges?.value]);
  return {
    ports,
    worldSources: worldIn([body.attributes.source_address_prefix?.value, body.attributes.source_address_prefixes?.value]),
    line: body.attributes.source_address_prefix?.line ?? body.attributes.source_address_prefixes?.line ?? line,
  };
}

function gcpRules(resource: TfResource): IngressRule[] {
  const direction = resource.attributes.direction?.value;
  if (typeof direction === 'string' && direction.toUpperCase() === 'EGRESS') return [];
  if (truth(resource.attributes.disabled?.value) === true) return [];
  const worldSources = worldIn([resource.attributes.source_ranges?.value]);
  const line = resource.attributes.source_ranges?.line ?? resource.line;
  return blocksOf(resource, 'allow').map((allow) => {
    if (allow.unknown) return { ports: new Unknown(allow.unknown), worldSources, line };
    const protocol = allow.attributes.protocol?.value;
    if (protocol instanceof Unknown) return { ports: protocol, worldSources, line };
    const name = String(protocol ?? '').toLowerCase();
    if (name === 'all') return { ports: 'all', worldSources, line };
    if (!['tcp', 'udp', 'sctp', '6', '17'].includes(name)) return { ports: [], worldSources, line };
    const ports = allow.attributes.ports?.value;
    return { ports: ports === undefined ? 'all' : azurePorts([ports]), worldSources, line };
  });
}

/** Ingress rules a resource declares (security groups and their rule resources, Azure NSGs, GCP firewalls). */
export function ingressRules(resource: TfResource): IngressRule[] | undefined {
  switch (resource.type) {
    case 'aws_security_group':
    case 'aws_default_security_group':
      return blocksOf(resource, 'ingress').map((block) => (block.unknown ? { ports: new Unknown(block.unknown), worldSources: new Unknown(block.unknown), line: block.line } : awsRule(block, block.line, 'cidr_blocks', 'ipv6_cidr_blocks', 'protocol')));
    case 'aws_security_group_rule': {
      const type = resource.attributes.type?.value;
      if (type instanceof Unknown) return [{ ports: type, worldSources: type, line: resource.line }];
      return type === 'ingress' ? [awsRule(resource, resource.line, 'cidr_blocks', 'ipv6_cidr_blocks', 'protocol')] : [];
    }
    case 'aws_vpc_security_group_ingress_rule':
      return [awsRule(resource, resource.line, 'cidr_ipv4', 'cidr_ipv6', 'ip_protocol')];
    case 'azurerm_network_security_rule': {
      const rule = azureRule(resource, resource.line);
      return rule ? [rule] : [];
    }
    case 'azurerm_network_security_group':
      return blocksOf(resource, 'security_rule').flatMap((block) => {
        const rule = azureRule(block, block.line);
        return rule ? [rule] : [];
      });
    case 'google_compute_firewall':
      return gcpRules(resource);
    default:
      return undefined;
  }
}

export const INGRESS_TYPES = ['aws_security_group', 'aws_default_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'azurerm_network_security_rule', 'azurerm_network_security_group', 'google_compute_firewall'];
