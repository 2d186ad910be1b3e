/** Structural checks of tokens that carry their own checksum or encoding. */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm (`npm_`) tokens end in the base62 CRC32 of
 * the 30 random characters after the prefix: a token that fails it is a made-up example.
 */
export function hasBase62Crc32Suffix(secret: string): boolean {
  const underscore = secret.indexOf('_');
  const body = secret.slice(underscore + 1);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** A JWT whose header decodes to JSON naming an algorithm. */
export function isJwt(secret: string): boolean {
  const header = secret.split('.')[0] ?? '';
  try {
    const decoded = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as unknown;
    return typeof decoded === 'object' && decoded !== null && ('alg' in decoded || 'typ' in decoded);
  } catch {
    return false;
  }
}

/** Docker `auth` values are base64 of `user:password`. */
export function isBase64UserPassword(secret: string): boolean {
  const decoded = Buffer.from(secret, 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  return colon > 0 && colon < decoded.length - 1 && /^[\x20-\x7e]+$/.test(decoded);
}
