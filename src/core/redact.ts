import { createHash } from 'node:crypto';

/** A short, stable identifier of a value that reveals nothing about it. */
export function fingerprintOf(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
}

/**
 * Shows at most a short prefix of a secret: enough for a person to recognise which credential it is,
 * too little to use it.
 */
export function redactSecret(secret: string, visible = 4): string {
  const shown = secret.length <= visible * 3 ? Math.min(2, secret.length >> 2) : visible;
  return `${secret.slice(0, shown)}${'*'.repeat(Math.min(8, Math.max(3, secret.length - shown)))}`;
}

/** Removes a password or token from `scheme://user:secret@host` URLs. */
export function redactUrlCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/@\s]*)@/i, (_match, scheme: string, userinfo: string) => {
    const user = userinfo.split(':')[0] ?? '';
    return userinfo.includes(':') ? `${scheme}${user}:***@` : `${scheme}***@`;
  });
}
