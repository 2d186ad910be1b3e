import { defineCollector } from '../collector.js';
import type { Suppression } from '../../core/result.js';
import { messageOf } from '../../core/errors.js';
import { parseHcl, type HclExpr } from '../../parsers/hcl.js';
import { inlineWaiver } from '../../engine/inline-waivers.js';

/** One `path "…" { capabilities = […] }` rule of a Vault policy. */
export interface VaultRule {
  path: string;
  /** Undefined when the capabilities are not a list of literal strings. */
  capabilities: string[] | undefined;
  line: number;
}

export interface VaultPolicyFile {
  file: string;
  rules: VaultRule[];
  /** The `tenet:ignore` waiver of a control on or above a line. */
  waiver(controlId: string, line: number): Suppression | undefined;
}

export interface VaultPoliciesFacts {
  policies: VaultPolicyFile[];
}

/** A Vault policy starts a line with `path "…"`; other .hcl files (Packer, Nomad, Terragrunt) do not. */
const POLICY_SHAPE = /^[ \t]{0,20}path[ \t]{1,20}"/m;

/** The rules of a Vault policy text; throws on malformed HCL. */
export function parseVaultPolicy(text: string): VaultRule[] {
  const body = parseHcl(text);
  return body.blocks
    .filter((block) => block.type === 'path' && block.labels.length === 1)
    .map((block) => {
      const expr = block.body.attributes.find((attribute) => attribute.name === 'capabilities')?.expr;
      return { path: block.labels[0] ?? '', capabilities: literalStrings(expr), line: block.line };
    });
}

function literalStrings(expr: HclExpr | undefined): string[] | undefined {
  if (expr?.kind !== 'tuple') return undefined;
  const values: string[] = [];
  for (const item of expr.items) {
    if (item.kind === 'literal' && typeof item.value === 'string') values.push(item.value);
    else if (item.kind === 'template' && item.parts.every((part) => typeof part === 'string')) values.push(item.parts.join(''));
    else return undefined;
  }
  return values;
}

/** Vault policy files (`*.hcl` with `path` rules) in the repository. */
export const vaultPoliciesFacts = defineCollector<VaultPoliciesFacts>({
  id: 'vault-policies',
  description: 'Vault ACL policy files (*.hcl with path rules and capabilities)',
  collect({ repo }) {
    const policies: VaultPolicyFile[] = [];
    for (const { path: file } of repo.files) {
      if (!file.endsWith('.hcl') || file.endsWith('.lock.hcl') || file.split('/').includes('.terraform')) continue;
      const text = repo.readText(file);
      if (text === undefined || !POLICY_SHAPE.test(text)) continue;
      try {
        const rules = parseVaultPolicy(text);
        if (rules.length === 0) continue;
        policies.push({
          file,
          rules,
          waiver(controlId, line) {
            const found = inlineWaiver(text, line, controlId);
            return found ? { kind: 'inline', reason: found.reason, source: `${file}:${found.line}` } : undefined;
          },
        });
      } catch (error) {
        repo.report(file, `malformed Vault policy: ${messageOf(error)}`);
      }
    }
    return { policies };
  },
});
