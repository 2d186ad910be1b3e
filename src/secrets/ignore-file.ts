import type { Suppression } from '../core/result.js';

export const DEFAULT_IGNORE_FILE = '.tenetignore-secrets';

/**
 * `.tenetignore-secrets`: one finding fingerprint per line, optionally followed by `# reason`.
 * A fingerprint is a hash of rule and secret, so an entry follows the secret when it moves and never
 * covers a different secret that later appears on the same line.
 */
export function parseIgnoreFile(text: string, source: string): Map<string, Suppression> {
  const entries = new Map<string, Suppression>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const hash = raw.indexOf('#');
    const fingerprint = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (!/^[0-9a-f]{16}$/.test(fingerprint)) return;
    const reason = hash === -1 ? '' : raw.slice(hash + 1).trim();
    entries.set(fingerprint, { kind: 'ignore-file', reason: reason || `listed in ${source}`, source: `${source}:${index + 1}` });
  });
  return entries;
}
