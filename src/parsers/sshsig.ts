/**
 * Reads the public-key type out of an SSH signature (PROTOCOL.sshsig): the armoured blob is
 * "SSHSIG", uint32 version, then the signer's public key as an RFC 4253 string whose first field is
 * the key type. Nothing is verified here; the key type only says what kind of key made it.
 */

/** Key types of FIDO/U2F security keys (OpenSSH 8.2+): the private key never leaves the device. */
export const SECURITY_KEY_TYPES: readonly string[] = ['sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com'];

const MAGIC = 'SSHSIG';
// A real SSHSIG is well under 1 KiB even for RSA-4096; anything far larger is not one.
const MAX_ARMOUR = 64 * 1024;

export type SshSignatureKey = { ok: true; keyType: string } | { ok: false; reason: string };

/** The key type of an armoured `-----BEGIN SSH SIGNATURE-----` block, or why it could not be read. */
export function sshSignatureKeyType(armour: string): SshSignatureKey {
  if (armour.length > MAX_ARMOUR) return { ok: false, reason: 'the SSH signature is implausibly large' };
  const begin = armour.indexOf('-----BEGIN SSH SIGNATURE-----');
  const end = armour.indexOf('-----END SSH SIGNATURE-----');
  if (begin === -1 || end === -1 || end < begin) return { ok: false, reason: 'no SSH signature armour' };
  const base64 = armour.slice(begin + '-----BEGIN SSH SIGNATURE-----'.length, end).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return { ok: false, reason: 'the SSH signature is not base64' };
  const blob = Buffer.from(base64, 'base64');
  if (blob.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return { ok: false, reason: 'the SSH signature lacks the SSHSIG preamble' };
  let offset = MAGIC.length;
  if (blob.length < offset + 4) return { ok: false, reason: 'the SSH signature is truncated' };
  const version = blob.readUInt32BE(offset);
  offset += 4;
  if (version !== 1) return { ok: false, reason: `unsupported SSHSIG version ${version}` };
  const publicKey = readString(blob, offset);
  if (!publicKey) return { ok: false, reason: 'the SSH signature has no readable public key' };
  const keyType = readString(publicKey.value, 0);
  if (!keyType || keyType.value.length === 0) return { ok: false, reason: 'the SSH signature public key has no key type' };
  const text = keyType.value.toString('latin1');
  if (!/^[\x21-\x7e]{1,64}$/.test(text)) return { ok: false, reason: 'the SSH signature key type is not printable' };
  return { ok: true, keyType: text };
}

/** An RFC 4253 `string`: uint32 length, then that many bytes. */
function readString(buffer: Buffer, offset: number): { value: Buffer; next: number } | undefined {
  if (buffer.length < offset + 4) return undefined;
  const length = buffer.readUInt32BE(offset);
  const start = offset + 4;
  if (length > buffer.length - start) return undefined;
  return { value: buffer.subarray(start, start + length), next: start + length };
}

/** Builds an RFC 4253 `string` (for tests and fixtures). */
export function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'latin1') : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
