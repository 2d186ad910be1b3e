import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Document, isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import type { AttestationEntry, DeviationEntry } from './types.js';
import { ConfigError, parseConfig } from './load.js';

/**
 * Adds an attestation to a configuration file, keeping its comments, order and layout. A newer
 * attestation of the same requirement takes the place of the old one (renewal), so the file never
 * holds two for one requirement. Returns whether one was replaced.
 */
export function writeAttestation(file: string, entry: AttestationEntry): { replaced: boolean } {
  return edit(file, 'attestations', entry, (item) => isMap(item) && item.get('requirement') === entry.requirement);
}

/** Appends a deviation to a configuration file, keeping its comments, order and layout. */
export function writeDeviation(file: string, entry: DeviationEntry): void {
  edit(file, 'deviations', entry, () => false);
}

function edit(file: string, list: 'attestations' | 'deviations', entry: object, replaces: (item: unknown) => boolean): { replaced: boolean } {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const document = text.trim() ? parseDocument(text) : new Document({});
  if (document.errors.length > 0) throw new ConfigError(file, [`cannot edit: ${document.errors[0]?.message.split('\n')[0] ?? 'YAML error'}`]);
  if (document.contents === null) document.contents = document.createNode({});
  if (!isMap(document.contents)) throw new ConfigError(file, ['cannot edit: the file is not a mapping']);

  const node = document.createNode(entry);
  let replaced = false;
  const existing = document.get(list, true);
  if (isSeq(existing)) {
    const seq = existing as YAMLSeq;
    const at = seq.items.findIndex(replaces);
    if (at >= 0) {
      seq.items[at] = node;
      replaced = true;
    } else {
      if (seq.items.length === 0) seq.flow = false;
      seq.items.push(node);
    }
  } else if (existing === undefined || existing === null || (existing as { value?: unknown }).value === null) {
    document.set(list, document.createNode([entry]));
  } else {
    throw new ConfigError(file, [`cannot edit: '${list}' is not a list`]);
  }

  const updated = document.toString();
  // Never leave behind a file tenet itself would refuse.
  parseConfig(updated, file);
  writeFileSync(file, updated);
  return { replaced };
}
